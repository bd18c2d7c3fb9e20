// Cold import: a fresh `node` per run importing what a user's app imports, interleaved, median of N; each
// client is compared with @langchain/core's chat model and messages imported from the same folder (so from
// the same copy of core the client resolves).
import { spawnSync } from "node:child_process";
import { median } from "./stats.mjs";

const CORE = 'await import("@langchain/core/language_models/chat_models"); await import("@langchain/core/messages");';

/** `clients`: [{ name, imports, cwd }]. Returns median ms per entry and each client's ms beyond core. */
export function measureCold({ clients, runs }) {
  const entries = [{ name: "node (ESM, empty)", cwd: clients[0]?.cwd ?? process.cwd(), code: "" }];
  const coreFor = new Map();
  for (const client of clients) {
    if (!coreFor.has(client.cwd)) {
      const name = `@langchain/core from ${client.cwd}`;
      coreFor.set(client.cwd, name);
      entries.push({ name, cwd: client.cwd, code: CORE });
    }
    entries.push({ name: client.name, cwd: client.cwd, code: client.imports.map((spec) => `await import(${JSON.stringify(spec)});`).join(" ") });
  }
  const times = new Map(entries.map((entry) => [entry.name, []]));
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[(run + i) % entries.length];
      const started = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", entry.code], { cwd: entry.cwd, stdio: ["ignore", "ignore", "pipe"] });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.status !== 0) throw new Error(`cold import of ${entry.name} failed: ${child.stderr.toString().split("\n").slice(0, 4).join(" | ")}`);
      times.get(entry.name).push(ms);
    }
  }
  const medians = Object.fromEntries([...times].map(([name, values]) => [name, median(values)]));
  const beyond = {};
  for (const client of clients) {
    // paired by run: each run imports every entry once, close together in time
    const core = times.get(coreFor.get(client.cwd));
    beyond[client.name] = median(times.get(client.name).map((ms, run) => ms - core[run]));
  }
  return { runs, medians, beyond };
}
