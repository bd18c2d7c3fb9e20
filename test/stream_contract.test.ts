// ChatOpenRouter's streamed chunks defer core's per-chunk merge (src/chat_models/streamed_generation_chunk.ts).
// These tests run the same model twice through core's own BaseChatModel machinery: as shipped, and with
// every chunk re-wrapped in a plain ChatGenerationChunk (core's eager merge). Everything a user or a callback
// handler can see must be the same: yielded chunks, callbacks in order with their payloads (handleLLMEnd's
// output and llmOutput.tokenUsage), run ids, errors and aborts, outputVersion "v1", disableStreaming,
// streamEvents v2, and invoke's streaming path.
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult, type LLMResult } from "@langchain/core/outputs";
import { describe, expect, it } from "vitest";
import { StreamedGenerationChunk } from "../src/chat_models/streamed_generation_chunk.js";
import { ChatOpenRouter, type ChatOpenRouterFields } from "../src/index.js";
import { CANARY_API_KEY, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();
const RUN_ID = "8c1e5b8e-6d0e-4a55-9d2b-2f0b4b6f3d11";

/** JSON as a tracer would store it, with the emulator's time-based ids and timestamps made stable. */
function snapshot(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null)
      .replace(/gen-\d+-[A-Za-z0-9]{20}/g, "gen-ID")
      .replace(/"created":\d+/g, '"created":0')
  );
}

/** Records every callback, awaited in order, with its payload. */
class Recorder extends BaseCallbackHandler {
  name = "recorder";
  readonly events: unknown[] = [];
  lc_prefer_streaming: boolean;
  private ended!: () => void;
  /** Settles once the run ended or failed. */
  readonly finished = new Promise<void>((resolve) => {
    this.ended = resolve;
  });

  /** Set by a test: the handler aborts it on token number `abortOnToken` (1-based). */
  abortOnToken?: { n: number; controller: AbortController };
  private tokens = 0;

  constructor(prefersStreaming = false) {
    super({ _awaitHandler: true });
    this.lc_prefer_streaming = prefersStreaming;
  }

  override handleChatModelStart(_llm: unknown, messages: BaseMessage[][], runId: string, _parent?: string, extra?: Record<string, unknown>) {
    this.events.push(["start", runId, snapshot(messages), snapshot(extra)]);
  }

  override handleLLMNewToken(token: string, index: unknown, runId: string, _parent?: string, _tags?: string[], fields?: { chunk?: unknown }) {
    this.events.push(["token", runId, token, index, snapshot(fields?.chunk)]);
    if (++this.tokens === this.abortOnToken?.n) this.abortOnToken.controller.abort();
  }

  override handleLLMEnd(output: LLMResult, runId: string) {
    const generation = output.generations[0]?.[0] as ChatGenerationChunk | undefined;
    // a handler reads the message directly, and a tracer serialises the whole output
    this.events.push(["end", runId, snapshot(output), snapshot(generation?.message), generation?.text, snapshot(output.llmOutput)]);
    this.ended();
  }

  override handleLLMError(error: Error, runId: string) {
    this.events.push(["error", runId, error.name, error.message]);
    this.ended();
  }
}

/** The same model, with core's eager merge: every chunk re-wrapped in a plain ChatGenerationChunk. */
class EagerChatOpenRouter extends ChatOpenRouter {
  override async *_streamResponseChunks(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun) {
    for await (const chunk of super._streamResponseChunks(messages, options, runManager)) {
      expect(chunk).toBeInstanceOf(StreamedGenerationChunk);
      yield new ChatGenerationChunk({ text: chunk.text, message: chunk.message, generationInfo: chunk.generationInfo });
    }
  }
}

// the same name as the shipped class, so serialised ids and event names match
Object.defineProperty(EagerChatOpenRouter, "name", { value: "ChatOpenRouter" });

type Variant = "shipped" | "eager";

