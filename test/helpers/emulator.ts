// Starts one emulator per test file and builds models pointed at it.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ChatOpenRouter } from "../../src/index.js";
import type { ChatOpenRouterFields } from "../../src/index.js";
import { type Emulator, startEmulator } from "../../emulator/server.js";

/** A key that must never appear in any error, log or serialised object. */
export const CANARY_API_KEY = "sk-or-v1-canary-0123456789abcdef-do-not-log";

/** Starts the emulator before the file's tests and closes it after; resets it before each test. */
export function useEmulator(): { readonly current: Emulator } {
  const holder: { current: Emulator } = { current: undefined as unknown as Emulator };
  beforeAll(async () => {
    holder.current = await startEmulator();
  });
  beforeEach(() => holder.current.reset());
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

/** A ChatOpenRouter on the emulator (optionally one scenario), with the canary key. */
export function modelOn(
  emulator: Emulator,
  fields: Partial<ChatOpenRouterFields> & { scenario?: string } = {}
): ChatOpenRouter {
  const { scenario, ...rest } = fields;
  return new ChatOpenRouter({
    model: "openai/gpt-4o-mini",
    apiKey: CANARY_API_KEY,
    baseURL: scenario === undefined ? emulator.baseURL : emulator.baseURLFor(scenario),
    ...rest,
  });
}

/**
 * A scenario part that names what the emulator says: `say:<text>` (the answer), `think:<text>`
 * (its reasoning) or `refuse:<text>` (a refusal), the text percent-encoded so it may hold "+" or "@".
 */
export function scenarioText(name: "say" | "think" | "refuse", text: string): string {
  return `${name}:${encodeURIComponent(text)}`;
}

/** The JSON body of the last chat request the emulator received. */
export function lastChatBody(emulator: Emulator): Record<string, unknown> {
  const requests = emulator.chatRequests();
  const last = requests[requests.length - 1];
  if (!last) throw new Error("the emulator received no chat request");
  return last.body as Record<string, unknown>;
}
