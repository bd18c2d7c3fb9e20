// The README's main command, `npm run tour`, run as a newcomer runs it (a child process), with the
// flags it takes: the backend it names in its first line, --emulator with a key set, one line when
// the real API cannot be reached or refuses the key, and a clear exit for an unknown flag.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useEmulator } from "./helpers/emulator.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const emulator = useEmulator();

interface TourRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function tour(args: string[], env: Record<string, string | undefined>): Promise<TourRun> {
  const { OPENROUTER_API_KEY: _key, OPENROUTER_BASE_URL: _url, ...rest } = process.env;
  const childEnv = { ...rest, NO_COLOR: "1", ...env } as NodeJS.ProcessEnv;
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ["examples/tour.ts", ...args], { cwd: ROOT, env: childEnv, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run tour", () => {
  it("tours every section against the emulator without a key, and says so first", async () => {
    const run = await tour([], {});
    expect(run.stdout.split("\n")[0]).toMatch(/^ChatOpenRouter tour — OpenRouter emulator at http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(run.stdout).toContain("Tour complete: every step passed.");
    expect(run.stderr).not.toContain("✗");
    expect(run.code).toBe(0);
  }, 60_000);

  it("takes --emulator to tour offline although OPENROUTER_API_KEY is set, and never sends that key", async () => {
    const run = await tour(["--emulator", "chat"], { OPENROUTER_API_KEY: "sk-or-v1-tour-real-key", OPENROUTER_BASE_URL: "http://127.0.0.1:9/api/v1" });
    expect(run.stdout.split("\n")[0]).toContain("OpenRouter emulator at http://127.0.0.1:");
    expect(run.stdout).toContain("━━ Chat: invoke, stream, batch, usage");
    expect(run.stdout).not.toContain("━━ Routing");
    expect(run.stdout + run.stderr).not.toContain("sk-or-v1-tour-real-key");
    expect(run.code).toBe(0);
  }, 60_000);

  it("with a key but the API unreachable, names the backend and says so in one line, then exits 1", async () => {
    const run = await tour([], { OPENROUTER_API_KEY: "sk-or-v1-tour-real-key", OPENROUTER_BASE_URL: "http://127.0.0.1:9/api/v1" });
    expect(run.stdout.trim().split("\n")).toEqual([
      "ChatOpenRouter tour — real OpenRouter API at http://127.0.0.1:9/api/v1 (OPENROUTER_API_KEY is set; npm run tour -- --emulator tours offline)",
    ]);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^Cannot reach http:\/\/127\.0\.0\.1:9\/api\/v1 \(no network\?\): .+ Run npm run tour -- --emulator to tour offline\.$/m);
    expect(run.code).toBe(1);
  }, 60_000);

  it("with a key the API refuses, says so in one line and names the fix", async () => {
    const run = await tour([], { OPENROUTER_API_KEY: "sk-or-v1-invalid", OPENROUTER_BASE_URL: emulator.current.baseURL });
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^OpenRouter refused the tour's first request: OpenRouter 401: .*Check OPENROUTER_API_KEY, or run npm run tour -- --emulator\.$/m);
    expect(run.stdout).not.toContain("━━");
    expect(run.code).toBe(1);
  }, 60_000);

  it("names an unknown flag and the flags it takes, and exits 2 without touring", async () => {
    const run = await tour(["--emulatr"], {});
    expect(run.stderr.trim()).toBe("unknown flag --emulatr: the tour takes --emulator. usage: npm run tour -- [--emulator] [section words…]");
    expect(run.stdout).toBe("");
    expect(run.code).toBe(2);
  }, 60_000);

  it("indents continuation lines under their label and labels every number it prints", async () => {
    const run = await tour(["--emulator", "chat", "routing"], {});
    const lines = run.stdout.split("\n");
    const poem = lines.findIndex((line) => line.startsWith("  stream → "));
    expect(lines[poem + 1]).toMatch(/^ {4}\S/);
    expect(lines.filter((line) => /^\s*\S+: 4\b/.test(line))).toEqual([]);
    expect(run.stdout).toContain("2 + 2 = 4");
    expect(run.code).toBe(0);
  }, 60_000);
});
