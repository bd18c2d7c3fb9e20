// One (test, client) measurement in a fresh process:
//   node --expose-gc bench/worker.mjs '{"client":"ours","test":"stream","origin":"http://127.0.0.1:PORT",...}'
// Prints one JSON line (the last line of stdout). Every result is checked against what the server sent,
// byte for byte; a wrong result exits non-zero and the run reports an error instead of a number.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { baseUrlFor, INVOKE_TEXT, streamBody } from "./inputs.mjs";
import { median } from "./stats.mjs";

const config = JSON.parse(process.argv[2]);
const client = await import(`./clients/${config.client}.mjs`);
const gc = globalThis.gc ?? (() => {});
const cpuMicros = (since) => {
  const used = process.cpuUsage(since);
  return used.user + used.system;
};

function expectEqual(actual, expected, what) {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  throw new Error(
    `${config.client}: wrong ${what}: ${actual.length} chars where ${expected.length} were sent, first difference at ${at}: ` +
      `${JSON.stringify(actual.slice(at, at + 20))} vs ${JSON.stringify(expected.slice(at, at + 20))}`
  );
}

// The V8 sampling profiler over the timed section only (bench/profile.mjs reads the file).
let session;
async function startProfile() {
  if (!config.profile) return;
  const { Session } = await import("node:inspector");
  session = new Session();
  session.connect();
  const post = (method, params = {}) =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  session.call = post;
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 100 });
  await post("Profiler.start");
}
async function stopProfile() {
  if (!session) return;
  const { profile } = await session.call("Profiler.stop");
  fs.writeFileSync(config.profile, JSON.stringify(profile));
  session.disconnect();
  session = undefined;
}

const result = { client: config.client, test: config.test };

async function measureInvoke() {
  const baseURL = baseUrlFor(config.origin);
  for (let i = 0; i < config.invokeWarm; i++) expectEqual(await client.invoke(baseURL), INVOKE_TEXT, "invoke text");
  gc();
  const walls = new Float64Array(config.invokeN);
  await startProfile();
  const cpu = process.cpuUsage();
  for (let i = 0; i < config.invokeN; i++) {
    const started = performance.now();
    const text = await client.invoke(baseURL);
    walls[i] = (performance.now() - started) * 1000;
    if (text !== INVOKE_TEXT) expectEqual(text, INVOKE_TEXT, "invoke text");
  }
  result.cpu_us = cpuMicros(cpu) / config.invokeN;
  await stopProfile();
  result.n = config.invokeN;
  result.wall_us = median(walls);
}

/**
 * The message `await stream` assembles from a finished streamEvents() stream (checked after the timed part;
 * the events are already buffered, so this replays them): its text, or its tool call's arguments.
 */
async function assembled(stream, field) {
  const message = await stream;
  if (field === "text") return message.text;
  return message.tool_calls.map((call) => JSON.stringify(call.args)).join("");
}

async function measureStream(mode, events = false) {
  const n = mode === "tool" ? config.toolN : config.streamN;
  const run = events ? (mode === "tool" ? client.streamEventsTool : client.streamEvents) : mode === "tool" ? client.streamTool : client.stream;
  if (typeof run !== "function") throw new Error(`${config.client} has no client function for ${config.test}`);
  const field = mode === "tool" ? "args" : "text";
  if (!events && mode === "tool" && client.bindsTools && !client.bindsTools(baseUrlFor(config.origin))) result.note = "no bindTools: tools as a call option";
  const warmN = Math.min(1000, n);
  const warmExpected = streamBody(warmN, mode)[field];
  for (let i = 0; i < 3; i++) expectEqual((await run(baseUrlFor(config.origin, warmN, mode)))[field], warmExpected, `${mode} stream (warm-up)`);
  const expected = streamBody(n, mode)[field];
  const baseURL = baseUrlFor(config.origin, n, mode);
  const cpus = [];
  const walls = [];
  const budgetEnds = performance.now() + config.repBudgetMs;
  for (let rep = 0; rep < config.streamReps; rep++) {
    gc();
    if (rep === 0) await startProfile();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answer = await run(baseURL);
    walls.push(((performance.now() - started) * 1000) / n);
    cpus.push(cpuMicros(cpu) / n);
    await stopProfile();
    expectEqual(answer[field], expected, `${mode} stream of ${n} deltas`);
    if (events) expectEqual(await assembled(answer.stream, field), expected, `awaited message of the ${mode} stream of ${n} deltas`);
    result.chunks = answer.chunks;
    if (config.profile || performance.now() > budgetEnds) break;
  }
  Object.assign(result, { n, reps: cpus.length, cpu_us_per_chunk: median(cpus), wall_us_per_chunk: median(walls) });
}

async function measureConcurrency() {
  const { concStreams, concN } = config;
  const expected = streamBody(concN, "text").text;
  const baseURL = baseUrlFor(config.origin, concN, "text");
  await Promise.all(Array.from({ length: 10 }, () => client.stream(baseURL)));
  gc();
  const rssBefore = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: concStreams }, () => client.stream(baseURL)));
  result.wall_ms = performance.now() - started;
  result.cpu_ms = cpuMicros(cpu) / 1000;
  for (const answer of answers) expectEqual(answer.text, expected, "concurrent stream");
  result.rss_before_mb = rssBefore / 2 ** 20;
  // maxRSS is the peak of the process's whole life: import, warm-up and the burst
  result.peak_rss_mb = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
}

async function settledMemory() {
  // let finished streams' sockets, timers and finalizers run, then collect twice
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const resources = process.getActiveResourcesInfo().filter((name) => name !== "TTYWrap" && name !== "PipeWrap");
  return { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage.rss(), resources: resources.length };
}

async function measureGrowth() {
  const { growthFirst, growthLast, growthN } = config;
  const expected = streamBody(growthN, "text").text;
  const baseURL = baseUrlFor(config.origin, growthN, "text");
  let done = 0;
  const runUntil = async (count) => {
    for (; done < count; done++) {
      const answer = await client.stream(baseURL);
      if (answer.text !== expected) expectEqual(answer.text, expected, "sequential stream");
    }
  };
  await runUntil(growthFirst);
  const first = await settledMemory();
  await runUntil(growthLast);
  const last = await settledMemory();
  Object.assign(result, {
    streams: [growthFirst, growthLast],
    heap_mb: [first.heap / 2 ** 20, last.heap / 2 ** 20],
    rss_mb: [first.rss / 2 ** 20, last.rss / 2 ** 20],
    resources: [first.resources, last.resources],
    heap_growth: last.heap / first.heap,
  });
}

if (config.test === "invoke") await measureInvoke();
else if (config.test === "stream") await measureStream("text");
else if (config.test === "tool") await measureStream("tool");
else if (config.test === "events-text") await measureStream("text", true);
else if (config.test === "events-tool") await measureStream("tool", true);
else if (config.test === "concurrency") await measureConcurrency();
else if (config.test === "growth") await measureGrowth();
else throw new Error(`unknown test ${config.test}`);

process.stdout.write(`\n${JSON.stringify(result)}\n`);
process.exit(0);
