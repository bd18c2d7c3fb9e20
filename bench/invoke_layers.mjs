// Where invoke's CPU goes, layer by layer: raw fetch, then a model's own `_generate` (the request and the
// message, no LangChain machinery), then the full `invoke` (core's callbacks, config and generation
// plumbing on top). Same process, interleaved rounds; ratios to raw fetch of the same round.
//   npm run build && node --expose-gc bench/invoke_layers.mjs [--calls=2000] [--rounds=5]
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { HumanMessage } from "@langchain/core/messages";
import { ChatOpenRouter } from "../dist/index.js";
import { API_KEY, INVOKE_TEXT, MODEL, PROMPT } from "./inputs.mjs";
import { format, markdownTable, median, parseArgs } from "./stats.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const options = parseArgs(process.argv.slice(2));
const calls = Number(options.calls ?? 2000);
const rounds = Number(options.rounds ?? 5);

const server = spawn(process.execPath, [path.join(BENCH, "server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
const { origin } = await new Promise((resolve) => createInterface({ input: server.stdout }).once("line", (line) => resolve(JSON.parse(line))));
const baseURL = `${origin}/api/v1`;
const raw = await import("./clients/raw_fetch.mjs");
const floor = await import("./clients/lc_floor.mjs");
const ours = new ChatOpenRouter({ model: MODEL, apiKey: API_KEY, baseURL });
const messages = [new HumanMessage(PROMPT)];
const floorModel = floor.modelFor(baseURL);

const layers = {
  "raw fetch": () => raw.invoke(baseURL),
  "ours: _generate only": async () => (await ours._generate(messages, {})).generations[0].message.content,
  "ours: invoke": async () => (await ours.invoke(PROMPT)).content,
  "core floor: _generate only": async () => (await floorModel._generate(messages, {})).generations[0].message.content,
  "core floor: invoke": async () => (await floorModel.invoke(PROMPT)).content,
};
const cpu = Object.fromEntries(Object.keys(layers).map((name) => [name, []]));
try {
  for (const run of Object.values(layers)) for (let i = 0; i < 200; i++) await run();
  for (let round = 0; round < rounds; round++) {
    const names = Object.keys(layers);
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      globalThis.gc?.();
      const started = process.cpuUsage();
      for (let call = 0; call < calls; call++) {
        if ((await layers[name]()) !== INVOKE_TEXT) throw new Error(`${name}: wrong answer`);
      }
      const used = process.cpuUsage(started);
      cpu[name].push((used.user + used.system) / calls);
    }
  }
} finally {
  server.stdin.end();
}
const ratio = (name) => median(cpu[name].map((value, round) => value / cpu["raw fetch"][round]));
console.log(
  markdownTable(
    ["layer", "CPU µs/call", "× raw fetch"],
    Object.keys(layers).map((name) => [name, format(median(cpu[name])), `${format(ratio(name), 2)}×`])
  )
);
