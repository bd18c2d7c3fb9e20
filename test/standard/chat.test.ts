// Standard integration checks, part 1: the chat surface every @langchain/* model passes, through
// real HTTP to the emulator, whose deterministic answers make each check exact (the echo of the
// prompt, the usage a `usage:` scenario names, the served model's canonical slug).
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { awaitAllCallbacks } from "@langchain/core/callbacks/promises";
import { InMemoryCache } from "@langchain/core/caches";
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { LLMResult } from "@langchain/core/outputs";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it, vi } from "vitest";
import { lastChatBody, modelOn, useEmulator } from "../helpers/emulator.js";

const emulator = useEmulator();
const echo = (prompt: string): string => `Hello from the OpenRouter emulator. You said: ${prompt}`;
/** What the scenario USAGE makes the emulator report. */
const USAGE = "usage:12:25";
const NAMED_USAGE = { input_tokens: 12, output_tokens: 25, total_tokens: 37 };

function standardModel(fields: Parameters<typeof modelOn>[1] = {}) {
  return modelOn(emulator.current, { temperature: 0, maxTokens: 100, maxRetries: 2, ...fields });
}

async function collect(stream: AsyncIterable<AIMessageChunk>): Promise<{ chunks: AIMessageChunk[]; message: AIMessageChunk }> {
  const chunks: AIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  if (chunks.length === 0) throw new Error("the stream yielded nothing");
  return { chunks, message: chunks.reduce((sum, chunk) => concat(sum, chunk)) };
}

describe("invoke, stream, batch", () => {
  it("invoke returns an AIMessage with the answer text", async () => {
    const result = await standardModel().invoke("Hello");
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.text).toBe(echo("Hello"));
  });

  it("stream yields AIMessageChunks with string content that add up to the invoke answer", async () => {
    const { chunks, message } = await collect(await standardModel().stream("Hello"));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk).toBeInstanceOf(AIMessageChunk);
      expect(typeof chunk.content).toBe("string");
    }
    expect(message.text).toBe(echo("Hello"));
  });

  it("batch answers each input, in order", async () => {
    const results = await standardModel().batch(["Hello", "Hey"]);
    expect(results.map((result) => [result instanceof AIMessage, result.text])).toEqual([
      [true, echo("Hello")],
      [true, echo("Hey")],
    ]);
  });

  it("concurrent invokes are in flight together and each gets its own answer", async () => {
    const prompts = Array.from({ length: 8 }, (_unused, index) => `Question number ${index}`);
    // held by the emulator until aborted: all eight must be open at once
    const controller = new AbortController();
    const held = prompts.map((prompt) => standardModel({ scenario: "stall", maxRetries: 0 }).invoke(prompt, { signal: controller.signal }).catch((error: Error) => error));
    await vi.waitFor(() => expect(emulator.current.activeRequests()).toBe(8), { timeout: 5_000 });
    controller.abort();
    expect((await Promise.all(held)).map((error) => (error as Error).name)).toEqual(Array(8).fill("AbortError"));

    const model = standardModel();
    const answers = await Promise.all(prompts.map((prompt) => model.invoke(prompt)));
    expect(answers.map((answer) => answer.text)).toEqual(prompts.map(echo));
  });

  it("a conversation, and back-to-back messages of one role, are sent in order and answered", async () => {
    const model = standardModel();
    expect((await model.invoke([new HumanMessage("hello"), new AIMessage("hello"), new HumanMessage("how are you")])).text).toBe(echo("how are you"));
    const doubled = [
      new SystemMessage("hello"),
      new SystemMessage("hello"),
      new HumanMessage("hello"),
      new HumanMessage("hello"),
      new AIMessage("hello"),
      new AIMessage("hello"),
      new HumanMessage("how are you"),
    ];
    const result = await model.invoke(doubled);
    expect(result.text).toBe(echo("how are you"));
    expect((lastChatBody(emulator.current)["messages"] as { role: string }[]).map((message) => message.role)).toEqual([
      "system",
      "system",
      "user",
      "user",
      "assistant",
      "assistant",
      "user",
    ]);
  });

  it("stop sequences from the call and from the constructor are sent", async () => {
    await standardModel().invoke("hi", { stop: ["you"] });
    expect(lastChatBody(emulator.current)["stop"]).toEqual(["you"]);
    await standardModel({ stop: ["you"] }).invoke("hi");
    expect(lastChatBody(emulator.current)["stop"]).toEqual(["you"]);
  });
});

describe("usage_metadata and response_metadata", () => {
  it("invoke: token counts that add up, and the served model's name", async () => {
    const result = await standardModel({ model: "anthropic/claude-sonnet-4.5", scenario: USAGE }).invoke("Tell me a joke.");
    expect(result.usage_metadata).toMatchObject(NAMED_USAGE);
    expect(result.response_metadata["model_name"]).toBe("anthropic/claude-4.5-sonnet-20250929");
  });

  it("stream: the same counts and model name on the concatenated message, asking with stream_options", async () => {
    const { message } = await collect(await standardModel({ model: "anthropic/claude-sonnet-4.5", scenario: USAGE }).stream("Tell me a joke."));
    expect(message.usage_metadata).toMatchObject(NAMED_USAGE);
    expect(message.response_metadata["model_name"]).toBe("anthropic/claude-4.5-sonnet-20250929");
    expect(lastChatBody(emulator.current)["stream_options"]).toEqual({ include_usage: true });
  });

  it("streamUsage: false sends no stream_options, on the constructor or the call", async () => {
    await collect(await standardModel({ streamUsage: false }).stream("Hello"));
    expect(lastChatBody(emulator.current)).not.toHaveProperty("stream_options");
    await collect(await standardModel().stream("Hello", { streamUsage: false }));
    expect(lastChatBody(emulator.current)).not.toHaveProperty("stream_options");
  });
});

