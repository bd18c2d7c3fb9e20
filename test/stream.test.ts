import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import { OpenRouterStreamError } from "../src/index.js";
import { lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

async function streamAll(model: Pick<ReturnType<typeof modelOn>, "stream">, input = "hi") {
  const chunks: AIMessageChunk[] = [];
  for await (const chunk of await model.stream(input)) chunks.push(chunk);
  return { chunks, final: chunks.reduce((sum, chunk) => concat(sum, chunk)) };
}

/** core's mergeUsageMetadata always adds detail objects, even empty ones; compare without those. */
function withoutEmptyDetails(message: BaseMessage & { usage_metadata?: Record<string, unknown> }) {
  const usage = { ...message.usage_metadata };
  for (const key of ["input_token_details", "output_token_details"]) {
    if (usage[key] && Object.keys(usage[key] as object).length === 0) delete usage[key];
  }
  return usage;
}

describe("stream", () => {
  it("concatenates to the message invoke returns: same content, usage and response_metadata", async () => {
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" });
    const invoked = await model.invoke("Tell me a joke.");
    const { chunks, final } = await streamAll(model, "Tell me a joke.");
    expect(chunks.length).toBeGreaterThan(3);
    expect(final.content).toBe(invoked.content);
    expect(withoutEmptyDetails(final)).toEqual(invoked.usage_metadata);
    const { id: _streamedId, created: _streamedCreated, usage: streamedUsage, ...streamed } = final.response_metadata;
    const { id: _invokedId, created: _invokedCreated, usage: invokedUsage, ...invokedMetadata } = invoked.response_metadata;
    expect(streamed).toEqual(invokedMetadata);
    expect((streamedUsage as { total_tokens: number }).total_tokens).toBe((invokedUsage as { total_tokens: number }).total_tokens);
    expect(final.id).toMatch(/^gen-/);
  });

  it("puts usage and every response_metadata string on exactly one chunk (no doubled cost, no 'stopstop')", async () => {
    const { chunks, final } = await streamAll(modelOn(emulator.current, { scenario: "fixture:stream-web-search-annotations.sse" }));
    expect(chunks.filter((chunk) => chunk.usage_metadata !== undefined)).toHaveLength(1);
    expect(chunks.filter((chunk) => "model_name" in chunk.response_metadata)).toHaveLength(1);
    expect(final.response_metadata["finish_reason"]).toBe("stop");
    expect(typeof (final.response_metadata["usage"] as { cost: unknown }).cost).toBe("number");
  });

  it("keeps finish_reason when the usage chunk repeats the choice with null (stream-text-basic.sse)", async () => {
    const { chunks, final } = await streamAll(modelOn(emulator.current, { scenario: "fixture:stream-text-basic.sse" }));
    expect(final.content).toBe("2");
    expect(chunks.map((chunk) => chunk.content)).toEqual(["2", ""]);
    expect(final.response_metadata).toMatchObject({
      model_name: "openai/gpt-4o-mini-2024-07-18",
      provider: "OpenAI",
      finish_reason: "stop",
      native_finish_reason: "stop",
      system_fingerprint: "fp_8bbc38b4db",
      id: "gen-1767213718-jkwnOLN7RwTbqAQXrWjq",
    });
    expect(final.usage_metadata).toMatchObject({ input_tokens: 27, output_tokens: 1, total_tokens: 28 });
  });

  it("reads usage from a final chunk with choices: [] (stream-usage-empty-choices.handmade.sse)", async () => {
    const { final } = await streamAll(modelOn(emulator.current, { scenario: "fixture:stream-usage-empty-choices.handmade.sse" }));
    expect(final.content).toBe("Hello!");
    expect(final.usage_metadata).toMatchObject({
      input_tokens: 10,
      output_tokens: 2,
      total_tokens: 12,
      input_token_details: { cache_read: 4, cache_creation: 6 },
    });
    expect(final.response_metadata).toMatchObject({ finish_reason: "stop", native_finish_reason: "end_turn", provider: "Amazon Bedrock" });
  });

  it("skips processing comments in the middle of a stream (stream-text-with-processing-comment.sse)", async () => {
    const { final } = await streamAll(modelOn(emulator.current, { scenario: "fixture:stream-text-with-processing-comment.sse" }));
    expect(final.response_metadata["finish_reason"]).toBe("stop");
  });

  it("asks for usage with stream_options unless streamUsage is false", async () => {
    await streamAll(modelOn(emulator.current));
    expect(lastChatBody(emulator.current)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    await streamAll(modelOn(emulator.current, { streamUsage: false }));
    expect(lastChatBody(emulator.current)).not.toHaveProperty("stream_options");
    await streamAll(modelOn(emulator.current, { streamUsage: false }).withConfig({ streamUsage: true }));
    expect(lastChatBody(emulator.current)).toHaveProperty("stream_options");
  });

  it("raises OpenRouterStreamError on a mid-stream error chunk, after the chunks before it", async () => {
    const chunks: AIMessageChunk[] = [];
    const error = await (async () => {
      for await (const chunk of await modelOn(emulator.current, { scenario: "mid-stream-error" }).stream("hi")) chunks.push(chunk);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect(chunks.length).toBeGreaterThan(0);
    expect((error as OpenRouterStreamError).status).toBeGreaterThanOrEqual(400);
  });

  it("raises on the real mid-stream error of stream-mid-stream-error-with-usage.sse, with its usage", async () => {
    const error = await streamAll(modelOn(emulator.current, { scenario: "fixture:stream-mid-stream-error-with-usage.sse" })).catch(
      (caught: unknown) => caught
    );
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect((error as OpenRouterStreamError).message).toContain("Token limit reached");
    expect((error as OpenRouterStreamError).usage).toMatchObject({ total_tokens: 53 });
  });

  it("raises when the stream is cut without [DONE], and when [DONE] comes without a finish reason", async () => {
    const cut = await streamAll(modelOn(emulator.current, { scenario: "truncate", maxRetries: 0 })).catch((caught: unknown) => caught);
    expect(cut).toBeInstanceOf(OpenRouterStreamError);
    expect((cut as Error).message).toContain("[DONE]");
    const unfinished = await streamAll(
      modelOn(emulator.current, { scenario: "fixture:stream-done-without-finish-reason.handmade.sse" })
    ).catch((caught: unknown) => caught);
    expect(unfinished).toBeInstanceOf(OpenRouterStreamError);
    expect((unfinished as Error).message).toContain("finish reason");
  });

  it("a stream that ends after its finish reason without [DONE] is complete (proxies drop the frame)", async () => {
    const model = modelOn(emulator.current, { scenario: "no-done" });
    const { final: message } = await streamAll(model);
    expect(message.text).toBe((await modelOn(emulator.current).invoke("hi")).text);
    expect(message.response_metadata).toMatchObject({ finish_reason: "stop", model: expect.stringMatching(/^openai\/gpt-4o-mini/) });
    expect(message.usage_metadata).toBeDefined();
  });

  it("stops promptly when the caller aborts mid-stream", async () => {
    const controller = new AbortController();
    const model = modelOn(emulator.current, { scenario: "slow-body:10000" });
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await (async () => {
      for await (const _chunk of await model.stream("hi", { signal: controller.signal })) void _chunk;
    })().catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
