// `npm run bench [-- --quick] [-- --rounds=N --tests=stream,tool --clients=ours,published --readme --no-build]`
//
// Installs the bench's own dependencies when missing (npm ci in bench/), builds the package, starts the fake
// OpenRouter in its own process, then for every round and test runs each client in a fresh worker process
// (order rotated each round), measures cold import and install footprint, and prints a markdown table.
// Any wrong output (text or tool arguments not byte-identical to what was sent) is reported as an error.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { measureCold } from "./cold.mjs";
import { measureFootprint } from "./footprint.mjs";
import { report } from "./report.mjs";
import { parseArgs } from "./stats.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const RESULTS = path.join(BENCH, "results");
const ALL_CLIENTS = ["raw_fetch", "lc_floor", "ours", "ours_bridge", "published", "chat_openai"];
const ALL_TESTS = ["invoke", "stream", "tool", "stream-events", "concurrency", "growth", "cold", "footprint"];
// a test that is more than one worker: stream-events is its text and its tool stream, each in fresh processes
const WORKER_TESTS = { "stream-events": ["events-text", "events-tool"] };
// the client function a worker test needs; a client without it sits that test out (raw fetch has no
// streamEvents; ours_bridge has nothing but streamEvents)
const NEEDS = { invoke: "invoke", stream: "stream", tool: "streamTool", concurrency: "stream", growth: "stream", "events-text": "streamEvents", "events-tool": "streamEventsTool" };
const started = performance.now();
const log = (...text) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...text);

const options = parseArgs(process.argv.slice(2));
const quick = options.quick === true;
const rounds = Number(options.rounds ?? (quick ? 1 : 3));
const tests = options.tests ? options.tests.split(",") : ALL_TESTS;
for (const test of tests) if (!ALL_TESTS.includes(test)) throw new TypeError(`bench: unknown test ${test}; tests are ${ALL_TESTS.join(", ")}`);
// --quick leaves out ChatOpenAI (the slowest to start) unless asked for
const defaultClients = quick ? ALL_CLIENTS.filter((client) => client !== "chat_openai") : ALL_CLIENTS;
const clients = [...new Set(["raw_fetch", "lc_floor", ...(options.clients ? options.clients.split(",") : defaultClients)])];
for (const client of clients) if (!ALL_CLIENTS.includes(client)) throw new TypeError(`bench: unknown client ${client}; clients are ${ALL_CLIENTS.join(", ")}`);
const sizes = {
  invokeN: quick ? 200 : 1000,
  invokeWarm: quick ? 50 : 200,
  streamN: 20_000,
  toolN: quick ? 5_000 : 20_000,
  streamReps: quick ? 1 : 5,
  repBudgetMs: 4_000,
  concStreams: 100,
  concN: quick ? 200 : 1_000,
  growthFirst: quick ? 100 : 1_000,
  growthLast: quick ? 300 : 10_000,
  growthN: 20,
};

