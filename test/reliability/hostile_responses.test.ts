// Hostile and broken responses: truncated JSON, wrong types in known fields, unknown fields, huge
// bodies, null content, missing choices. Each gives a clear typed OpenRouterError or a lenient
// parse, never a TypeError (or any other untyped error) from inside the package.
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatOpenRouter, OpenRouterConnectionError, OpenRouterError, OpenRouterProviderError, OpenRouterStreamError } from "../../src/index.js";
import { CANARY_API_KEY } from "../helpers/emulator.js";
import { type ScriptedReply, type ScriptedServer, sseOf, startScriptedServer } from "./helpers/scripted_server.js";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 150);
type Mode = "invoke" | "stream";
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function response(): Record<string, Json> {
  return {
    id: "gen-hostile",
    object: "chat.completion",
    created: 1_765_000_000,
    model: "openai/gpt-4o",
    provider: "OpenAI",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: "It is sunny.",
          tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
          reasoning: "Look it up.",
          reasoning_details: [{ type: "reasoning.text", text: "Look it up.", format: "anthropic-claude-v1", index: 0 }],
          annotations: [{ type: "url_citation", url_citation: { url: "https://example.com", title: "t", content: "c", start_index: 0, end_index: 1 } }],
        },
        finish_reason: "tool_calls",
        native_finish_reason: "tool_use",
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      cost: 0.001,
      prompt_tokens_details: { cached_tokens: 2 },
      completion_tokens_details: { reasoning_tokens: 1 },
    },
  };
}

function chunks(): Record<string, Json>[] {
  const base = { id: "gen-hostile", object: "chat.completion.chunk", created: 1_765_000_000, model: "openai/gpt-4o", provider: "OpenAI" };
  const choice = (delta: Record<string, Json>, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta: { role: "assistant", ...delta }, finish_reason: finish, native_finish_reason: finish }],
  });
  return [
    choice({ content: "" }),
    choice({ content: "", reasoning: "Look", reasoning_details: [{ type: "reasoning.text", text: "Look", format: "anthropic-claude-v1", index: 0 }] }),
    choice({ content: "It is " }),
    choice({ content: null, tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"ci' } }] }),
    choice({ content: null, tool_calls: [{ index: 0, function: { arguments: 'ty":"Paris"}' } }] }),
    choice({ content: "sunny.", annotations: [{ type: "url_citation", url_citation: { url: "https://example.com" } }] }),
    choice({ content: "" }, "tool_calls"),
    { ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, cost: 0.001 } },
  ];
}

// Known fields, as paths into the response (invoke) or into one chunk (stream).
const RESPONSE_PATHS = [
  ["id"], ["created"], ["model"], ["provider"], ["choices"], ["choices", 0], ["choices", 0, "message"],
  ["choices", 0, "message", "content"], ["choices", 0, "message", "role"], ["choices", 0, "message", "tool_calls"],
  ["choices", 0, "message", "tool_calls", 0], ["choices", 0, "message", "tool_calls", 0, "id"],
  ["choices", 0, "message", "tool_calls", 0, "function"], ["choices", 0, "message", "tool_calls", 0, "function", "name"],
  ["choices", 0, "message", "tool_calls", 0, "function", "arguments"], ["choices", 0, "message", "reasoning"],
  ["choices", 0, "message", "reasoning_details"], ["choices", 0, "message", "reasoning_details", 0],
  ["choices", 0, "message", "annotations"], ["choices", 0, "message", "images"], ["choices", 0, "message", "audio"],
  ["choices", 0, "finish_reason"], ["choices", 0, "native_finish_reason"], ["choices", 0, "error"], ["choices", 0, "logprobs"],
  ["usage"], ["usage", "prompt_tokens"], ["usage", "completion_tokens"], ["usage", "total_tokens"], ["usage", "cost"],
  ["usage", "prompt_tokens_details"], ["usage", "prompt_tokens_details", "cached_tokens"], ["usage", "completion_tokens_details"],
  ["error"], ["system_fingerprint"], ["service_tier"],
] as const;
const CHUNK_PATHS = [
  ["id"], ["created"], ["model"], ["provider"], ["choices"], ["choices", 0], ["choices", 0, "delta"],
  ["choices", 0, "delta", "content"], ["choices", 0, "delta", "role"], ["choices", 0, "delta", "tool_calls"],
  ["choices", 0, "delta", "tool_calls", 0], ["choices", 0, "delta", "tool_calls", 0, "index"],
  ["choices", 0, "delta", "tool_calls", 0, "id"], ["choices", 0, "delta", "tool_calls", 0, "function"],
  ["choices", 0, "delta", "tool_calls", 0, "function", "name"], ["choices", 0, "delta", "tool_calls", 0, "function", "arguments"],
  ["choices", 0, "delta", "reasoning"], ["choices", 0, "delta", "reasoning_details"], ["choices", 0, "delta", "reasoning_details", 0],
  ["choices", 0, "delta", "annotations"], ["choices", 0, "delta", "images"], ["choices", 0, "delta", "audio"],
  ["choices", 0, "finish_reason"], ["choices", 0, "native_finish_reason"], ["usage"], ["usage", "prompt_tokens"], ["usage", "cost"],
  ["error"], ["system_fingerprint"], ["service_tier"],
] as const;

