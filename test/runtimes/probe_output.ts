// What test/runtimes/probe/checks.mjs must give on Bun, Deno and workerd: the emulator's answers
// (so a runtime that got nothing right cannot pass by agreeing with a broken reference), and the
// very same JSON as Node gives from the same install.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { run } from "./packed_app.js";

const PROBE = fileURLToPath(new URL("./probe/", import.meta.url));
/** The files an app needs to run the checks (probe.mjs on Bun, Deno and Node; worker.mjs bundled for workerd). */
export const PROBE_FILES = ["checks.mjs", "probe.mjs", "worker.mjs"].map((file) => join(PROBE, file));

const JOKE = "Why do programmers prefer dark mode? Because light attracts bugs, and they already have plenty.";
const WEATHER_CALL = [{ name: "get_weather", args: { city: "Paris" } }];

export interface ProbeOutput {
  resolved?: string;
  hasProcess?: boolean;
  invoke: { text: string; model: string; usage: Record<string, number> };
  stream: { text: string; chunks: number };
  toolCalls: { name: string; args: Record<string, unknown> }[];
  streamEventsV2: { events: string[]; text: string; chunks: number; output: string };
  contentBlocks: { events: string[]; text: { type: string; text: string }[]; toolCalls: { name: string; args: Record<string, unknown> }[] };
  responsesApi: { text: string; status: string; stream: string };
  error: Record<string, unknown>;
}

/** Runs a probe script as a child process and parses the JSON line it prints. */
export async function runProbe(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<ProbeOutput> {
  const { stdout } = await run(command, args, { cwd, env: { ...process.env, ...env } });
  return JSON.parse(stdout) as ProbeOutput;
}

/** probe.mjs on this Node in the same app: what every other runtime must match. */
export function nodeReference(app: string, env: Record<string, string>): Promise<ProbeOutput> {
  return runProbe(process.execPath, ["probe.mjs"], app, env);
}

export function expectChecksPassed(output: ProbeOutput, reference: ProbeOutput): void {
  expect(output.invoke).toEqual({ text: JOKE, model: "anthropic/claude-4.5-sonnet-20250929", usage: { input_tokens: 12, output_tokens: 25, total_tokens: 37 } });
  expect(output.stream.text.split("\n")).toHaveLength(4);
  expect(output.stream.chunks).toBeGreaterThan(3);
  expect(output.toolCalls).toEqual(WEATHER_CALL);
  expect(output.streamEventsV2).toMatchObject({ events: ["on_chat_model_start", "on_chat_model_stream", "on_chat_model_end"], text: JOKE, output: JOKE });
  expect(output.streamEventsV2.chunks).toBeGreaterThan(3);
  expect(output.contentBlocks.events).toEqual(expect.arrayContaining(["message-start", "content-block-delta", "message-finish"]));
  expect(output.contentBlocks.text).toEqual([{ type: "text", text: output.stream.text }]);
  expect(output.contentBlocks.toolCalls).toEqual(WEATHER_CALL);
  expect(output.responsesApi).toEqual({ text: JOKE, status: "completed", stream: output.stream.text });
  expect(output.error).toEqual({ name: "OpenRouterAuthError", status: 401, instanceOfAuthError: true, isAuthError: true, isOpenRouterError: true });
  const { resolved: _resolved, hasProcess: _hasProcess, ...checks } = output;
  const { resolved: _reference, ...expected } = reference;
  expect(checks).toEqual(expected);
}
