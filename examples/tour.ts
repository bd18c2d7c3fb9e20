// The main job: a tour of every feature. Against the bundled OpenRouter emulator by default (and
// with --emulator even when OPENROUTER_API_KEY is set), or the real API when the key is set.
// Exits non-zero if any step fails; with a key but no way to reach the API, says so in one line.
import { inspect } from "node:util";
import { type Emulator, startEmulator } from "../emulator/server.js";
import { ChatOpenRouter, OpenRouterClient, OpenRouterConnectionError, OpenRouterError, OpenRouterTimeoutError } from "../src/index.js";
import { SECTIONS } from "./sections/index.js";
import type { TourContext } from "./tour_context.js";
import { tourOptions } from "./tour_options.js";

let options;
try {
  options = tourOptions(process.argv.slice(2), process.env["OPENROUTER_API_KEY"] || undefined);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const live = options.backend === "live";
const key = live ? process.env["OPENROUTER_API_KEY"]! : "sk-or-v1-emulator";
let emulator: Emulator | undefined;
if (!live) emulator = await startEmulator();
const baseURL = live ? process.env["OPENROUTER_BASE_URL"] || "https://openrouter.ai/api/v1" : emulator!.baseURL;

console.log(
  live
    ? `ChatOpenRouter tour — real OpenRouter API at ${baseURL} (OPENROUTER_API_KEY is set; npm run tour -- --emulator tours offline)\n`
    : `ChatOpenRouter tour — OpenRouter emulator at ${baseURL}\n`,
);
if (live) {
  // one cheap request first, so an offline machine or a rejected key is one line, not a dump per section
  try {
    await new OpenRouterClient({ baseURL, apiKey: key, maxRetries: 0, timeout: 15_000 }).getKeyInfo();
  } catch (error) {
    const unreachable = error instanceof OpenRouterConnectionError || error instanceof OpenRouterTimeoutError;
    const why = (error instanceof OpenRouterError ? error.message.split("\n")[0]! : String(error)).replace(/\.+$/, "");
    console.error(
      unreachable
        ? `Cannot reach ${baseURL} (no network?): ${why}. Run npm run tour -- --emulator to tour offline.`
        : `OpenRouter refused the tour's first request: ${why}. Check OPENROUTER_API_KEY, or run npm run tour -- --emulator.`,
    );
    process.exit(1);
  }
}

const indent = (text: string): string => text.replaceAll("\n", "\n    ");
const context: TourContext = {
  live,
  baseURL,
  baseURLFor: (scenario) => (emulator ? emulator.baseURLFor(scenario) : baseURL),
  apiKey: key,
  model: (fields) => new ChatOpenRouter({ ...fields, baseURL: fields.baseURL ?? baseURL, apiKey: key }),
  show: (label, value) =>
    console.log(`  ${label}:`, indent(typeof value === "string" ? value : inspect(value, { depth: 6, colors: process.stdout.isTTY }))),
  write: (text) => void process.stdout.write(indent(text)),
};

let failed = 0;
for (const section of SECTIONS) {
  if (options.only.length > 0 && !options.only.some((word) => section.title.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n━━ ${section.title}`);
  try {
    await section.run(context);
  } catch (error) {
    failed++;
    console.error(`  ✗ ${section.title} failed:`, error);
  }
}
await emulator?.close();
console.log(failed === 0 ? "\nTour complete: every step passed." : `\nTour finished with ${failed} failed section(s).`);
process.exit(failed === 0 ? 0 : 1);