/** Sets (or, for `undefined`, deletes) the field at `path`, creating objects on the way. */
function setAt(target: Record<string, Json>, path: readonly (string | number)[], value: Json | undefined): void {
  let node: Record<string | number, Json> = target as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = {};
    node = node[key] as Record<string | number, Json>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
}

const hostileValue: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308),
  fc.constantFrom("", "x", "{", "null", '{"a":'),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>
);

const mutation = (paths: readonly (readonly (string | number)[])[]) =>
  fc.array(fc.record({ path: fc.constantFrom(...paths), value: hostileValue, extra: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }), {
    minLength: 1,
    maxLength: 3,
  });

interface Outcome {
  message?: BaseMessage;
  error?: unknown;
}

async function run(model: ChatOpenRouter, mode: Mode): Promise<Outcome> {
  try {
    if (mode === "invoke") return { message: await model.invoke("What is the weather in Paris?") };
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await model.stream("What is the weather in Paris?")) merged = merged ? merged.concat(chunk) : chunk;
    return { message: merged };
  } catch (error) {
    return { error };
  }
}

/** A lenient parse or a typed error, nothing else. */
function expectClearOutcome(outcome: Outcome, context: unknown): void {
  if (outcome.error !== undefined) {
    const error = outcome.error as Error;
    expect(OpenRouterError.isInstance(error), `untyped ${error?.name}: ${error?.message}\n${error?.stack}\n${JSON.stringify(context)}`).toBe(true);
    expect(error.message.length).toBeGreaterThan(10);
    return;
  }
  const message = outcome.message!;
  expect(typeof message.content === "string" || Array.isArray(message.content), JSON.stringify(context)).toBe(true);
}

