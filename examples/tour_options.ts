// The tour's command line: which backend it uses and which sections it runs. One place, so the
// first line the tour prints and the flags it takes cannot disagree.
export interface TourOptions {
  /** "emulator" unless OPENROUTER_API_KEY is set and --emulator is not given. */
  backend: "emulator" | "live";
  /** Words that pick sections by title (all sections when empty). */
  only: string[];
}

export const TOUR_USAGE = "usage: npm run tour -- [--emulator] [section words…]";

/** Parses the tour's arguments; throws a one-line message for an unknown flag. */
export function tourOptions(args: readonly string[], apiKey: string | undefined): TourOptions {
  const flags = args.filter((arg) => arg.startsWith("-"));
  const unknown = flags.filter((flag) => flag !== "--emulator");
  if (unknown.length > 0) throw new Error(`unknown flag ${unknown.join(", ")}: the tour takes --emulator. ${TOUR_USAGE}`);
  const emulator = flags.includes("--emulator") || !apiKey;
  return { backend: emulator ? "emulator" : "live", only: args.filter((arg) => !arg.startsWith("-")) };
}
