import { describe, expect, it } from "vitest";
import { bodyOf, bodySplitAt, fixtureBytes, fixtureNames } from "../../test/helpers/fixtures.js";
import { OpenRouterStreamError } from "./transport_errors.js";
import { readSse } from "./read_sse.js";

const STREAMS = fixtureNames(".sse");
const encode = (text: string) => new TextEncoder().encode(text);

/** Splitting in two at every offset reads a file once per byte: quadratic, so files up to 16 KiB. */
const EVERY_OFFSET_MAX_BYTES = 16_384;
const SMALL_STREAMS = STREAMS.filter((name) => fixtureBytes(name).length <= EVERY_OFFSET_MAX_BYTES);
const LARGE_STREAMS = STREAMS.filter((name) => fixtureBytes(name).length > EVERY_OFFSET_MAX_BYTES);

/** 1 … length − 1: every place a body can be cut in two. */
const everyOffset = (bytes: Uint8Array) => Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);

/**
 * In a large file (a 30 KiB encrypted-reasoning stream would take 20 s at every offset): every offset
 * within 24 bytes of each line break, where framing can go wrong, and every 61st offset inside the
 * long base64 lines.
 */
function sampledOffsets(bytes: Uint8Array): number[] {
  const offsets = new Set<number>();
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10 || bytes[i] === 13) {
      for (let at = Math.max(1, i - 24); at <= Math.min(bytes.length - 1, i + 24); at++) offsets.add(at);
    }
  }
  for (let at = 1; at < bytes.length; at += 61) offsets.add(at);
  return [...offsets].sort((a, b) => a - b);
}

/** `bytes` delivered one byte per read: every offset is a boundary in the same read. */
function bodyByteByByte(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return bodyOf(...Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1)));
}

