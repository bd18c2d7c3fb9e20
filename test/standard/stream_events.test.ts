// Standard integration checks, part 5: core's content-block stream (`model.streamEvents(input)`
// without a version → ChatModelStream), fed by ChatOpenRouter's own `_streamChatModelEvents`. Mirrors
// what the upstream standard tests check for it (text, reasoning, tool calls after text, parallel
// tool calls, usage, metadata, errors) and holds the awaited message to what `invoke` returns. The
// CI matrix runs it on core 1.2.0 and the newest 1.x: both have the protocol, with different deltas.
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { CallbackManager } from "@langchain/core/callbacks/manager";
import { type AIMessage, type AIMessageChunk, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { LLMResult } from "@langchain/core/outputs";
import { tool } from "@langchain/core/tools";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { OpenRouterStreamError } from "../../src/index.js";
import { lastChatBody, modelOn, scenarioText, useEmulator } from "../helpers/emulator.js";

const emulator = useEmulator();

interface Event {
  event: string;
  index?: number;
  content?: Record<string, unknown>;
  delta?: Record<string, unknown>;
  [key: string]: unknown;
}

/** core's ChatModelStream, typed as far as these tests read it (its events loosely, to index them). */
interface ChatModelStream extends AsyncIterable<Event>, PromiseLike<AIMessage> {
  text: PromiseLike<string> & AsyncIterable<string>;
  reasoning: PromiseLike<string> & AsyncIterable<string>;
  toolCalls: PromiseLike<{ type: string; id?: string; name: string; args: Record<string, unknown> }[]>;
  usage: PromiseLike<Record<string, unknown> | undefined>;
}

type Model = ReturnType<typeof modelOn>;
const streamEvents = (model: Model, input: string | BaseMessage[], options: Record<string, unknown> = {}) =>
  (model.streamEvents as unknown as (input: unknown, options?: unknown) => ChatModelStream)(input, options);

const weather = tool(async ({ city }) => `Sunny in ${city}`, {
  name: "get_weather",
  description: "Get the current weather in a city",
  schema: z.object({ city: z.string().describe("The city, e.g. Paris") }),
});

/** What `stream()` gives for the same input, concatenated (recorded streams have no JSON twin to invoke). */
async function concatenated(model: Model, input: string): Promise<AIMessageChunk> {
  let all: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(input)) all = all === undefined ? chunk : concat(all, chunk);
  return all!;
}

async function events(stream: ChatModelStream): Promise<Event[]> {
  const seen: Event[] = [];
  for await (const event of stream) seen.push(event);
  return seen;
}

function fieldsOf(event: Event): Record<string, unknown> | undefined {
  return event.delta?.["type"] === "block-delta" ? (event.delta["fields"] as Record<string, unknown>) : undefined;
}

/** The `args` snapshots one tool-call block streamed, in order. */
function argumentSnapshots(seen: Event[], index: number): string[] {
  return seen.flatMap((event) => {
    const args = event.index === index ? fieldsOf(event)?.["args"] : undefined;
    return typeof args === "string" ? [args] : [];
  });
}

/** invoke's response_metadata as the awaited stream message has it: its own id and time, output_version v1. */
function asStreamed(invoked: AIMessage, streamed: AIMessage): Record<string, unknown> {
  return { ...invoked.response_metadata, id: streamed.id, created: streamed.response_metadata["created"], output_version: "v1" };
}