describe("callbacks", () => {
  it("handleLLMNewToken once per streamed token, handleLLMEnd once, with the run's metadata, tags and name", async () => {
    const tokens: string[] = [];
    const starts: { runId: string; metadata?: Record<string, unknown>; tags?: string[]; runName?: string }[] = [];
    const ends: { runId: string; output: LLMResult }[] = [];
    const tokenRuns = new Set<string>();
    const handler = BaseCallbackHandler.fromMethods({
      handleChatModelStart(_llm, _messages, runId, _parentRunId, _extra, tags, metadata, runName) {
        starts.push({ runId, metadata, tags, runName });
      },
      handleLLMNewToken(token, _index, runId) {
        tokens.push(token);
        tokenRuns.add(runId);
      },
      handleLLMEnd(output, runId) {
        ends.push({ runId, output });
      },
    });
    const { chunks, message } = await collect(
      await standardModel().stream("Hello", { callbacks: [handler], metadata: { user_id: "u-1" }, tags: ["standard"], runName: "greeting" })
    );
    await awaitAllCallbacks();
    const textChunks = chunks.filter((chunk) => chunk.text !== "");
    expect(tokens).toEqual(textChunks.map((chunk) => chunk.text));
    expect(tokens.join("")).toBe(echo("Hello"));
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatchObject({
      tags: ["standard"],
      runName: "greeting",
      metadata: { user_id: "u-1", ls_provider: "openrouter", ls_model_name: "openai/gpt-4o-mini", ls_model_type: "chat", ls_temperature: 0 },
    });
    expect(ends).toHaveLength(1);
    expect(ends[0]?.runId).toBe(starts[0]?.runId);
    expect([...tokenRuns]).toEqual([starts[0]?.runId]);
    expect(ends[0]?.output.generations[0]?.[0]?.text).toBe(message.text);
  });

  it("invoke fires handleLLMEnd once with the answer and usage, and no token callbacks", async () => {
    const tokens: string[] = [];
    const outputs: LLMResult[] = [];
    const handler = BaseCallbackHandler.fromMethods({
      handleLLMNewToken: (token) => void tokens.push(token),
      handleLLMEnd: (output) => void outputs.push(output),
    });
    const result = await standardModel({ scenario: USAGE }).invoke("Tell me a joke.", { callbacks: [handler] });
    await awaitAllCallbacks();
    expect(tokens).toEqual([]);
    expect(outputs).toHaveLength(1);
    const generation = outputs[0]?.generations[0]?.[0] as { text: string; message: AIMessage } | undefined;
    expect(generation?.text).toBe(result.text);
    expect(generation?.message.usage_metadata).toMatchObject(NAMED_USAGE);
  });
});

describe("streamEvents v2", () => {
  it("start first, end last, stream events between that add up to the end output", async () => {
    const events = [];
    for await (const event of standardModel().streamEvents("Hello", { version: "v2" })) events.push(event);
    expect(events[0]?.event).toBe("on_chat_model_start");
    expect(events.at(-1)?.event).toBe("on_chat_model_end");
    expect(events[Math.floor(events.length / 2)]?.event).toBe("on_chat_model_stream");
    const streamed = events.filter((event) => event.event === "on_chat_model_stream").map((event) => event.data.chunk as AIMessageChunk);
    expect(streamed.length).toBeGreaterThan(2);
    expect(streamed.every((chunk) => chunk instanceof AIMessageChunk)).toBe(true);
    expect(streamed.map((chunk) => chunk.text).join("")).toBe(echo("Hello"));
    expect((events.at(-1)?.data.output as AIMessageChunk | undefined)?.text).toBe(echo("Hello"));
  });
});

describe("abort mid-stream", () => {
  it("rejects with AbortError after the chunks already read, and the request is closed", async () => {
    const controller = new AbortController();
    const read: string[] = [];
    const error = await (async () => {
      for await (const chunk of await standardModel().stream("Write a short poem about the sea.", { signal: controller.signal })) {
        read.push(chunk.text);
        if (read.join("") !== "") controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("AbortError");
    expect(read.join("").length).toBeGreaterThan(0);
    expect(read.join("").length).toBeLessThan(40);
    await vi.waitFor(() => expect(emulator.current.activeRequests()).toBe(0));
  });
});

describe("LLM cache", () => {
  it("a complex (content-block) message is answered from the cache the second time, without a request", async () => {
    const model = standardModel({ cache: new InMemoryCache() });
    const message = new HumanMessage({ content: [{ type: "text", text: "Hello there!" }] });
    const first = await model.invoke([message]);
    const second = await model.invoke([message]);
    expect(emulator.current.chatRequests()).toHaveLength(1);
    expect(second.text).toBe(first.text);
    expect(second.text).toBe(echo("Hello there!"));
  });
});
