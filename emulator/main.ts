/**
 * CLI: `npm run emulator` (or `PORT=8787 npx tsx emulator/main.ts`).
 * Starts the OpenRouter emulator and keeps it up until SIGINT/SIGTERM.
 */
import { SCENARIO_HINT } from "./scenarios.js";
import { startEmulator } from "./server.js";

const port = process.env["PORT"] ? Number(process.env["PORT"]) : 0;
const emulator = await startEmulator({ port });
console.log(`OpenRouter emulator listening on ${emulator.baseURL}`);
console.log(SCENARIO_HINT);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
