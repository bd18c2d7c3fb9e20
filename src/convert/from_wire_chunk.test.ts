import { AIMessageChunk } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import type { OpenRouterDelta, OpenRouterReasoningDetail } from "../wire/types.js";
import { closingKwargs, fromWireDelta, newChunkState } from "./from_wire_chunk.js";

/** What a user gets by concatenating the chunks a stream of these deltas yields. */
function concatOf(deltas: OpenRouterDelta[]): AIMessageChunk {
  const state = newChunkState();
  let full = new AIMessageChunk({ content: "" });
  for (const delta of deltas) {
    const fields = fromWireDelta(delta, state);
    if (fields) full = full.concat(new AIMessageChunk(fields));
  }
  return full.concat(new AIMessageChunk({ content: "", additional_kwargs: closingKwargs(state) }));
}

const details = (...items: OpenRouterReasoningDetail[]): OpenRouterDelta => ({ content: "", reasoning_details: items });

describe("streamed reasoning_details concatenate to what invoke returns", () => {
  it("Anthropic: empty opening fragment, text pieces, separate signature (stream-reasoning-anthropic-text-signature.sse)", () => {
    const format = "anthropic-claude-v1";
    const full = concatOf([
      { role: "assistant", content: "", reasoning: null, reasoning_details: [] },
      details({ type: "reasoning.text", text: "", signature: "", format, index: 0 }),
      { ...details({ type: "reasoning.text", text: "This", format, index: 0 }), reasoning: "This" },
      { ...details({ type: "reasoning.text", text: " is it.", format, index: 0 }), reasoning: " is it." },
      details({ type: "reasoning.text", text: "", format, index: 0 }),
      details({ type: "reasoning.text", signature: "SIG==", format, index: 0 }),
      { content: "4", reasoning_details: [] },
    ]);
    expect(full.content).toBe("4");
    expect(full.additional_kwargs["reasoning"]).toBe("This is it.");
    expect(full.additional_kwargs["reasoning_details"]).toEqual([
      { type: "reasoning.text", text: "This is it.", signature: "SIG==", format, index: 0 },
    ]);
    // key order as on the wire, so what is echoed back reads like what was received
    expect(Object.keys((full.additional_kwargs["reasoning_details"] as object[])[0]!)).toEqual(["type", "text", "signature", "format", "index"]);
  });

  it("signature, format, id and data repeated on every fragment are neither duplicated nor concatenated", () => {
    const full = concatOf([
      details({ type: "reasoning.text", text: "a", signature: "S", format: "f", id: "r1", index: 0 }),
      details({ type: "reasoning.text", text: "b", signature: "S", format: "f", id: "r1", index: 0 }),
      details({ type: "reasoning.encrypted", data: "ENC", format: "f", id: "rs_1", index: 1 }),
      details({ type: "reasoning.encrypted", data: "ENC", format: "f", id: "rs_1", index: 1 }),
    ]);
    expect(full.additional_kwargs["reasoning_details"]).toEqual([
      { type: "reasoning.text", text: "ab", signature: "S", format: "f", id: "r1", index: 0 },
      { type: "reasoning.encrypted", data: "ENC", format: "f", id: "rs_1", index: 1 },
    ]);
  });

  it("details of different types sharing an index stay apart, in order (response-file-parser-annotations.json)", () => {
    const format = "openai-responses-v1";
    const full = concatOf([
      details({ type: "reasoning.summary", summary: "**Assessing", format, index: 0 }),
      details({ type: "reasoning.encrypted", data: "gAAAA", id: "rs_05", format, index: 0 }),
      details({ type: "reasoning.summary", summary: " dummy PDF file**", format, index: 0 }),
    ]);
    expect(full.additional_kwargs["reasoning_details"]).toEqual([
      { type: "reasoning.summary", summary: "**Assessing dummy PDF file**", format, index: 0 },
      { type: "reasoning.encrypted", data: "gAAAA", id: "rs_05", format, index: 0 },
    ]);
  });

  it("a second thinking block that opens with text \"\" is not lost (core drops new empty-text items)", () => {
    const format = "anthropic-claude-v1";
    const full = concatOf([
      details({ type: "reasoning.text", text: "one", format, index: 0 }),
      details({ type: "reasoning.text", signature: "S0", format, index: 0 }),
      details({ type: "reasoning.text", text: "", signature: "", format, index: 1 }),
      details({ type: "reasoning.text", text: "two", format, index: 1 }),
      details({ type: "reasoning.text", signature: "S1", format, index: 1 }),
    ]);
    expect(full.additional_kwargs["reasoning_details"]).toEqual([
      { type: "reasoning.text", text: "one", signature: "S0", format, index: 0 },
      { type: "reasoning.text", text: "two", signature: "S1", format, index: 1 },
    ]);
  });

  it("unknown types and format values are kept as they are", () => {
    const full = concatOf([
      details({ type: "reasoning.server_tool_call", tool_name: "openrouter:fusion", arguments: "{}", result: "ok", format: "unknown", index: 0 }),
      details({ type: "reasoning.text", text: "4", format: null, index: 1 }),
    ]);
    expect(full.additional_kwargs["reasoning_details"]).toEqual([
      { type: "reasoning.server_tool_call", tool_name: "openrouter:fusion", arguments: "{}", result: "ok", format: "unknown", index: 0 },
      { type: "reasoning.text", text: "4", format: null, index: 1 },
    ]);
  });

  it("a stream that only sends reasoning_details: [] ends with [], as invoke keeps it", () => {
    const full = concatOf([{ content: "hi", reasoning_details: [] }, { content: "!", reasoning_details: [] }]);
    expect(full.additional_kwargs["reasoning_details"]).toEqual([]);
  });

  it("no reasoning_details at all leaves the field out", () => {
    expect(concatOf([{ content: "hi" }]).additional_kwargs).toEqual({});
  });
});

