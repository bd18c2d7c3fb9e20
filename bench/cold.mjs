// Cold import beyond @langchain/core: in a fresh `node` per run, @langchain/core's chat model and messages
// are imported first (what a LangChain app already loads), then the client's modules, timed on their own
// (wall and CPU). Median over N runs, clients interleaved; core resolves from the client's own folder.
import { spawnSync } from "node:child_process";
import { median } from "./stats.mjs";

const CHILD = `
await import("@langchain/core/language_models/chat_models");
await import("@langchain/core/messages");
const specs = JSON.parse(process.argv[1]);
const cpu = process.cpuUsage();
const started = performance.now();
for (const spec of specs) await import(spec);
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));
`;

/** `clients`: [{ name, imports, cwd }]. Returns each client's median ms (wall and CPU) beyond core. */
export function measureCold({ clients, runs }) {
  const samples = new Map(clients.map((client) => [client.name, { wall: [], cpu: [] }]));
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < clients.length; i++) {
      const client = clients[(run + i) % clients.length];
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD, JSON.stringify(client.imports)], {
        cwd: client.cwd,
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(`cold import of ${client.name} failed: ${child.stderr.split("\n").slice(0, 4).join(" | ")}`);
      const { wall, cpu } = JSON.parse(child.stdout);
      samples.get(client.name).wall.push(wall);
      samples.get(client.name).cpu.push(cpu);
    }
  }
  const beyond = {};
  const beyondCpu = {};
  for (const [name, { wall, cpu }] of samples) {
    beyond[name] = median(wall);
    beyondCpu[name] = median(cpu);
  }
  return { runs, beyond, beyondCpu };
}
