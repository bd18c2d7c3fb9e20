// What a user installs: `npm pack` → the tarball installed with @langchain/core and zod in a fresh
// folder → an ESM `import` script and a CJS `require` script, each run on every Node we test
// (RUNTIME_NODE_BINARIES, colon-separated, adds to this Node) and with every core version we
// support (PACK_CORE_VERSIONS, space-separated; default: the installed one).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/server.js";
import { ChatOpenRouter } from "../../src/index.js";
import { CORE_VERSIONS, installPackedApps, type PackedApps, ROOT, run } from "./packed_app.js";

const HERE = fileURLToPath(new URL("./pack/", import.meta.url));
const NODES = [process.execPath, ...(process.env["RUNTIME_NODE_BINARIES"] ?? "").split(":").filter(Boolean)];

let packed: PackedApps;
let tarball: string;
let emulator: Emulator;
let apps: Map<string, string>;

interface SmokeOutput {
  resolved: string;
  invoke: string;
  stream: string;
  usage: Record<string, number>;
  error: string;
}

beforeAll(async () => {
  packed = await installPackedApps(
    "openrouter-pack-",
    ["smoke.mjs", "smoke.cjs", "contracts.mjs", "beyond_chat.mjs", "consumer.mts", "consumer.cts"].map((file) => join(HERE, file))
  );
  ({ tarball, apps } = packed);
  for (const app of apps.values()) {
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ["consumer.mts", "consumer.cts"],
      })
    );
  }
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
  packed?.remove();
});

async function smoke(node: string, app: string, script: string): Promise<SmokeOutput> {
  const { stdout } = await run(node, [script], {
    cwd: app,
    env: { ...process.env, OPENROUTER_API_KEY: "sk-or-v1-pack-test", OPENROUTER_BASE_URL: emulator.baseURL },
  });
  return JSON.parse(stdout) as SmokeOutput;
}

async function expectedJoke(): Promise<string> {
  const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", apiKey: "sk-or-v1-x", baseURL: emulator.baseURL });
  return (await model.invoke("Tell me a joke.")).content as string;
}

describe("packed tarball", () => {
  it("contains only dist/, package.json, README, CHANGELOG and LICENSE", async () => {
    const { stdout } = await run("tar", ["-tzf", tarball]);
    const files = stdout.trim().split("\n").map((file) => file.replace(/^package\//, ""));
    expect(files.filter((file) => !/^dist\/|^package\.json$|^README\.md$|^CHANGELOG\.md$|^LICENSE$/.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "CHANGELOG.md", "README.md", "package.json"]));
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"]));
  });

  for (const core of CORE_VERSIONS) {
    it(`installs with @langchain/core ${core} as the only core copy`, async () => {
      const { stdout } = await run("npm", ["ls", "@langchain/core", "--all", "--parseable"], { cwd: apps.get(core)! });
      expect(stdout.trim().split("\n")).toHaveLength(1);
      const installed = JSON.parse(readFileSync(join(apps.get(core)!, "node_modules/@langchain/core/package.json"), "utf8")) as { version: string };
      expect(installed.version).toBe(core);
    });

    it(`type-checks an ESM and a CommonJS consumer against the packed types with core ${core}`, async () => {
      const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
      const output = await run(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], { cwd: apps.get(core)! })
        .then(({ stdout }) => stdout)
        .catch((error: { stdout?: string }) => error.stdout ?? String(error));
      // errors inside core's or zod's own .d.ts files are theirs; ours and the consumer's must be none
      const ours = output.split("\n").filter((line) => /^consumer\.|@langchain\/openrouter/.test(line));
      expect(ours).toEqual([]);
    });

    it(`contracts.mjs: context overflow, retryability, refusal, server tools, audio, aliases, streaming: true, response cache from the tarball with core ${core}`, async () => {
      const { stdout } = await run(process.execPath, ["contracts.mjs"], {
        cwd: apps.get(core)!,
        env: { ...process.env, OPENROUTER_API_KEY: "sk-or-v1-pack-test", OPENROUTER_BASE_URL: emulator.baseURL },
      });
      const output = JSON.parse(stdout) as Record<string, Record<string, unknown> | unknown[] | unknown>;
      // what the installed core offers decides what our errors add (feature-detected); ours are ours on any core
      const has = output["coreHas"] as Record<string, boolean>;
      expect(output["overflow"]).toEqual({ ours: true, core: has["ContextOverflowError"] ? true : null, retryable: false });
      expect(output["auth"]).toEqual({ retryable: false, code: "MODEL_AUTHENTICATION" });
      expect(output["refusal"]).toEqual({
        name: has["ModelRefusalError"] ? "ModelRefusalError" : "OutputParserException",
        text: expect.stringContaining("I can't help with that request."),
      });
      expect(output["serverTools"]).toEqual(["server_tool_call", "server_tool_call_result"]);
      expect(output["audio"]).toEqual(["audio/wav"]);
      expect(output["alias"]).toBe(true);
      expect(output["streamingTokens"]).toBeGreaterThan(3);
      expect(output["cache"]).toBe("string");
    });

    it(`beyond_chat.mjs: the Responses API (reasoning, tools, structured output, a failure), load(), the platform client, embeddings and reranking from the tarball with core ${core}`, async () => {
      const { stdout } = await run(process.execPath, ["beyond_chat.mjs"], {
        cwd: apps.get(core)!,
        env: { ...process.env, OPENROUTER_API_KEY: "sk-or-v1-pack-test", OPENROUTER_BASE_URL: emulator.baseURL },
      });
      expect(JSON.parse(stdout)).toEqual({
        responses: { blocks: ["reasoning", "text"], status: "completed" },
        responsesTools: ["get_weather"],
        responsesStructured: "string",
        responsesFailure: { stream: true, partial: true },
        loaded: { isModel: true, answer: "string" },
        latest: "anthropic/claude-sonnet-4.5",
        vectors: [8, 8],
        reranked: ["Paris is the capital of France."],
      });
    });

    for (const node of NODES) {
      for (const [script, entry] of [["smoke.mjs", "dist/index.js"], ["smoke.cjs", "dist/index.cjs"]] as const) {
        it(`${script} (${script.endsWith("mjs") ? "import" : "require"}) invokes and streams on ${node === process.execPath ? `this Node ${process.version}` : node} with core ${core}`, async () => {
          const output = await smoke(node, apps.get(core)!, script);
          expect(output.resolved.endsWith(`node_modules/@langchain/openrouter/${entry}`)).toBe(true);
          const joke = await expectedJoke();
          expect(joke.length).toBeGreaterThan(20);
          expect(output.invoke).toBe(joke);
          expect(output.stream).toBe(joke);
          expect(output.usage).toMatchObject({ input_tokens: 12, output_tokens: 25, total_tokens: 37 });
          expect(output.error).toBe("OpenRouterAuthError");
        });
      }
    }
  }
});
