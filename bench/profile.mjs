// Where a client's time goes: one timed section (one stream after warm-up, or the invoke loop) under the V8
// sampling profiler (100 µs), self time grouped by origin and the top functions.
//   node bench/profile.mjs [--clients=ours,lc_floor] [--test=stream|tool|invoke|events-text|events-tool] [--n=20000] [--top=25]
// (events-text / events-tool are the stream-events test's two streams; ours_bridge is a client for them)
// Profiles stay in bench/results/profiles/<client>-<test>.cpuprofile (open them in Chrome DevTools).
// Build first (npm run build): this reads dist/ as the bench does.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { format, markdownTable, parseArgs } from "./stats.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const options = parseArgs(process.argv.slice(2));
const test = options.test ?? "stream";
const n = Number(options.n ?? (test === "invoke" ? 2000 : 20000));
const top = Number(options.top ?? 25);
const clients = (options.clients ?? "ours,lc_floor").split(",");
const folder = path.join(BENCH, "results", "profiles");
fs.mkdirSync(folder, { recursive: true });

function originOf(frame) {
  const url = frame.url ?? "";
  if (!url) {
    if (frame.functionName === "(garbage collector)") return "GC";
    if (frame.functionName === "(program)") return "(program: VM, not JS)";
    if (frame.functionName === "(idle)") return "(idle)";
    return "V8 builtins (JSON.parse, promises, …)";
  }
  if (url.includes("internal/deps/undici")) return "undici (fetch)";
  if (url.includes("internal/webstreams")) return "web streams";
  if (url.startsWith("node:")) return `node (${url.slice(5).replace(/^internal\//, "").split("/")[0]})`;
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (name) return name[1];
  if (url.includes("/dist/")) return "ours (dist/)";
  if (url.includes("/bench/")) return "bench";
  return url;
}

function summarise(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  // samples inside the inspector's own Profiler.stop are the profiler's cost
  const skipped = new Set();
  const mark = (node, inside) => {
    const isInspector = inside || node.callFrame.url === "node:inspector";
    if (isInspector) skipped.add(node.id);
    for (const child of node.children ?? []) mark(nodes.get(child), isInspector);
  };
  mark(profile.nodes[0], false);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    if (skipped.has(profile.samples[i])) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const origins = new Map();
  const functions = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = nodes.get(id).callFrame;
    const origin = originOf(frame);
    if (origin === "(idle)") continue;
    busy += micros;
    origins.set(origin, (origins.get(origin) ?? 0) + micros);
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(dist|bench)\//, "$1/")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
    functions.set(key, { origin, micros: (functions.get(key)?.micros ?? 0) + micros });
  }
  return { busy, origins: [...origins].sort((a, b) => b[1] - a[1]), functions: [...functions].sort((a, b) => b[1].micros - a[1].micros) };
}

const server = spawn(process.execPath, [path.join(BENCH, "server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
const { origin } = await new Promise((resolve) => createInterface({ input: server.stdout }).once("line", (line) => resolve(JSON.parse(line))));
const out = [];
try {
  for (const client of clients) {
    const file = path.join(folder, `${client}-${test}.cpuprofile`);
    const config = { client, test, origin, profile: file, invokeN: n, invokeWarm: 200, streamN: n, toolN: n, streamReps: 1, repBudgetMs: 0 };
    const child = spawn(process.execPath, ["--expose-gc", path.join(BENCH, "worker.mjs"), JSON.stringify(config)], { stdio: ["ignore", "ignore", "inherit"] });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    if (code !== 0) {
      out.push(`## ${client}: the worker failed (exit ${code})`, "");
      continue;
    }
    const { busy, origins, functions } = summarise(JSON.parse(fs.readFileSync(file, "utf8")));
    const per = test === "invoke" ? "call" : "chunk";
    const share = (micros) => `${format((100 * micros) / busy, 1)}%`;
    out.push(`## ${client}, ${test}: ${format(busy / n, 2)} µs busy per ${per} under the profiler`, "");
    out.push(markdownTable(["origin (self time)", `µs/${per}`, "share"], origins.slice(0, 14).map(([name, micros]) => [name, format(micros / n, 2), share(micros)])), "");
    out.push(
      markdownTable(
        ["function (self time)", "origin", `µs/${per}`, "share"],
        functions.slice(0, top).map(([name, { origin: from, micros }]) => [`\`${name}\``, from, format(micros / n, 2), share(micros)])
      ),
      ""
    );
  }
} finally {
  server.stdin.end();
}
console.log(out.join("\n"));