function run(command, args, cwd) {
  log(`${command} ${args.join(" ")} (in ${path.relative(ROOT, cwd) || "."})`);
  const child = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });
  if (child.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with ${child.status}`);
}

if (!fs.existsSync(path.join(BENCH, "node_modules", "@langchain", "openrouter"))) run("npm", ["ci", "--no-audit", "--no-fund"], BENCH);
if (options["no-build"] !== true) run("npm", ["run", "build"], ROOT);

const readVersion = (folder) => JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")).version;
const versions = {
  node: process.version,
  "@langchain/core": readVersion(path.join(BENCH, "node_modules/@langchain/core")),
  "@langchain/core used by ours": readVersion(path.join(ROOT, "node_modules/@langchain/core")),
  "@langchain/openrouter": readVersion(path.join(BENCH, "node_modules/@langchain/openrouter")),
  "@langchain/openai": readVersion(path.join(BENCH, "node_modules/@langchain/openai")),
  ours: `${readVersion(ROOT)} (${spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim()})`,
};
if (versions["@langchain/core"] !== versions["@langchain/core used by ours"]) {
  log(`warning: bench's @langchain/core ${versions["@langchain/core"]} differs from the repo's ${versions["@langchain/core used by ours"]}`);
}

function startServer() {
  const prebuild = [`${sizes.streamN}:text`, `${sizes.toolN}:tool`, "1000:text", "1000:tool", `${sizes.concN}:text`, `${sizes.growthN}:text`];
  const child = spawn(process.execPath, [path.join(BENCH, "server.mjs")], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, BENCH_PREBUILD: prebuild.join(",") },
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) => resolve({ ...JSON.parse(line), stop: () => child.stdin.end() }));
    child.once("exit", (code) => reject(new Error(`the fake server exited (${code})`)));
  });
}

function runWorker(config) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", path.join(BENCH, "worker.mjs"), JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data) => (stdout += data));
    child.stderr.on("data", (data) => (stderr += data));
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve(JSON.parse(stdout.trim().split("\n").pop()));
        return;
      }
      const why = signal ? `killed by ${signal}` : stderr.trim().split("\n").filter((line) => /Error|error/.test(line)).slice(0, 2).join(" | ") || `exit ${code}`;
      resolve({ client: config.client, test: config.test, error: why.slice(0, 400) });
    });
  });
}

function summary(result) {
  if (result.error) return `ERROR ${result.error}`;
  if (result.test === "invoke") return `${result.cpu_us.toFixed(0)} µs CPU/call`;
  if (result.test === "concurrency") return `${result.wall_ms.toFixed(0)} ms, peak RSS ${result.peak_rss_mb.toFixed(0)} MB`;
  if (result.test === "growth") return `heap ${result.heap_mb.map((mb) => mb.toFixed(2)).join(" → ")} MB`;
  return `${result.cpu_us_per_chunk.toFixed(2)} µs CPU/chunk (${result.reps} reps)`;
}

const loadBefore = os.loadavg();
const runs = [];
const workerTests = tests
  .filter((test) => ["invoke", "stream", "tool", "stream-events", "concurrency", "growth"].includes(test))
  .flatMap((test) => WORKER_TESTS[test] ?? [test]);
const labels = {};
const importsOf = {};
const functionsOf = {};
for (const client of clients) {
  const module = await import(`./clients/${client}.mjs`);
  labels[client] = module.label;
  importsOf[client] = module.imports;
  functionsOf[client] = new Set(Object.keys(module).filter((name) => typeof module[name] === "function"));
}
if (workerTests.length > 0) {
  const server = await startServer();
  try {
    for (let round = 0; round < rounds; round++) {
      for (const test of workerTests) {
        // growth measures memory, not speed: once is enough
        if (test === "growth" && round > 0) continue;
        const order = clients.map((_, i) => clients[(i + round) % clients.length]);
        for (const client of order) {
          // the growth target is ours; the core floor shows what core itself keeps
          if (test === "growth" && client !== "ours" && client !== "lc_floor") continue;
          if (!functionsOf[client].has(NEEDS[test])) continue;
          const result = await runWorker({ client, test, origin: server.origin, ...sizes });
          result.round = round;
          runs.push(result);
          log(`round ${round + 1}/${rounds} ${test.padEnd(11)} ${client.padEnd(12)} ${summary(result)}`);
        }
      }
    }
  } finally {
    server.stop();
  }
}

let cold;
if (tests.includes("cold")) {
  const coldClients = clients
    .filter((client) => importsOf[client].length > 0)
    .map((client) => ({ name: client, imports: importsOf[client], cwd: client === "ours" ? ROOT : BENCH }));
  const coldRuns = quick ? 3 : 15;
  log(`cold import: ${coldClients.length} clients × ${coldRuns} runs`);
  cold = measureCold({ clients: coldClients, runs: coldRuns });
}

let footprint;
if (tests.includes("footprint")) footprint = measureFootprint({ bench: BENCH, root: ROOT, versions, cacheFile: path.join(RESULTS, "footprint.json"), log, estimate: quick });

const results = {
  startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown CPU", loadBefore, loadAfter: os.loadavg() },
  quick,
  rounds,
  sizes,
  clients,
  labels,
  versions,
  runs,
  cold,
  footprint,
  seconds: (performance.now() - started) / 1000,
};
const markdown = report(results);
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(RESULTS, "latest.md"), markdown);
if (options.readme === true) {
  const readme = path.join(BENCH, "README.md");
  const text = fs.readFileSync(readme, "utf8");
  const begin = "<!-- bench:begin -->";
  const end = "<!-- bench:end -->";
  if (!text.includes(begin) || !text.includes(end)) throw new Error(`bench/README.md needs ${begin} and ${end} markers`);
  fs.writeFileSync(readme, `${text.slice(0, text.indexOf(begin) + begin.length)}\n${markdown}\n${text.slice(text.indexOf(end))}`);
  log("wrote the table into bench/README.md");
}
console.log(markdown);
log(`done; raw results in ${path.relative(ROOT, path.join(RESULTS, "latest.json"))}`);
if (runs.some((result) => result.error)) process.exitCode = 1;