describe("streamEvents(): the content-block protocol", () => {
  it("text: message-start, one text block, message-finish; .text and the awaited message match invoke", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o" });
    const stream = streamEvents(model, "Write a short poem about the sea.");
    const seen = await events(stream);
    expect(seen[0]).toEqual({ event: "message-start", id: expect.stringMatching(/^gen-/) });
    expect(seen.at(-1)?.event).toBe("message-finish");
    const starts = seen.filter((event) => event.event === "content-block-start");
    expect(starts).toEqual([{ event: "content-block-start", index: 0, content: { type: "text", text: "" } }]);
    expect(seen.filter((event) => event.event === "content-block-delta").length).toBeGreaterThan(3);

    const invoked = await model.invoke("Write a short poem about the sea.");
    const message = await stream;
    expect(await stream.text).toBe(invoked.text);
    expect(message.text).toBe(invoked.text);
    expect(message.id).toBe(seen[0]?.["id"]);
    expect(message.response_metadata).toEqual(asStreamed(invoked, message));
    expect(message.response_metadata["model_name"]).toBe("openai/gpt-4o-2024-08-06");
    expect(message.response_metadata["model"]).toBe("openai/gpt-4o-2024-08-06");
    expect(message.response_metadata["provider"]).toBe("OpenAI");
    expect((message.response_metadata["usage"] as Record<string, unknown>)["cost"]).toEqual(expect.any(Number));
    expect(message.usage_metadata).toEqual(invoked.usage_metadata);
  });

  it("usage: the usage sub-stream and message-finish carry invoke's usage", async () => {
    const model = modelOn(emulator.current);
    const stream = streamEvents(model, "Tell me a joke.");
    expect(await stream.usage).toEqual({ input_tokens: 12, output_tokens: 25, total_tokens: 37 });
    const finish = (await events(stream)).at(-1);
    expect(finish).toMatchObject({ event: "message-finish", reason: "stop", usage: { input_tokens: 12, output_tokens: 25, total_tokens: 37 } });
  });

  it("streamUsage: false sends no stream_options", async () => {
    await streamEvents(modelOn(emulator.current, { streamUsage: false }), "Hello");
    expect(lastChatBody(emulator.current)["stream_options"]).toBeUndefined();
  });

  it("reasoning: a reasoning block first, .reasoning is its text, and the details go back byte-exact next turn", async () => {
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "high" } });
    const stream = streamEvents(model, "Is 17 prime?");
    const reasoning = await stream.reasoning;
    const message = await stream;
    const invoked = await model.invoke("Is 17 prime?");
    expect(reasoning).toBe(invoked.additional_kwargs["reasoning"]);
    expect(reasoning.length).toBeGreaterThan(20);
    const blocks = message.content as Record<string, unknown>[];
    expect(blocks.map((block) => block["type"])).toEqual(["reasoning", "text"]);
    expect(blocks[0]).toEqual({ type: "reasoning", reasoning, extras: { reasoning_details: invoked.additional_kwargs["reasoning_details"] } });
    expect(message.text).toBe(invoked.text);

    // the next turn sends the same reasoning_details as the invoked message would
    await model.invoke([new HumanMessage("Is 17 prime?"), invoked, new HumanMessage("And 19?")]);
    const fromInvoke = (lastChatBody(emulator.current)["messages"] as Record<string, unknown>[])[1];
    await model.invoke([new HumanMessage("Is 17 prime?"), message, new HumanMessage("And 19?")]);
    const fromEvents = (lastChatBody(emulator.current)["messages"] as Record<string, unknown>[])[1];
    expect(fromEvents).toEqual(fromInvoke);
    expect((fromEvents!["reasoning_details"] as Record<string, unknown>[])[0]?.["signature"]).toEqual(expect.any(String));
  });

  it("reasoning from a recorded OpenAI stream: summary text readable, encrypted detail kept", async () => {
    const model = modelOn(emulator.current, { scenario: "fixture:stream-reasoning-openai-encrypted.sse" });
    const stream = streamEvents(model, "Hello");
    const reasoning = await stream.reasoning;
    const message = await stream;
    const details = ((message.content as Record<string, unknown>[])[0]!["extras"] as Record<string, unknown[]>)["reasoning_details"]!;
    expect(details.map((detail) => (detail as Record<string, unknown>)["type"])).toContain("reasoning.encrypted");
    const streamed = await concatenated(modelOn(emulator.current, { scenario: "fixture:stream-reasoning-openai-encrypted.sse" }), "Hello");
    expect(details).toEqual(streamed.additional_kwargs["reasoning_details"]);
    expect(reasoning).toBe(streamed.contentBlocks.filter((block) => block.type === "reasoning").map((block) => block["reasoning"]).join(""));
  });

  it("bindTools(...).streamEvents(input): the same content-block stream, with the bound tools and options", async () => {
    const bound = modelOn(emulator.current, { scenario: "preamble" }).bindTools([weather], { tool_choice: "get_weather" });
    const stream = bound.streamEvents("What is the weather in Paris?");
    expect(await stream.text).toBe("Let me look that up for you.");
    expect((await stream.toolCalls).map((call) => [call.name, call.args])).toEqual([["get_weather", { city: "Paris" }]]);
    expect((await stream).tool_calls?.[0]?.args).toEqual({ city: "Paris" });
    const body = lastChatBody(emulator.current);
    expect((body["tools"] as { function: { name: string } }[]).map((t) => t.function.name)).toEqual(["get_weather"]);
    expect(body["tool_choice"]).toEqual({ type: "function", function: { name: "get_weather" } });
    // call options given to the bound model's streamEvents reach the request too
    const controller = new AbortController();
    controller.abort(new Error("stopped before it began"));
    await expect(bound.withConfig({ tags: ["x"] }).streamEvents("Hi", { signal: controller.signal }).text).rejects.toThrow("stopped before it began");
    // and the versioned API on a binding is core's, as before
    const names: string[] = [];
    for await (const event of bound.streamEvents("Hi", { version: "v2" })) names.push(event.event);
    expect(names).toContain("on_chat_model_stream");
  });

  it("a tool call after text: text and call are separate blocks, and .toolCalls has the call", async () => {
    const model = modelOn(emulator.current, { scenario: "preamble" });
    const stream = streamEvents(model, "What is the weather in Paris?", { tools: [weather] });
    const seen = await events(stream);
    const starts = seen.filter((event) => event.event === "content-block-start");
    expect(starts.map((event) => [event.index, event.content?.["type"]])).toEqual([
      [0, "text"],
      [1, "tool_call_chunk"],
    ]);
    expect(starts[1]?.content).toMatchObject({ id: expect.stringMatching(/^call_/), name: "get_weather" });
    // arguments stream as snapshots of the args so far, the form both core 1.2 and 1.4 apply
    const snapshots = argumentSnapshots(seen, 1);
    expect(snapshots.length).toBeGreaterThan(1);
    for (let i = 1; i < snapshots.length; i++) expect(snapshots[i]!.startsWith(snapshots[i - 1]!)).toBe(true);
    expect(snapshots.at(-1)).toBe('{"city":"Paris"}');
    expect(await stream.text).toBe("Let me look that up for you.");
    const calls = await stream.toolCalls;
    expect(calls).toEqual([{ type: "tool_call", id: starts[1]?.content?.["id"], name: "get_weather", args: { city: "Paris" } }]);
    const message = await stream;
    expect(message.tool_calls).toEqual([{ type: "tool_call", id: calls[0]?.id, name: "get_weather", args: { city: "Paris" } }]);
    expect(message.response_metadata["finish_reason"]).toBe("tool_calls");
    expect(seen.at(-1)?.["reason"]).toBeUndefined();

    // the awaited message goes back with its call, and the tool result answers it
    await model.invoke([new HumanMessage("What is the weather in Paris?"), message, new ToolMessage({ content: "Sunny", tool_call_id: calls[0]!.id! })], {
      tools: [weather],
    });
    const sent = (lastChatBody(emulator.current)["messages"] as Record<string, unknown>[])[1];
    expect(sent).toEqual({
      role: "assistant",
      content: "Let me look that up for you.",
      tool_calls: [{ id: calls[0]?.id, type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
    });
  });

  it("parallel tool calls: one block each, interleaved fragments kept apart", async () => {
    const stream = streamEvents(modelOn(emulator.current), "What is the weather in Paris and in London?", { tools: [weather] });
    const seen = await events(stream);
    const calls = await stream.toolCalls;
    expect(calls.map((call) => call.args)).toEqual([{ city: "Paris" }, { city: "London" }]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    const indices = seen.filter((event) => typeof fieldsOf(event)?.["args"] === "string").map((event) => event.index);
    // interleaved by index on the wire: the deltas alternate between the two blocks
    expect(indices.slice(0, 4)).toEqual([0, 1, 0, 1]);
  });

  it("a recorded parallel tool-call stream gives the calls stream() gives", async () => {
    const scenario = "fixture:stream-parallel-tool-calls.handmade.sse";
    const calls = await streamEvents(modelOn(emulator.current, { scenario }), "weather?").toolCalls;
    const streamed = await concatenated(modelOn(emulator.current, { scenario }), "weather?");
    expect(calls).toEqual(streamed.tool_calls);
    expect(calls).toHaveLength(2);
  });

  it("unparsable arguments become an invalid_tool_call block, never a throw", async () => {
    const stream = streamEvents(modelOn(emulator.current, { scenario: "bad-arguments" }), "What is the weather in Paris?", { tools: [weather] });
    const message = await stream;
    expect(await stream.toolCalls).toEqual([]);
    const invalid = (message.content as Record<string, unknown>[]).find((block) => block["type"] === "invalid_tool_call");
    expect(invalid).toEqual({
      type: "invalid_tool_call",
      id: expect.stringMatching(/^call_/),
      name: "get_weather",
      args: expect.stringMatching(/^\{"/),
      error: expect.stringContaining("not valid JSON"),
    });
    // sent back, the call stays beside its result
    await modelOn(emulator.current).invoke([new HumanMessage("weather?"), message, new ToolMessage({ content: "?", tool_call_id: invalid!["id"] as string })]);
    const sent = (lastChatBody(emulator.current)["messages"] as Record<string, unknown>[])[1];
    expect(sent?.["tool_calls"]).toEqual([{ id: invalid!["id"], type: "function", function: { name: "get_weather", arguments: invalid!["args"] } }]);
  });

  it("citations ride on the text block, as invoke gives them", async () => {
    const scenario = "fixture:stream-web-search-annotations.sse";
    const message = await streamEvents(modelOn(emulator.current, { scenario }), "news?");
    const streamed = await concatenated(modelOn(emulator.current, { scenario }), "news?");
    const text = (message.content as Record<string, unknown>[]).find((block) => block["type"] === "text");
    const invokedText = streamed.contentBlocks.find((block) => block.type === "text");
    expect(text?.["annotations"]).toEqual(invokedText?.["annotations"]);
    expect((text!["annotations"] as unknown[]).length).toBeGreaterThan(0);
  });

  it("generated images become image blocks", async () => {
    const model = modelOn(emulator.current, { model: "google/gemini-2.5-flash-image", modalities: ["image", "text"] });
    const message = await streamEvents(model, "Draw a red dot.");
    const image = (message.content as Record<string, unknown>[]).find((block) => block["type"] === "image");
    expect(image).toEqual({ type: "image", url: expect.stringMatching(/^data:image\/png;base64,/), mimeType: "image/png" });
  });

  it("a refusal becomes a refusal block", async () => {
    const message = await streamEvents(modelOn(emulator.current, { scenario: scenarioText("refuse", "I can't help with that request.") }), "Help me with this.");
    expect((message.content as Record<string, unknown>[]).find((block) => block["type"] === "refusal")).toEqual({
      type: "refusal",
      refusal: "I can't help with that request.",
    });
  });

  it("a stream that ends after its finish reason without [DONE] is complete", async () => {
    const stream = streamEvents(modelOn(emulator.current, { scenario: "no-done" }), "Hello");
    expect(await stream.text).toBe("Hello from the OpenRouter emulator. You said: Hello");
    expect((await stream).response_metadata["finish_reason"]).toBe("stop");
  });

  it.each(["mid-stream-error", "error-in-200", "truncate", "reset-mid-body", "fixture:stream-done-without-finish-reason.handmade.sse"])(
    "%s rejects the stream and every sub-stream with OpenRouterStreamError",
    async (scenario) => {
      const stream = streamEvents(modelOn(emulator.current, { scenario, maxRetries: 0 }), "Write a short poem about the sea.");
      const outcomes = await Promise.allSettled([stream, stream.text, stream.reasoning, stream.toolCalls, stream.usage, events(stream)]);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(OpenRouterStreamError);
      }
    }
  );

  it("an abort rejects with the caller's reason", async () => {
    const controller = new AbortController();
    const stream = streamEvents(modelOn(emulator.current, { scenario: "slow-body:2000" }), "Hello", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user stopped")), 20);
    await expect(stream.text).rejects.toThrow("user stopped");
  });
});

class EventRecorder extends BaseCallbackHandler {
  name = "event-recorder";
  lc_prefer_chat_model_stream_events = true;
  readonly seen: string[] = [];
  tokens: string[] = [];
  output?: LLMResult;
  constructor() {
    super({ _awaitHandler: true });
  }
  override handleChatModelStreamEvent(event: { event: string }) {
    this.seen.push(event.event);
  }
  override handleChatModelStart() {
    this.seen.push("start");
  }
  override handleLLMNewToken(token: string) {
    this.tokens.push(token);
  }
  override handleLLMEnd(output: LLMResult) {
    this.seen.push("end");
    this.output = output;
  }
  override handleLLMError() {
    this.seen.push("error");
  }
}

describe("streamEvents(): callbacks, as core drives the protocol", () => {
  it("a handler that prefers stream events: invoke runs on our events, and handleLLMEnd gets the whole message", async () => {
    const recorder = new EventRecorder();
    const model = modelOn(emulator.current, { model: "openai/gpt-4o" });
    const answer = await model.invoke("Tell me a joke.", { callbacks: [recorder] });
    expect(recorder.seen[0]).toBe("start");
    expect(recorder.seen).toContain("content-block-delta");
    expect(recorder.seen.slice(-2)).toEqual(["message-finish", "end"]);
    expect(answer.response_metadata["model_name"]).toBe("openai/gpt-4o-2024-08-06");
    expect(answer.usage_metadata).toEqual({ input_tokens: 12, output_tokens: 25, total_tokens: 37 });
    expect(recorder.output?.llmOutput).toEqual({ tokenUsage: { promptTokens: 12, completionTokens: 25, totalTokens: 37 } });
  });

  it("an error reaches handleLLMError", async () => {
    const recorder = new EventRecorder();
    const model = modelOn(emulator.current, { scenario: "mid-stream-error", maxRetries: 0 });
    await expect(model.invoke("Hello", { callbacks: [recorder] })).rejects.toBeInstanceOf(OpenRouterStreamError);
    expect(recorder.seen.at(-1)).toBe("error");
  });

  it("given a run manager, each text delta is a handleLLMNewToken", async () => {
    const recorder = new EventRecorder();
    const model = modelOn(emulator.current);
    const [runManager] = (await CallbackManager.configure([recorder])!.handleChatModelStart(model.toJSON(), [[new HumanMessage("Hello")]]))!;
    const texts: string[] = [];
    const generator = (model as unknown as {
      _streamChatModelEvents: (messages: BaseMessage[], options: object, runManager: unknown) => AsyncGenerator<Event>;
    })._streamChatModelEvents([new HumanMessage("Hello")], {}, runManager);
    for await (const event of generator) if (event.delta?.["type"] === "text-delta") texts.push(event.delta["text"] as string);
    expect(recorder.tokens).toEqual(texts);
    expect(recorder.tokens.join("")).toBe("Hello from the OpenRouter emulator. You said: Hello");
  });
});

describe("streamEvents with a version: the older event API", () => {
  it("v2 still streams our chunks", async () => {
    const names: string[] = [];
    for await (const event of modelOn(emulator.current).streamEvents("Hello", { version: "v2" })) names.push(event.event);
    expect(names).toContain("on_chat_model_stream");
    expect(names.at(-1)).toBe("on_chat_model_end");
  });
});

describe("audio output: streamed only, a v1 audio block on invoke, stream and streamEvents", () => {
  const fields = { model: "openai/gpt-4o-audio-preview", modalities: ["text", "audio"] as ("text" | "audio")[], audio: { voice: "alloy", format: "wav" } };
  const isAudio = (block: { type: string }) => block.type === "audio";

  it("invoke goes through the stream by itself (OpenRouter refuses a non-streamed audio request)", async () => {
    const answer = await modelOn(emulator.current, fields).invoke("Say hello.");
    expect(emulator.current.chatRequests().at(-1)!.body).toMatchObject({ stream: true, modalities: ["text", "audio"], audio: { voice: "alloy", format: "wav" } });
    const audio = answer.additional_kwargs["audio"] as Record<string, unknown>;
    expect(audio).toMatchObject({ id: expect.stringMatching(/^audio_/), data: expect.any(String), transcript: expect.any(String), format: "wav" });
    const block = answer.contentBlocks.find(isAudio) as Record<string, unknown>;
    expect(block).toMatchObject({ type: "audio", data: audio["data"], mimeType: "audio/wav", id: audio["id"] });
    expect((block["extras"] as Record<string, unknown>)["transcript"]).toBe(audio["transcript"]);
    expect(Buffer.from(audio["data"] as string, "base64").toString("utf8")).toContain(audio["transcript"] as string);
  });

  it("stream() and streamEvents() give the same clip, transcript and block", async () => {
    // each request is its own generation, with its own clip id: compared without it
    const withoutId = (block: unknown) => {
      const { id: _id, extras, ...rest } = block as Record<string, unknown> & { extras: Record<string, unknown> };
      const { id: _extraId, expires_at: _expires, ...kept } = extras;
      return { ...rest, extras: kept };
    };
    const model = modelOn(emulator.current, fields);
    const invoked = await model.invoke("Say hello.");
    const expected = withoutId(invoked.contentBlocks.find(isAudio));
    const streamed = await concatenated(model, "Say hello.");
    expect(Object.keys(streamed.additional_kwargs["audio"] as object).sort()).toEqual(["data", "expires_at", "format", "id", "transcript"]);
    expect(withoutId(streamed.contentBlocks.find(isAudio))).toEqual(expected);
    const awaited = await streamEvents(model, "Say hello.");
    expect(withoutId(awaited.contentBlocks.find(isAudio))).toEqual(expected);
  });
});