/** Each variant's run starts from a fresh emulator state, so both get the same bytes. */
function modelFor(variant: Variant, fields: Partial<ChatOpenRouterFields> & { scenario?: string } = {}): ChatOpenRouter {
  emulator.current.reset();
  const { scenario, ...rest } = fields;
  const Model = variant === "shipped" ? ChatOpenRouter : EagerChatOpenRouter;
  const model = new Model({
    model: "openai/gpt-4o-mini",
    apiKey: CANARY_API_KEY,
    baseURL: scenario === undefined ? emulator.current.baseURL : emulator.current.baseURLFor(scenario),
    ...rest,
  });
  // core reads disableStreaming from the instance (integrations set it from their fields)
  if (fields.disableStreaming) model.disableStreaming = true;
  return model;
}

interface Observed {
  chunks: unknown[];
  events: unknown[];
  error?: string;
}

/**
 * Where a test aborts the call: in the caller's loop once it holds `after` chunks, or from the
 * handler's token callback number `after` (core awaits that callback inside its generator, when the
 * caller asks for the next chunk, so the generator is running when the signal aborts).
 */
type StopAt = { in: "loop" | "token"; after: number };

/** Streams with a recorder and a fixed run id; returns what the caller and the handler saw. */
async function observeStream(
  variant: Variant,
  fields: Partial<ChatOpenRouterFields> & { scenario?: string },
  input: string,
  options: Record<string, unknown> = {},
  stopAt?: StopAt
): Promise<Observed> {
  const recorder = new Recorder();
  const chunks: unknown[] = [];
  const controller = new AbortController();
  if (stopAt?.in === "token") recorder.abortOnToken = { n: stopAt.after, controller };
  let error: string | undefined;
  try {
    const stream = await modelFor(variant, fields).stream(input, { callbacks: [recorder], runId: RUN_ID, signal: controller.signal, ...options });
    for await (const chunk of stream) {
      chunks.push(snapshot(chunk));
      if (stopAt?.in === "loop" && chunks.length === stopAt.after) controller.abort();
    }
  } catch (caught) {
    error = `${(caught as Error).name}: ${(caught as Error).message}`;
  }
  // An abort rejects the caller at once, and core reports it to handleLLMError in the background
  // once its generator, still running, sees the abort: wait for that report. Aborted in the loop,
  // between chunks, core's generator is suspended at its yield: on Node 20 and 22 it is never
  // resumed and reports nothing; on Node 24 it reports before the caller's loop rejects. Either
  // way there is nothing left to wait for.
  if (stopAt?.in !== "loop") await recorder.finished;
  return { chunks, events: recorder.events, error };
}

async function expectSameStream(fields: Partial<ChatOpenRouterFields> & { scenario?: string }, input: string, options: Record<string, unknown> = {}, stopAt?: StopAt) {
  const shipped = await observeStream("shipped", fields, input, options, stopAt);
  const eager = await observeStream("eager", fields, input, options, stopAt);
  expect(shipped).toEqual(eager);
  return shipped;
}

const WEATHER_TOOL = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Weather in a city.",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

