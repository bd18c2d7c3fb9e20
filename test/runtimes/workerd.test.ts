// Cloudflare's workerd, from the exact `workerd` devDependency: a Worker importing the packed
// tarball (installed in a fresh folder with each core version we support), bundled by esbuild as
// Wrangler would, runs the checks against the emulator (started here, in Node; the Worker reaches
// it over 127.0.0.1) and gives what Node gives: once without the `nodejs_compat` flag (no `process`,
// no Node built-in in the bundle) and once with it.
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/server.js";
import { CORE_VERSIONS, installPackedApps, type PackedApps } from "./packed_app.js";
import { expectChecksPassed, nodeReference, PROBE_FILES, type ProbeOutput } from "./probe_output.js";
import { runtimeBinary } from "./runtime_binaries.js";
import { startWorkerd } from "./workerd_server.js";

// The last date before nodejs_compat became a default (2026-08-04): the flag alone decides.
const COMPATIBILITY_DATE = "2026-08-03";
const VARIANTS = [
  { label: "without nodejs_compat", flags: [], nodejsCompat: false },
  { label: "with nodejs_compat", flags: ["nodejs_compat"], nodejsCompat: true },
] as const;

const workerd = runtimeBinary("workerd");
let packed: PackedApps;
let emulator: Emulator;

beforeAll(async () => {
  packed = await installPackedApps("openrouter-workerd-", PROBE_FILES);
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
  packed?.remove();
});

/** Bundles worker.mjs from the app; with nodejs_compat, `node:*` stays an import as Wrangler leaves it. */
async function bundleWorker(app: string, name: string, nodejsCompat: boolean): Promise<{ file: string; inputs: string[] }> {
  const file = join(app, `${name}.js`);
  const result = await build({
    entryPoints: [join(app, "worker.mjs")],
    absWorkingDir: app,
    outfile: file,
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    external: nodejsCompat ? ["node:*"] : [],
    metafile: true,
    logLevel: "silent",
  });
  return { file, inputs: Object.keys(result.metafile.inputs) };
}

describe(`workerd ${workerd.version} (packed tarball bundled by esbuild, compatibility date ${COMPATIBILITY_DATE})`, () => {
  for (const core of CORE_VERSIONS) {
    for (const variant of VARIANTS) {
      it(`${variant.label}: invoke, stream, a tool call, streamEvents (v2 and content blocks), the Responses API, a typed 401, as on Node, with core ${core}`, async () => {
        const app = packed.apps.get(core)!;
        const bundle = await bundleWorker(app, `worker-${variant.nodejsCompat ? "nodejs-compat" : "plain"}`, variant.nodejsCompat);
        expect(bundle.inputs.some((input) => input.startsWith("node_modules/@langchain/openrouter/dist/index.js"))).toBe(true);
        if (!variant.nodejsCompat) expect(bundle.inputs.filter((input) => input.startsWith("node:"))).toEqual([]);
        const server = await startWorkerd(workerd.path, {
          bundle: bundle.file,
          compatibilityDate: COMPATIBILITY_DATE,
          compatibilityFlags: variant.flags,
          bindings: { OPENROUTER_BASE_URL: emulator.baseURL },
        });
        try {
          const response = await fetch(server.url);
          const body = await response.text();
          expect(response.status, `${body}\n${server.stderr()}`).toBe(200);
          const output = JSON.parse(body) as ProbeOutput;
          expect(output.hasProcess).toBe(variant.nodejsCompat);
          const reference = await nodeReference(app, { OPENROUTER_API_KEY: "sk-or-v1-workerd-test", OPENROUTER_BASE_URL: emulator.baseURL });
          expectChecksPassed(output, reference);
        } finally {
          await server.close();
        }
      });
    }
  }
});
