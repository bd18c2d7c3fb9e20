// The main job: a tour of every feature. Against the bundled OpenRouter emulator by default, or
// the real API when OPENROUTER_API_KEY is set. Exits non-zero if any step fails.
import { inspect } from "node:util";
import { type Emulator, startEmulator } from "../emulator/server.js";
import { ChatOpenRouter } from "../src/index.js";
import { SECTIONS } from "./sections/index.js";
import type { TourContext } from "./tour_context.js";

const key = process.env["OPENROUTER_API_KEY"];
const live = Boolean(key);
let emulator: Emulator | undefined;
if (!live) emulator = await startEmulator();
const baseURL = live ? (process.env["OPENROUTER_BASE_URL"] ?? "https://openrouter.ai/api/v1") : emulator!.baseURL;

const context: TourContext = {
  live,
  baseURL,
  baseURLFor: (scenario) => (emulator ? emulator.baseURLFor(scenario) : baseURL),
  apiKey: key ?? "sk-or-v1-emulator",
  model: (fields) => new ChatOpenRouter({ ...fields, baseURL: fields.baseURL ?? baseURL, apiKey: key ?? "sk-or-v1-emulator" }),
  show: (label, value) =>
    console.log(`  ${label}:`, typeof value === "string" ? value : inspect(value, { depth: 6, colors: process.stdout.isTTY })),
};

console.log(`ChatOpenRouter tour — ${live ? "real OpenRouter API" : `OpenRouter emulator at ${baseURL}`}\n`);
const only = process.argv.slice(2);
let failed = 0;
for (const section of SECTIONS) {
  if (only.length > 0 && !only.some((word) => section.title.toLowerCase().includes(word.toLowerCase()))) continue;
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