/** Every chunk read, then the error that ended the stream (or "done"). */
async function outcome(body: ReadableStream<Uint8Array>): Promise<{ chunks: unknown[]; end: string }> {
  const chunks: unknown[] = [];
  try {
    for await (const chunk of readSse(body)) chunks.push(chunk);
    return { chunks, end: "done" };
  } catch (error) {
    return { chunks, end: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe("readSse", () => {
  it("splits every fixture but the largest at every offset, a representative stream among them", () => {
    expect(SMALL_STREAMS).toContain("stream-tool-call.sse");
    expect(SMALL_STREAMS).toContain("stream-reasoning-anthropic-text-signature.sse");
    expect(SMALL_STREAMS.length).toBeGreaterThanOrEqual(STREAMS.length - 1);
  });

  it.each(SMALL_STREAMS)("reads %s identically when split in two at every byte offset", async (name) => {
    const bytes = fixtureBytes(name);
    const whole = await outcome(bodySplitAt(bytes, 0));
    expect(whole.chunks.length + (whole.end === "done" ? 0 : 1)).toBeGreaterThan(0);
    const offsets = everyOffset(bytes);
    expect(offsets).toHaveLength(bytes.length - 1);
    for (const at of offsets) {
      expect(await outcome(bodySplitAt(bytes, at)), `split at ${at}`).toEqual(whole);
    }
  });

  it.each(LARGE_STREAMS)("reads %s identically when split in two near every line break and at every 61st byte", async (name) => {
    const bytes = fixtureBytes(name);
    const whole = await outcome(bodySplitAt(bytes, 0));
    expect(whole.chunks.length).toBeGreaterThan(0);
    for (const at of sampledOffsets(bytes)) {
      expect(await outcome(bodySplitAt(bytes, at)), `split at ${at}`).toEqual(whole);
    }
  });

  it.each(STREAMS)("reads %s identically when delivered one byte per read (every offset a boundary at once)", async (name) => {
    const bytes = fixtureBytes(name);
    expect(await outcome(bodyByteByByte(bytes))).toEqual(await outcome(bodySplitAt(bytes, 0)));
  });

  it("reads stream-text-basic.sse into its four chunks and stops at [DONE]", async () => {
    const { chunks, end } = await outcome(bodyOf(fixtureBytes("stream-text-basic.sse")));
    expect(end).toBe("done");
    expect(chunks.map((chunk) => (chunk as { choices: { delta: { content: string } }[] }).choices[0]!.delta.content)).toEqual([
      "",
      "2",
      "",
      "",
    ]);
  });

  it("raises the error chunk of stream-mid-stream-error-with-usage.sse with its usage, after the chunks before it", async () => {
    const chunks: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of readSse(bodyOf(fixtureBytes("stream-mid-stream-error-with-usage.sse")))) chunks.push(chunk);
    })().catch((caught: unknown) => caught);
    expect(chunks).toHaveLength(3);
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    const streamError = error as OpenRouterStreamError;
    expect(streamError.status).toBe(400);
    expect(streamError.message).toContain("Token limit reached");
    expect(streamError.usage).toMatchObject({ prompt_tokens: 43, completion_tokens: 10 });
  });

  it("keeps a string error code (stream-mid-stream-error.docs-examples.sse line 2)", async () => {
    const line = new TextDecoder().decode(fixtureBytes("stream-mid-stream-error.docs-examples.sse")).split("\n\n")[1]!;
    const error = await outcome(bodyOf(encode(`${line}\n\n`)));
    expect(error.end).toContain("Provider disconnected unexpectedly");
  });

  it("skips comments and blank keep-alives, handles \\r\\n and \\r line endings", async () => {
    const data = '{"id":"a","choices":[]}';
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = `: OPENROUTER PROCESSING${eol}${eol}${eol}data: ${data}${eol}${eol}: OPENROUTER PROCESSING${eol}${eol}data: [DONE]${eol}${eol}`;
      expect(await outcome(bodyOf(encode(text)))).toEqual({ chunks: [{ id: "a", choices: [] }], end: "done" });
    }
  });

  it("raises when the body ends without [DONE], even after whole chunks", async () => {
    const { chunks, end } = await outcome(bodyOf(encode('data: {"id":"a"}\n\n')));
    expect(chunks).toEqual([{ id: "a" }]);
    expect(end).toMatch(/^OpenRouterStreamError: .*without \[DONE\]/);
  });

  it("discards a final event with no blank line after it, as the SSE spec says", async () => {
    const { chunks, end } = await outcome(bodyOf(encode('data: {"id":"a"}\n\ndata: [DONE]')));
    expect(chunks).toEqual([{ id: "a" }]);
    expect(end).toContain("without [DONE]");
  });

  it("joins multi-line data fields", async () => {
    const { chunks } = await outcome(bodyOf(encode('data: {"id":\ndata: "a"}\n\ndata: [DONE]\n\n')));
    expect(chunks).toEqual([{ id: "a" }]);
  });

  it("raises a typed error on an event that is not JSON", async () => {
    const { end } = await outcome(bodyOf(encode("data: : OPENROUTER PROCESSING\n\ndata: [DONE]\n\n")));
    expect(end).toMatch(/^OpenRouterStreamError: OpenRouter sent an event that is not a JSON object/);
  });

  it("puts what the caller received on the error that ends the stream: the first choice's text, the last usage, the id", async () => {
    const chunk = (content: string, extra = "") => `data: {"id":"gen-a","choices":[{"index":0,"delta":{"content":"${content}"}}]${extra}}\n\n`;
    const text = chunk("Hel") + chunk("lo", ',"usage":{"total_tokens":3}') + chunk(" wor");
    const error = await (async () => {
      for await (const _ of readSse(bodyOf(encode(text)))) void _;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect(error).toMatchObject({ partialText: "Hello wor", usage: { total_tokens: 3 }, generationId: "gen-a" });
  });

  it("with requireFinish, [DONE] before any finish reason raises; without, it ends the stream", async () => {
    const text = 'data: {"id":"a","choices":[{"index":0,"delta":{"content":"Cut"}}]}\n\ndata: [DONE]\n\n';
    expect((await outcome(bodyOf(encode(text)))).end).toBe("done");
    const error = await (async () => {
      for await (const _ of readSse(bodyOf(encode(text)), { requireFinish: true })) void _;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect(error).toMatchObject({ partialText: "Cut", message: expect.stringContaining("without a finish reason") });
  });

  it("turns a body that breaks mid-read into OpenRouterStreamError", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new TypeError("terminated"));
        else {
          sent = true;
          controller.enqueue(encode('data: {"id":"a"}\n\n'));
        }
      },
    });
    const { chunks, end } = await outcome(body);
    expect(chunks).toHaveLength(1);
    expect(end).toMatch(/^OpenRouterStreamError: OpenRouter's stream broke before \[DONE\]: terminated/);
  });
});
