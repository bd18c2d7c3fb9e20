// Numbers → what the table shows: medians, per-round ratios, formatting. Pure.

export function median(values) {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `metric(client) / metric(reference)` in each round where both have a result: ratios are only ever taken
 * between measurements of the same round, never across rounds. The reference is the same test's unless
 * `referenceTest` names another (streamEvents against the same client's stream() of the same round).
 */
export function roundRatios(runs, test, client, reference, metric, referenceTest = test) {
  const ratios = [];
  for (const run of runs) {
    if (run.test !== test || run.client !== client || run.error) continue;
    const base = runs.find((other) => other.test === referenceTest && other.client === reference && other.round === run.round && !other.error);
    if (base) ratios.push(metric(run) / metric(base));
  }
  return ratios;
}

/** `1.23× (1.10–1.40)`: the median over rounds, and the range when there is more than one round. */
export function ratioText(ratios) {
  if (ratios.length === 0) return "n/a";
  const range = ratios.length > 1 ? ` (${format(Math.min(...ratios), 2)}–${format(Math.max(...ratios), 2)})` : "";
  return `${format(median(ratios), 2)}×${range}`;
}

export function format(value, digits = 0) {
  if (value === undefined || value === null || Number.isNaN(value)) return "n/a";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function markdownTable(headers, rows) {
  const lines = [`| ${headers.join(" | ")} |`, `| ${headers.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

/** `--rounds=3 --quick --tests=a,b` → `{ rounds: "3", quick: true, tests: "a,b" }`. */
export function parseArgs(argv) {
  const options = {};
  for (const arg of argv) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new TypeError(`bench: unknown argument ${arg} (options look like --rounds=3 or --quick)`);
    options[match[1]] = match[2] ?? true;
  }
  return options;
}
