// Requests and SSE reading shared by the emulator's own tests (real fetch, no stubs).
import type { Emulator } from "./server.js";

export const AUTH = { "content-type": "application/json", authorization: "Bearer sk-or-v1-test" };

/** A chat request to `emulator`, optionally under a scenario; `raw` replaces the JSON body. */
export function postChat(emulator: Emulator, body: unknown, scenario?: string, headers: Record<string, string> = AUTH, raw = JSON.stringify(body)): Promise<Response> {
  const base = scenario === undefined ? emulator.baseURL : emulator.baseURLFor(scenario);
  return fetch(`${base}/chat/completions`, { method: "POST", headers, body: raw });
}

export const hello = { model: "openai/gpt-4o", messages: [{ role: "user", content: "Hi there" }] };

/** The scenario that makes the answer say `text` (percent-encoded, so it may hold "+", "@" or ":"). */
export const say = (text: string): string => `say:${encodeURIComponent(text)}`;

export interface Chunk {
  id: string;
  model: string;
  provider: string;
  error?: { code: unknown; message: string };
  usage?: Record<string, unknown>;
  choices: {
    delta: {
      role?: string;
      content?: string | null;
      tool_calls?: { index: number; id?: string; function: { name?: string; arguments?: string } }[];
    };
    finish_reason: string | null;
  }[];
}

/** SSE frames (split on blank lines). */
export function frames(text: string): string[] {
  return text.split("\n\n").filter((f) => f !== "");
}

export function chunks(text: string): Chunk[] {
  return frames(text)
    .filter((f) => f.startsWith("data: ") && f !== "data: [DONE]")
    .map((f) => JSON.parse(f.slice(6)) as Chunk);
}

export function streamedContent(text: string): string {
  return chunks(text)
    .map((c) => c.choices[0]?.delta.content ?? "")
    .join("");
}

export async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather in a given location",
    parameters: {
      type: "object",
      properties: { location: { type: "string", description: "The city and state, e.g. San Francisco, CA" } },
      required: ["location"],
    },
  },
};
export const timeTool = {
  type: "function",
  function: {
    name: "get_time",
    description: "Get the current local time in a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};