describe("hostile responses", () => {
  let server: ScriptedServer;
  let next: ScriptedReply = {};
  let model: ChatOpenRouter;

  beforeAll(async () => {
    server = await startScriptedServer(() => next);
    model = new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL: server.url, maxRetries: 0 });
  });
  afterAll(() => server?.close());

  const json = (body: unknown, status = 200): ScriptedReply => ({ status, pieces: [typeof body === "string" ? body : JSON.stringify(body)] });
  const sse = (events: unknown[], done = true): ScriptedReply => ({ headers: { "Content-Type": "text/event-stream" }, pieces: [sseOf(events, done)] });

  it("wrong types, missing and unknown fields anywhere in a JSON response: a lenient parse or a typed error", async () => {
    await fc.assert(
      fc.asyncProperty(mutation(RESPONSE_PATHS), async (mutations) => {
        const body = response();
        for (const { path, value, extra } of mutations) {
          setAt(body, path, value);
          if (extra !== undefined) setAt(body, [...path.slice(0, -1), `x_${extra}`], { unknown: [extra] });
        }
        next = json(body);
        expectClearOutcome(await run(model, "invoke"), mutations);
      }),
      { numRuns: RUNS * 2 }
    );
  });

  it("wrong types, missing and unknown fields in any stream chunk: a lenient parse or a typed error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 7 }), mutation(CHUNK_PATHS), async (at, mutations) => {
        const events = chunks();
        for (const { path, value, extra } of mutations) {
          setAt(events[at]!, path, value);
          if (extra !== undefined) setAt(events[at]!, [...path.slice(0, -1), `x_${extra}`], { unknown: [extra] });
        }
        next = sse(events);
        expectClearOutcome(await run(model, "stream"), { at, mutations });
      }),
      { numRuns: RUNS * 2 }
    );
  });

  it("the unmutated fixtures of these properties parse completely (the properties start from a valid answer)", async () => {
    next = json(response());
    const invoked = await run(model, "invoke");
    next = sse(chunks());
    const streamed = await run(model, "stream");
    for (const outcome of [invoked, streamed]) {
      expect(outcome.error).toBeUndefined();
      expect(outcome.message!.content).toBe("It is sunny.");
      expect((outcome.message as AIMessageChunk).tool_calls).toEqual([{ name: "get_weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" }]);
    }
  });

  it.each<[string, ScriptedReply, Mode, new (...args: never[]) => OpenRouterError]>([
    ["truncated JSON", json(JSON.stringify(response()).slice(0, 200)), "invoke", OpenRouterConnectionError],
    ["a truncated JSON event", { headers: { "Content-Type": "text/event-stream" }, pieces: ['data: {"id":"gen-1","choices":[{"delta":{"content":"Hi\n\n'] }, "stream", OpenRouterStreamError],
    ["a body of null", json("null"), "invoke", OpenRouterProviderError],
    ["a JSON array", json("[1,2]"), "invoke", OpenRouterProviderError],
    ["missing choices", json({ id: "gen-1", object: "chat.completion" }), "invoke", OpenRouterProviderError],
    ["empty choices", json({ id: "gen-1", choices: [] }), "invoke", OpenRouterProviderError],
    ["a stream of chunks without choices", sse([{ id: "gen-1" }, { id: "gen-1" }]), "stream", OpenRouterStreamError],
    ["an event of null", { headers: { "Content-Type": "text/event-stream" }, pieces: ["data: null\n\n"] }, "stream", OpenRouterStreamError],
    ["an HTML page with status 200", { headers: { "Content-Type": "text/html" }, pieces: ["<html><body>Just a moment...</body></html>"] }, "invoke", OpenRouterError],
    ["an HTML page with status 200 to a stream", { headers: { "Content-Type": "text/html" }, pieces: ["<html><body>Just a moment...</body></html>"] }, "stream", OpenRouterStreamError],
    ["an empty 200", { pieces: [] }, "invoke", OpenRouterError],
  ])("%s: a typed error", async (_, reply, mode, expected) => {
    next = reply;
    const { error, message } = await run(model, mode);
    expect(message).toBeUndefined();
    expect(error).toBeInstanceOf(expected);
  });

  it("null content with no tool calls: an empty answer, parsed leniently, with its finish reason", async () => {
    const body = response();
    setAt(body, ["choices", 0, "message"], { role: "assistant", content: null });
    setAt(body, ["choices", 0, "finish_reason"], "stop");
    next = json(body);
    const { message } = await run(model, "invoke");
    expect(message!.content).toBe("");
    expect((message!.response_metadata as Record<string, unknown>)["finish_reason"]).toBe("stop");
  });

  it("huge bodies arrive whole: a 16 MB JSON answer and a 4 MB stream of 4,096 chunks", async () => {
    const big = "x".repeat(16 * 2 ** 20);
    const body = response();
    setAt(body, ["choices", 0, "message", "content"], big);
    next = json(body);
    const invoked = await run(model, "invoke");
    expect(invoked.error).toBeUndefined();
    expect((invoked.message!.content as string).length).toBe(big.length);

    const piece = "0123456789abcdef".repeat(64);
    const events = chunks().slice(0, 1);
    for (let i = 0; i < 4096; i++) events.push({ id: "gen-hostile", choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    events.push({ id: "gen-hostile", choices: [{ index: 0, delta: { content: "" }, finish_reason: "stop" }] });
    next = { headers: { "Content-Type": "text/event-stream" }, pieces: [sseOf(events)] };
    const streamed = await run(model, "stream");
    expect(streamed.error).toBeUndefined();
    expect((streamed.message!.content as string).length).toBe(piece.length * 4096);
  });
});