describe("other delta fields", () => {
  it("annotations, one per chunk, are appended in order", () => {
    const citation = (url: string) => ({ type: "url_citation", url_citation: { url, title: "", content: "c", start_index: 0, end_index: 0 } });
    const full = concatOf([
      { content: "", annotations: [citation("https://a")] },
      { content: "", annotations: [citation("https://b")] },
      { content: "text" },
    ]);
    expect(full.additional_kwargs["annotations"]).toEqual([citation("https://a"), citation("https://b")]);
  });

  it("images are kept whole; an exact repeat is dropped", () => {
    const image = { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" }, index: 0 };
    const second = { type: "image_url", image_url: { url: "data:image/png;base64,BBBB" }, index: 1 };
    const full = concatOf([{ content: "", images: [image] }, { content: "", images: [image, second] }]);
    expect(full.additional_kwargs["images"]).toEqual([image, second]);
  });

  it("audio data and transcript grow; id and expires_at come once", () => {
    const full = concatOf([
      { content: "", audio: { id: "a1", data: "AAA", transcript: "Hel", expires_at: 100 } },
      { content: "", audio: { id: "a1", data: "BBB", transcript: "lo", expires_at: 100 } },
    ]);
    expect(full.additional_kwargs["audio"]).toEqual({ id: "a1", data: "AAABBB", transcript: "Hello", expires_at: 100 });
  });

  it("refusal fragments concatenate into additional_kwargs.refusal", () => {
    const full = concatOf([{ content: "", refusal: "I can't " }, { content: "", refusal: "help." }]);
    expect(full.additional_kwargs["refusal"]).toBe("I can't help.");
  });

  it("a role-only or empty delta yields no chunk", () => {
    const state = newChunkState();
    expect(fromWireDelta({ role: "assistant", content: "" }, state)).toBeUndefined();
    expect(fromWireDelta({ role: "assistant", content: "", reasoning: null, reasoning_details: [] }, state)).toBeUndefined();
  });
});
