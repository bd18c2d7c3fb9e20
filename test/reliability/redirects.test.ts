// Redirects: the Authorization header is never forwarded to another origin. Node's fetch drops
// it on a cross-origin redirect (Fetch spec, "HTTP-redirect fetch" step 13); these tests keep
// that true for the transport as it is and as it may change (a custom redirect loop, a header
// carried some other way).
import type { AIMessageChunk } from "@langchain/core/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatOpenRouter, OpenRouterAuthError } from "../../src/index.js";
import { CANARY_API_KEY } from "../helpers/emulator.js";
import { type ScriptedServer, sseOf, startScriptedServer } from "./helpers/scripted_server.js";

type Mode = "invoke" | "stream";

function completion(content: string) {
  return { id: "gen-r", object: "chat.completion", model: "openai/gpt-4o", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] };
}

/** Answers as OpenRouter would when the key arrives, and 401 when it does not (it names what it got). */
function answerOf(name: string) {
  return (request: { headers: Record<string, unknown>; body: string }) => {
    if (!String(request.headers["authorization"] ?? "").startsWith("Bearer ")) {
      return { status: 401, pieces: [JSON.stringify({ error: { code: 401, message: `No auth credentials found (${name})` } })] };
    }
    const content = `answered by ${name}`;
    if (!(JSON.parse(request.body || "{}") as { stream?: boolean }).stream) return { pieces: [JSON.stringify(completion(content))] };
    return {
      headers: { "Content-Type": "text/event-stream" },
      pieces: [sseOf([{ id: "gen-r", choices: [{ index: 0, delta: { content }, finish_reason: null }] }, { id: "gen-r", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }])],
    };
  };
}

async function call(baseURL: string, mode: Mode): Promise<{ text?: string; error?: unknown }> {
  const model = new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL, maxRetries: 0 });
  try {
    if (mode === "invoke") return { text: (await model.invoke("hi")).text };
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await model.stream("hi")) merged = merged ? merged.concat(chunk) : chunk;
    return { text: merged?.text };
  } catch (error) {
    return { error };
  }
}

describe("redirects", () => {
  let other: ScriptedServer;
  let redirecting: ScriptedServer;

  beforeAll(async () => {
    other = await startScriptedServer(answerOf("another origin"));
    // /to/<status>/<origin>/... redirects there; everything else is answered here
    redirecting = await startScriptedServer((request) => {
      const match = /^\/to\/(\d+)\/(other|same)(\/.*)$/.exec(request.path);
      if (!match) return answerOf("the same origin")(request);
      const [, status, where, rest] = match;
      const origin = where === "other" ? other.url.replace("127.0.0.1", "localhost") : redirecting.url;
      return { status: Number(status), headers: { Location: `${origin}${where === "other" ? "" : "/final"}${rest}` }, pieces: [] };
    });
  });
  afterAll(async () => {
    await other?.close();
    await redirecting?.close();
  });

  it.each<[number, Mode]>([
    [307, "invoke"],
    [307, "stream"],
    [308, "invoke"],
    [308, "stream"],
    [301, "invoke"],
    [302, "stream"],
    [303, "invoke"],
  ])("a %i redirect to another origin does not carry the API key there (%s)", async (status, mode) => {
    other.requests.length = 0;
    const { error } = await call(`${redirecting.url}/to/${status}/other/api/v1`, mode);
    expect(other.requests.length).toBeGreaterThan(0);
    for (const request of other.requests) {
      expect(request.headers["authorization"]).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toContain(CANARY_API_KEY);
    }
    // the other origin never saw a key, so the caller gets its 401, typed
    expect(error).toBeInstanceOf(OpenRouterAuthError);
  });

  it.each<Mode>(["invoke", "stream"])("a redirect within the same origin keeps the key and answers (%s)", async (mode) => {
    redirecting.requests.length = 0;
    const { text, error } = await call(`${redirecting.url}/to/307/same/api/v1`, mode);
    expect(error).toBeUndefined();
    expect(text).toBe("answered by the same origin");
    expect(redirecting.requests.map((request) => request.headers["authorization"])).toEqual([`Bearer ${CANARY_API_KEY}`, `Bearer ${CANARY_API_KEY}`]);
  });
});