describe("streamed chunks keep core's contract (shipped vs core's eager merge, same model)", () => {
  it.each([
    ["text from the responder", {}, "Tell me a joke."],
    ["reasoning with a signature", { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "low" as const } }, "2 + 2"],
    ["encrypted reasoning", { model: "openai/gpt-5", reasoning: { effort: "low" as const } }, "Write a short poem about the sea."],
    ["stream-text-basic.sse", { scenario: "fixture:stream-text-basic.sse" }, "hi"],
    ["stream-tool-call.sse", { scenario: "fixture:stream-tool-call.sse" }, "hi"],
    ["stream-reasoning-anthropic-text-signature.sse", { scenario: "fixture:stream-reasoning-anthropic-text-signature.sse" }, "hi"],
    ["stream-reasoning-openai-encrypted.sse", { scenario: "fixture:stream-reasoning-openai-encrypted.sse" }, "hi"],
    ["stream-web-search-annotations.sse", { scenario: "fixture:stream-web-search-annotations.sse" }, "hi"],
    ["stream-image-output.truncated.sse", { scenario: "fixture:stream-image-output.truncated.sse" }, "hi"],
    ["stream-usage-empty-choices.handmade.sse", { scenario: "fixture:stream-usage-empty-choices.handmade.sse" }, "hi"],
  ])("%s: chunks, callbacks, handleLLMEnd output and tokenUsage", async (_name, fields, input) => {
    const seen = await expectSameStream(fields, input);
    expect(seen.error).toBeUndefined();
    const end = seen.events.at(-1) as unknown[];
    expect(end[0]).toBe("end");
    expect(end[1]).toBe(RUN_ID);
    expect(seen.events.filter((event) => (event as unknown[])[0] === "token").length).toBeGreaterThan(0);
  });

  it("parallel tool calls streamed as fragments interleaved by index, in both output versions", async () => {
    const scenario = "fixture:stream-parallel-tool-calls.handmade.sse";
    const tools = { tools: [WEATHER_TOOL] };
    const seen = await expectSameStream({ scenario }, "What is the weather in Paris and in Tokyo?", tools);
    const end = seen.events.at(-1) as [string, string, unknown, { kwargs: { tool_calls: { args: unknown }[] } }];
    expect(end[3].kwargs.tool_calls.map((call) => call.args)).toEqual([
      { city: "Paris", unit: "celsius" },
      { city: "Tokyo", unit: "celsius" },
    ]);
    await expectSameStream({ scenario, outputVersion: "v1" }, "What is the weather in Paris and in Tokyo?", tools);
  });

  it('outputVersion "v1": content blocks on every chunk, the same final message', async () => {
    const seen = await expectSameStream({ model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "low" }, outputVersion: "v1" }, "Tell me a joke.");
    expect(seen.chunks.length).toBeGreaterThan(2);
    for (const chunk of seen.chunks as { kwargs: { content: unknown } }[]) expect(Array.isArray(chunk.kwargs.content)).toBe(true);
  });

  it("errors: a mid-stream error chunk and a cut stream reach handleLLMError the same way", async () => {
    const midStream = await expectSameStream({ scenario: "mid-stream-error" }, "hi");
    expect(midStream.error).toMatch(/^OpenRouterStreamError/);
    expect((midStream.events.at(-1) as unknown[])[0]).toBe("error");
    const cut = await expectSameStream({ scenario: "truncate", maxRetries: 0 }, "hi");
    expect(cut.error).toMatch(/\[DONE\]/);
  });

  it("abort before the call: the caller rejects at once, handleLLMError gets the abort", async () => {
    const before = await expectSameStream({}, "Tell me a joke.", { signal: AbortSignal.abort() });
    expect(before.error).toMatch(/^AbortError/);
    expect(before.chunks).toEqual([]);
    expect(before.events.map((event) => (event as unknown[])[0])).toEqual(["start", "error"]);
    expect((before.events.at(-1) as unknown[]).slice(1, 3)).toEqual([RUN_ID, "AbortError"]);
  });

  it("abort mid-stream while core's generator runs: the chunks read, then handleLLMError gets the abort", async () => {
    const midway = await expectSameStream({}, "Tell me a joke.", {}, { in: "token", after: 2 });
    expect(midway.chunks).toHaveLength(2);
    expect(midway.error).toMatch(/^AbortError/);
    const kinds = midway.events.map((event) => (event as unknown[])[0]);
    expect(kinds.at(-1)).toBe("error");
    expect(kinds.filter((kind) => kind === "token")).toHaveLength(2);
    expect((midway.events.at(-1) as unknown[])[2]).toBe("AbortError");
  });

  it("abort mid-stream in the caller's loop: the chunks read, the same callbacks, and no end reported", async () => {
    const midway = await expectSameStream({}, "Tell me a joke.", {}, { in: "loop", after: 2 });
    expect(midway.chunks).toHaveLength(2);
    expect(midway.error).toMatch(/^AbortError/);
    const kinds = midway.events.map((event) => (event as unknown[])[0]);
    expect(kinds[0]).toBe("start");
    expect(kinds).not.toContain("end");
    // whether core reports this abort depends on the runtime, not on us: on Node 24 its generator
    // reports it before the caller's loop rejects, on Node 20 and 22 it is never resumed and reports
    // nothing; either way both variants agree (above), and a report is the abort
    if (kinds.includes("error")) expect((midway.events.at(-1) as unknown[])[2]).toBe("AbortError");
  });

  it("disableStreaming: stream() yields what invoke returns, with the same callbacks", async () => {
    const seen = await expectSameStream({ disableStreaming: true }, "Tell me a joke.");
    expect(seen.chunks).toHaveLength(1);
    expect(seen.events.map((event) => (event as unknown[])[0])).toEqual(["start", "end"]);
  });

  it("streamEvents v2: the same events, and on_chat_model_end carries the merged message", async () => {
    const eventsOf = async (variant: Variant) => {
      const events: unknown[] = [];
      const model = modelFor(variant, { scenario: "fixture:stream-tool-call.sse" });
      for await (const event of model.streamEvents("hi", { version: "v2", runId: RUN_ID })) {
        events.push(snapshot({ event: event.event, name: event.name, run_id: event.run_id, data: event.data }));
      }
      return events;
    };
    const shipped = await eventsOf("shipped");
    expect(shipped).toEqual(await eventsOf("eager"));
    const end = shipped.at(-1) as { event: string; data: { output: { kwargs: { tool_calls: unknown[] } } } };
    expect(end.event).toBe("on_chat_model_end");
    expect(end.data.output.kwargs.tool_calls).toEqual([{ name: "get_date", args: {}, id: "call_eJmyO5ANyXc20sPeLSuWSngc", type: "tool_call" }]);
  });

  it("invoke with a handler that prefers streaming merges the chunks the same way", async () => {
    const invokeWith = async (variant: Variant) => {
      const recorder = new Recorder(true);
      const message = await modelFor(variant, { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "low" } }).invoke("2 + 2", {
        callbacks: [recorder],
        runId: RUN_ID,
      });
      return { message: snapshot(message), events: recorder.events };
    };
    const shipped = await invokeWith("shipped");
    expect(shipped).toEqual(await invokeWith("eager"));
    expect(shipped.events.filter((event) => (event as unknown[])[0] === "token").length).toBeGreaterThan(1);
  });
});

