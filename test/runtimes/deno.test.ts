// Deno, from the exact `deno` devDependency: the packed tarball installed in a fresh folder (with each
// core version we support) by npm, as a Deno user with a package.json has it, imported and required
// with only the permissions the package needs (env, net to 127.0.0.1, read of the app), runs the
// checks against the emulator (started here, in Node) and gives what Node gives.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/server.js";
import { CORE_VERSIONS, installPackedApps, type PackedApps, run } from "./packed_app.js";
import { expectChecksPassed, nodeReference, PROBE_FILES, runProbe } from "./probe_output.js";
import { runtimeBinary } from "./runtime_binaries.js";

const SMOKE_CJS = fileURLToPath(new URL("./pack/smoke.cjs", import.meta.url));
const NO_ENV = fileURLToPath(new URL("./pack/no_env.mjs", import.meta.url));
const PERMISSIONS = ["--allow-env", "--allow-net=127.0.0.1", "--allow-read=."];

const deno = runtimeBinary("deno");
let packed: PackedApps;
let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  packed = await installPackedApps("openrouter-deno-", [...PROBE_FILES, SMOKE_CJS, NO_ENV]);
  emulator = await startEmulator();
  // Deno's caches in the temporary folder, not the user's; no update check (no network but the emulator)
  const denoDir = join(packed.work, "deno-dir");
  mkdirSync(denoDir);
  env = {
    OPENROUTER_API_KEY: "sk-or-v1-deno-test",
    OPENROUTER_BASE_URL: emulator.baseURL,
    DENO_DIR: denoDir,
    DENO_NO_UPDATE_CHECK: "1",
    DENO_NO_PROMPT: "1",
    NO_COLOR: "1",
  };
});

afterAll(async () => {
  await emulator?.close();
  packed?.remove();
});

describe(`Deno ${deno.version} (packed tarball, node_modules from npm)`, () => {
  for (const core of CORE_VERSIONS) {
    it(`imports the ESM build: invoke, stream, a tool call, streamEvents (v2 and content blocks), the Responses API, a typed 401, as on Node, with core ${core}`, async () => {
      const app = packed.apps.get(core)!;
      const output = await runProbe(deno.path, ["run", ...PERMISSIONS, "probe.mjs"], app, env);
      expect(output.resolved).toBe(`file://${join(app, "node_modules/@langchain/openrouter/dist/index.js")}`);
      expectChecksPassed(output, await nodeReference(app, env));
    });

    it(`requires the CommonJS build: invoke, stream, a typed 401, with core ${core}`, async () => {
      const app = packed.apps.get(core)!;
      const { stdout } = await run(deno.path, ["run", ...PERMISSIONS, "smoke.cjs"], { cwd: app, env: { ...process.env, ...env } });
      const output = JSON.parse(stdout) as { resolved: string; invoke: string; stream: string; error: string };
      expect(output.resolved).toBe(join(app, "node_modules/@langchain/openrouter/dist/index.cjs"));
      expect(output.invoke).toMatch(/^Why do programmers prefer dark mode\?/);
      expect(output.stream).toBe(output.invoke);
      expect(output.error).toBe("OpenRouterAuthError");
    });
  }

  it("without --allow-env, says the environment could not be read (not that the key is unset), and how to allow it", async () => {
    const app = packed.apps.get(CORE_VERSIONS[0]!)!;
    const { stdout } = await run(deno.path, ["run", "--allow-net=127.0.0.1", "--allow-read=.", "no_env.mjs"], {
      cwd: app,
      env: { ...process.env, ...env },
    });
    const output = JSON.parse(stdout) as { name: string; message: string };
    expect(output.name).toBe("OpenRouterAuthError");
    expect(output.message).toMatch(/OPENROUTER_API_KEY could not be read/);
    expect(output.message).toContain("--allow-env=OPENROUTER_API_KEY");
  });
});
