// Bun, from the exact `bun` devDependency: the packed tarball installed in a fresh folder (with each
// core version we support), imported and required, runs the checks against the emulator (started
// here, in Node; Bun connects to it over 127.0.0.1) and gives what Node gives.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/server.js";
import { CORE_VERSIONS, installPackedApps, type PackedApps, run } from "./packed_app.js";
import { expectChecksPassed, nodeReference, PROBE_FILES, runProbe } from "./probe_output.js";
import { runtimeBinary } from "./runtime_binaries.js";

const SMOKE_CJS = fileURLToPath(new URL("./pack/smoke.cjs", import.meta.url));

const bun = runtimeBinary("bun");
let packed: PackedApps;
let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  packed = await installPackedApps("openrouter-bun-", [...PROBE_FILES, SMOKE_CJS]);
  emulator = await startEmulator();
  env = { OPENROUTER_API_KEY: "sk-or-v1-bun-test", OPENROUTER_BASE_URL: emulator.baseURL, NO_COLOR: "1" };
});

afterAll(async () => {
  await emulator?.close();
  packed?.remove();
});

// --no-install: Bun never fetches a missing package itself; the app has what npm installed
describe(`Bun ${bun.version} (packed tarball)`, () => {
  for (const core of CORE_VERSIONS) {
    it(`imports the ESM build: invoke, stream, a tool call, streamEvents (v2 and content blocks), the Responses API, a typed 401, as on Node, with core ${core}`, async () => {
      const app = packed.apps.get(core)!;
      const output = await runProbe(bun.path, ["--no-install", "probe.mjs"], app, env);
      expect(output.resolved).toBe(`file://${join(app, "node_modules/@langchain/openrouter/dist/index.js")}`);
      expectChecksPassed(output, await nodeReference(app, env));
    });

    it(`requires the CommonJS build: invoke, stream, a typed 401, with core ${core}`, async () => {
      const app = packed.apps.get(core)!;
      const { stdout } = await run(bun.path, ["--no-install", "smoke.cjs"], { cwd: app, env: { ...process.env, ...env } });
      const output = JSON.parse(stdout) as { resolved: string; invoke: string; stream: string; error: string };
      expect(output.resolved).toBe(join(app, "node_modules/@langchain/openrouter/dist/index.cjs"));
      expect(output.invoke).toMatch(/^Why do programmers prefer dark mode\?/);
      expect(output.stream).toBe(output.invoke);
      expect(output.error).toBe("OpenRouterAuthError");
    });
  }
});
