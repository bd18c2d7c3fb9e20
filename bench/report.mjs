// One run's results → the markdown the run prints (and --readme writes into bench/README.md).
import { beyondCore } from "./footprint.mjs";
import { format, markdownTable, median, ratioText, roundRatios } from "./stats.mjs";

const RAW = "raw_fetch";
const FLOOR = "lc_floor";

function verdict(value, limit) {
  if (!Number.isFinite(value)) return "not measured";
  return value <= limit ? "met" : "**not met**";
}

export function report(results) {
  const { runs, clients, labels } = results;
  const ok = (test, client) => runs.filter((run) => run.test === test && run.client === client && !run.error);
  const med = (test, client, metric) => median(ok(test, client).map(metric));
  const ratios = (test, client, reference, metric, referenceTest) => roundRatios(runs, test, client, reference, metric, referenceTest);
  // the footprint table also shows packages a --quick run did not start (measured by an earlier run)
  const packageNames = { published: "published @langchain/openrouter", chat_openai: "@langchain/openai" };
  const label = (client) => labels[client] ?? packageNames[client] ?? client;
  const lines = [];
  const add = (...text) => lines.push(...text);
  // the clients that took part in a test (raw fetch has no streamEvents; ours_bridge has only that)
  const ran = (test) => clients.filter((client) => runs.some((run) => run.test === test && run.client === client));

  add(
    `Run of ${results.startedAt.slice(0, 16).replace("T", " ")} UTC on ${results.machine.cpus} × ${results.machine.model}, ` +
      `load average ${results.machine.loadBefore.map((x) => x.toFixed(1)).join(" ")} at the start and ` +
      `${results.machine.loadAfter.map((x) => x.toFixed(1)).join(" ")} at the end; ${results.rounds} round(s)` +
      `${results.quick ? " (--quick: smaller sizes, not for quoting)" : ""}; ${format(results.seconds)} s.`,
    "",
    "Ratios are taken per round (each client measured in a fresh process, the order rotated every round) and shown " +
      "as the median over rounds with the range in parentheses. CPU is the client process's user + system time. " +
      "`× raw` divides by the raw-fetch floor, `× core floor` by the minimal BaseChatModel.",
    ""
  );

  // ---- targets ----
  const targetRows = [];
  const target = (what, limit, ratiosOrValue, show = (value) => `${format(value, 2)}×`) => {
    const list = Array.isArray(ratiosOrValue) ? ratiosOrValue : [ratiosOrValue];
    const value = median(list);
    const shown = Array.isArray(ratiosOrValue) ? ratioText(list) : show(value);
    targetRows.push([what, shown, verdict(value, limit)]);
  };
  const cpuChunk = (run) => run.cpu_us_per_chunk;
  for (const [test, name] of [
    ["stream", "Text stream"],
    ["tool", "Tool-call stream"],
  ]) {
    target(`${name} CPU/chunk, ours ÷ core floor ≤ 1.00`, 1.0, ratios(test, "ours", FLOOR, cpuChunk));
    target(`${name} CPU/chunk, ours ÷ core floor ≤ 0.80 (stretch)`, 0.8, ratios(test, "ours", FLOOR, cpuChunk));
    target(`${name} CPU/chunk, ours ÷ published ≤ 0.75`, 0.75, ratios(test, "ours", "published", cpuChunk));
  }
  for (const [test, name, streamTest] of [
    ["events-text", "streamEvents() text stream", "stream"],
    ["events-tool", "streamEvents() tool-call stream", "tool"],
  ]) {
    if (!runs.some((run) => run.test === test)) continue;
    target(`${name} CPU/chunk, ours ÷ ours ${streamTest === "tool" ? "tool " : ""}stream() ≤ 0.50`, 0.5, ratios(test, "ours", "ours", cpuChunk, streamTest));
  }
  target("Invoke CPU/call, ours ÷ raw fetch ≤ 1.10", 1.1, ratios("invoke", "ours", RAW, (run) => run.cpu_us));
  target("100 concurrent streams wall, ours ÷ core floor ≤ 1.00", 1.0, ratios("concurrency", "ours", FLOOR, (run) => run.wall_ms));
  target("100 concurrent streams peak RSS, ours ÷ core floor ≤ 1.00", 1.0, ratios("concurrency", "ours", FLOOR, (run) => run.peak_rss_mb));
  if (results.cold) target("Cold import beyond @langchain/core ≤ 15 ms", 15, results.cold.beyond.ours, (ms) => `${format(ms, 1)} ms`);
  if (results.footprint?.ours) {
    const extra = beyondCore(results.footprint.ours, results.footprint.core);
    target("Install beyond @langchain/core ≤ 0.2 MB unpacked", 0.2, extra.bytes / 1e6, (mb) => `${format(mb, 3)} MB`);
    target("Runtime dependencies ≤ 1", 1, extra.dependencies.length, (count) => `${count} (${extra.dependencies.join(", ") || "none"})`);
  }
  const growth = ok("growth", "ours")[0];
  if (growth) {
    target(
      `Heap after ${format(growth.streams[1])} sequential streams ÷ after ${format(growth.streams[0])} ≤ 1.05`,
      1.05,
      growth.heap_growth,
      (value) => `${format(value, 3)}×`
    );
  }
  add("### Targets (ours)", "", markdownTable(["target", "measured", "verdict"], targetRows), "");

  // ---- invoke ----
  if (runs.some((run) => run.test === "invoke")) {
    add(`### Invoke: ${format(results.sizes.invokeN)} sequential calls after ${format(results.sizes.invokeWarm)} warm-up`, "");
    add(
      markdownTable(
        ["client", "CPU µs/call", "CPU × raw", "CPU × core floor", "wall µs/call (median)", "wall × raw"],
        ran("invoke").map((client) => [
          label(client),
          format(med("invoke", client, (run) => run.cpu_us)),
          ratioText(ratios("invoke", client, RAW, (run) => run.cpu_us)),
          ratioText(ratios("invoke", client, FLOOR, (run) => run.cpu_us)),
          format(med("invoke", client, (run) => run.wall_us)),
          ratioText(ratios("invoke", client, RAW, (run) => run.wall_us)),
        ])
      ),
      ""
    );
  }

  // ---- streams ----
  for (const [test, title, n] of [
    ["stream", "Text stream", results.sizes.streamN],
    ["tool", "Tool-call stream (arguments split over the deltas)", results.sizes.toolN],
  ]) {
    if (!runs.some((run) => run.test === test)) continue;
    add(`### ${title}: ${format(n)} deltas`, "");
    add(
      markdownTable(
        ["client", "CPU µs/chunk", "CPU × raw", "CPU × core floor", "wall µs/chunk", "wall × raw"],
        ran(test).map((client) => {
          const note = ok(test, client).find((run) => run.note)?.note;
          return [
            label(client) + (note ? ` (${note})` : ""),
            format(med(test, client, cpuChunk), 2),
            ratioText(ratios(test, client, RAW, cpuChunk)),
            ratioText(ratios(test, client, FLOOR, cpuChunk)),
            format(med(test, client, (run) => run.wall_us_per_chunk), 2),
            ratioText(ratios(test, client, RAW, (run) => run.wall_us_per_chunk)),
          ];
        })
      ),
      ""
    );
  }

  // ---- streamEvents ----
  for (const [test, title, n, streamTest] of [
    ["events-text", "streamEvents() (content-block events, no version): text stream", results.sizes.streamN, "stream"],
    ["events-tool", "streamEvents() (content-block events, no version): tool-call stream, tools as a call option", results.sizes.toolN, "tool"],
  ]) {
    if (!runs.some((run) => run.test === test)) continue;
    const own = streamTest === "tool" ? "own tool stream()" : "own stream()";
    add(`### ${title}: ${format(n)} deltas`, "");
    add(
      "A chunk is a wire delta (the CPU divides by the deltas sent, as in the stream tests). `× ours native`, " +
        `\`× core floor\` (the minimal BaseChatModel through core's bridge) and \`× ours ${streamTest === "tool" ? "tool " : ""}stream()\` divide by that ` +
        `measurement of the same round; \`× ${own}\` by the same client's ${streamTest === "tool" ? "tool-call " : ""}stream() (ours for ours_bridge); \`× raw fetch\` by raw fetch reading the same stream.`,
      ""
    );
    add(
      markdownTable(
        ["client", "CPU µs/chunk", "× ours native", "× core floor", `× ours ${streamTest === "tool" ? "tool " : ""}stream()`, `× ${own}`, "× raw fetch", "wall µs/chunk", "delta events"],
        ran(test).map((client) => [
          label(client),
          format(med(test, client, cpuChunk), 2),
          ratioText(ratios(test, client, "ours", cpuChunk)),
          ratioText(ratios(test, client, FLOOR, cpuChunk)),
          ratioText(ratios(test, client, "ours", cpuChunk, streamTest)),
          ratioText(ratios(test, client, client === "ours_bridge" ? "ours" : client, cpuChunk, streamTest)),
          ratioText(ratios(test, client, RAW, cpuChunk, streamTest)),
          format(med(test, client, (run) => run.wall_us_per_chunk), 2),
          format(ok(test, client)[0]?.chunks),
        ])
      ),
      ""
    );
  }

  // ---- concurrency ----
  if (runs.some((run) => run.test === "concurrency")) {
    add(`### ${results.sizes.concStreams} concurrent streams of ${format(results.sizes.concN)} deltas`, "");
    add(
      markdownTable(
        ["client", "wall ms", "wall × core floor", "CPU ms", "peak RSS MB", "peak RSS × core floor"],
        ran("concurrency").map((client) => [
          label(client),
          format(med("concurrency", client, (run) => run.wall_ms)),
          ratioText(ratios("concurrency", client, FLOOR, (run) => run.wall_ms)),
          format(med("concurrency", client, (run) => run.cpu_ms)),
          format(med("concurrency", client, (run) => run.peak_rss_mb)),
          ratioText(ratios("concurrency", client, FLOOR, (run) => run.peak_rss_mb)),
        ])
      ),
      ""
    );
  }

  // ---- growth ----
  if (runs.some((run) => run.test === "growth")) {
    const sample = runs.find((run) => run.test === "growth" && !run.error);
    const [first, last] = sample?.streams ?? [results.sizes.growthFirst, results.sizes.growthLast];
    add(`### Memory after ${format(first)} and ${format(last)} sequential streams of ${results.sizes.growthN} deltas (after GC)`, "");
    add(
      markdownTable(
        ["client", `heap MB @${format(first)}`, `heap MB @${format(last)}`, "heap growth", "RSS MB", "active handles"],
        clients.filter((client) => runs.some((run) => run.test === "growth" && run.client === client)).map((client) => {
          const run = ok("growth", client)[0];
          if (!run) return [label(client), "error", "", "", "", ""];
          return [
            label(client),
            format(run.heap_mb[0], 2),
            format(run.heap_mb[1], 2),
            `${format(run.heap_growth, 3)}×`,
            `${format(run.rss_mb[0])} → ${format(run.rss_mb[1])}`,
            `${run.resources[0]} → ${run.resources[1]}`,
          ];
        })
      ),
      ""
    );
  }

  // ---- cold import ----
  if (results.cold) {
    add(`### Cold import beyond @langchain/core: a fresh node per run imports core's chat model and messages, then the client (timed); median of ${results.cold.runs}`, "");
    add(
      markdownTable(
        ["client", "ms (wall)", "ms CPU"],
        clients
          .filter((client) => client in results.cold.beyond)
          .map((client) => [label(client), format(results.cold.beyond[client], 1), format(results.cold.beyondCpu[client], 1)])
      ),
      ""
    );
  }

  // ---- footprint ----
  if (results.footprint) {
    const core = results.footprint.core;
    const rows = [["@langchain/core alone (reference)", format(core.bytes / 1e6, 2), "", String(Object.keys(core.packages).length), ""]];
    for (const client of ["ours", "published", "chat_openai"]) {
      const target = results.footprint[client];
      if (!target) continue;
      const extra = beyondCore(target, core);
      rows.push([
        label(client),
        format(target.bytes / 1e6, 2),
        `+${format(extra.bytes / 1e6, 3)}`,
        String(Object.keys(target.packages).length),
        extra.packages.join(", ") || "none",
      ]);
    }
    add("### Install footprint: installed alone with npm (peers included), unpacked bytes on disk, MB = 10⁶ bytes", "");
    add(markdownTable(["package", "MB", "MB beyond core", "packages", "packages beyond core"], rows), "");
  }

  add("### Versions", "", Object.entries(results.versions).map(([name, version]) => `- ${name}: ${version}`).join("\n"), "");
  const errors = runs.filter((run) => run.error);
  if (errors.length > 0) {
    add("### Errors", "");
    for (const run of errors) add(`- round ${run.round + 1}, ${run.test}, ${run.client}: ${run.error}`);
    add("");
  }
  return lines.join("\n");
}