/** A model that streams given chunks with no ids, as a provider without generation ids would. */
class ScriptedModel extends BaseChatModel {
  constructor(
    private readonly chunkClass: typeof ChatGenerationChunk,
    private readonly pieces: string[]
  ) {
    super({});
  }

  _llmType(): string {
    return "scripted";
  }

  async _generate(): Promise<ChatResult> {
    const text = this.pieces.join("");
    return { generations: [{ text, message: new AIMessage(text) }] };
  }

  override async *_streamResponseChunks(_messages: BaseMessage[], _options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun) {
    for (const piece of this.pieces) {
      const chunk = new this.chunkClass({ text: piece, message: new AIMessageChunk({ content: piece }) });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
    }
    yield new this.chunkClass({
      text: "",
      message: new AIMessageChunk({ content: "", usage_metadata: { input_tokens: 1, output_tokens: this.pieces.length, total_tokens: 1 + this.pieces.length } }),
    });
  }
}

describe("streamed chunks in core's _streamIterator, without generation ids", () => {
  it("get core's run-<runId> id on every chunk and on the merged message", async () => {
    const observe = async (chunkClass: typeof ChatGenerationChunk) => {
      const recorder = new Recorder();
      const chunks: unknown[] = [];
      for await (const chunk of await new ScriptedModel(chunkClass, ["a", "b", "c"]).stream("hi", { callbacks: [recorder], runId: RUN_ID })) {
        chunks.push(snapshot(chunk));
      }
      return { chunks, events: recorder.events };
    };
    const shipped = await observe(StreamedGenerationChunk);
    expect(shipped).toEqual(await observe(ChatGenerationChunk));
    const end = shipped.events.at(-1) as [string, string, unknown, { kwargs: { id: string; content: string } }];
    expect(end[3].kwargs).toMatchObject({ id: `run-${RUN_ID}`, content: "abc" });
  });
});
