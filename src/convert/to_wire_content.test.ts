import { describe, expect, it } from "vitest";
import { toWireContent, toWirePart } from "./to_wire_content.js";

const PDF_URL = "https://bitcoin.org/bitcoin.pdf";
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const PDF_BASE64 = "JVBERi0xLjQKJcfsj6IKNSAwIG9iago=";

const part = (block: Record<string, unknown>) => toWirePart(block, "user");

describe("OpenAI-style parts pass through unchanged", () => {
  it.each([
    { type: "text", text: "hi" },
    { type: "text", text: "cached", cache_control: { type: "ephemeral", ttl: "1h" } },
    { type: "image_url", image_url: { url: "https://example.com/a.png", detail: "high" } },
    { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } },
    { type: "file", file: { filename: "a.pdf", file_data: PDF_URL }, cache_control: { type: "ephemeral" } },
    { type: "video_url", video_url: { url: "https://example.com/a.mp4" } },
  ])("$type", (block) => {
    expect(part(block)).toEqual(block);
  });

  it("expands an image_url given as a string", () => {
    expect(part({ type: "image_url", image_url: "https://example.com/a.png" })).toEqual({
      type: "image_url",
      image_url: { url: "https://example.com/a.png" },
    });
  });

  it("keeps a string inside array content as a text part", () => {
    expect(toWireContent(["hello", { type: "text", text: "world" }], "user")).toEqual([
      { type: "text", text: "hello" },
      { type: "text", text: "world" },
    ]);
  });
});

describe("v1 standard blocks are converted, never sent raw", () => {
  it("text keeps only text and cache_control (from the block or its extras)", () => {
    expect(part({ type: "text", text: "a", annotations: [], id: "x", extras: { cache_control: { type: "ephemeral" } } })).toEqual({
      type: "text",
      text: "a",
      cache_control: { type: "ephemeral" },
    });
  });

  it("a cache_control that is not { type, ttl? } is not sent", () => {
    for (const cacheControl of ["ephemeral", { ttl: "1h" }, { type: "ephemeral", ttl: 60 }]) {
      expect(part({ type: "text", text: "a", cache_control: cacheControl })).toEqual({ type: "text", text: "a" });
      expect(part({ type: "text", text: "a", extras: { cache_control: cacheControl } })).toEqual({ type: "text", text: "a" });
    }
  });

  it("image by URL, with detail from metadata", () => {
    expect(part({ type: "image", url: "https://example.com/cat.jpg", metadata: { detail: "low" } })).toEqual({
      type: "image_url",
      image_url: { url: "https://example.com/cat.jpg", detail: "low" },
    });
  });

  it("image as base64 data + mimeType becomes a data URL", () => {
    expect(part({ type: "image", data: PNG, mimeType: "image/png" })).toEqual({
      type: "image_url",
      image_url: { url: `data:image/png;base64,${PNG}` },
    });
  });

  it("image as bytes is base64-encoded", () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    expect(part({ type: "image", data: bytes, mimeType: "image/png" })).toEqual({
      type: "image_url",
      image_url: { url: "data:image/png;base64,iVBORw==" },
    });
  });

  it("legacy source_type image blocks (url and base64)", () => {
    expect(part({ type: "image", source_type: "url", url: "https://example.com/a.png" })).toEqual({
      type: "image_url",
      image_url: { url: "https://example.com/a.png" },
    });
    expect(part({ type: "image", source_type: "base64", data: PNG, mime_type: "image/png" })).toEqual({
      type: "image_url",
      image_url: { url: `data:image/png;base64,${PNG}` },
    });
  });

  it("a PDF by https URL is sent as file_data = the URL, named after its path", () => {
    expect(part({ type: "file", url: PDF_URL, mimeType: "application/pdf" })).toEqual({
      type: "file",
      file: { filename: "bitcoin.pdf", file_data: PDF_URL },
    });
  });

  it("a PDF as base64 becomes a data URL; metadata.filename and cache_control survive", () => {
    expect(
      part({
        type: "file",
        data: PDF_BASE64,
        mimeType: "application/pdf",
        metadata: { filename: "report.pdf" },
        cache_control: { type: "ephemeral", ttl: "5m" },
      })
    ).toEqual({
      type: "file",
      file: { filename: "report.pdf", file_data: `data:application/pdf;base64,${PDF_BASE64}` },
      cache_control: { type: "ephemeral", ttl: "5m" },
    });
  });

  it("a PDF without a name is document.pdf; a legacy base64 file block works too", () => {
    expect(part({ type: "file", source_type: "base64", data: PDF_BASE64, mime_type: "application/pdf" })).toEqual({
      type: "file",
      file: { filename: "document.pdf", file_data: `data:application/pdf;base64,${PDF_BASE64}` },
    });
  });

  it("a file by id is sent as file_id", () => {
    expect(part({ type: "file", fileId: "file-123" })).toEqual({ type: "file", file: { file_id: "file-123" } });
  });

  it("a file block holding an image goes as an image part", () => {
    expect(part({ type: "file", data: PNG, mimeType: "image/png" })).toEqual({
      type: "image_url",
      image_url: { url: `data:image/png;base64,${PNG}` },
    });
  });

  it.each([
    ["audio/wav", "wav"],
    ["audio/x-wav", "wav"],
    ["audio/mpeg", "mp3"],
    ["audio/mp3", "mp3"],
    ["audio/flac", "flac"],
    ["audio/ogg; codecs=opus", "ogg"],
    ["audio/mp4", "m4a"],
    ["audio/aiff", "aiff"],
    ["audio/L16", "pcm16"],
  ])("audio %s → input_audio format %s", (mimeType, format) => {
    expect(part({ type: "audio", data: "UklGRg==", mimeType })).toEqual({
      type: "input_audio",
      input_audio: { data: "UklGRg==", format },
    });
  });

  it("audio in a data URL is unpacked to base64", () => {
    expect(part({ type: "audio", url: "data:audio/mpeg;base64,SUQz" })).toEqual({
      type: "input_audio",
      input_audio: { data: "SUQz", format: "mp3" },
    });
  });

  it("video by URL and as base64", () => {
    expect(part({ type: "video", url: "https://example.com/v.mp4" })).toEqual({
      type: "video_url",
      video_url: { url: "https://example.com/v.mp4" },
    });
    expect(part({ type: "video", data: "AAAA", mimeType: "video/mp4" })).toEqual({
      type: "video_url",
      video_url: { url: "data:video/mp4;base64,AAAA" },
    });
  });

  it("text-plain as text or as base64 becomes text", () => {
    expect(part({ type: "text-plain", text: "notes", mimeType: "text/plain" })).toEqual({ type: "text", text: "notes" });
    expect(part({ type: "text-plain", data: Buffer.from("héllo").toString("base64"), mimeType: "text/plain" })).toEqual({ type: "text", text: "héllo" });
  });

  it("non_standard blocks send their value", () => {
    expect(part({ type: "non_standard", value: { type: "input_video", video_url: { url: "u" } } })).toEqual({
      type: "input_video",
      video_url: { url: "u" },
    });
  });

  it("the assistant's own output blocks are left out", () => {
    expect(
      toWireContent(
        [
          { type: "reasoning", reasoning: "hmm" },
          { type: "text", text: "answer" },
          { type: "tool_call", id: "1", name: "f", args: {} },
          { type: "refusal", refusal: "no" },
        ],
        "assistant"
      )
    ).toEqual([{ type: "text", text: "answer" }]);
  });
});

describe("what OpenRouter cannot take fails before any request, naming the block and the fix", () => {
  it("audio by URL: OpenRouter needs base64", () => {
    expect(() => part({ type: "audio", url: "https://example.com/a.mp3", mimeType: "audio/mpeg" })).toThrowError(
      /cannot send this audio block in a user message \(audio by URL\).*only as base64.*data: <base64>, mimeType/
    );
  });

  it("base64 without a MIME type", () => {
    expect(() => part({ type: "image", data: PNG })).toThrowError(/base64 data without a MIME type.*Add mimeType/);
    expect(() => part({ type: "audio", data: "UklGRg==" })).toThrowError(/audio without a MIME type/);
  });

  it("an image or video by file id", () => {
    expect(() => part({ type: "image", fileId: "file-1" })).toThrowError(/an image by id.*by URL or base64/);
    expect(() => part({ type: "video", fileId: "file-1" })).toThrowError(/a video by id/);
  });

  it("text-plain by URL", () => {
    expect(() => part({ type: "text-plain", url: "https://example.com/a.txt", mimeType: "text/plain" })).toThrowError(
      /text by URL.*Fetch the text yourself/
    );
  });

  it("a block with no data at all", () => {
    expect(() => part({ type: "file", mimeType: "application/pdf" })).toThrowError(/no url, data, fileId or text/);
  });

  it("an unknown block type", () => {
    expect(() => part({ type: "hologram", url: "x" })).toThrowError(/cannot send the hologram content block in a user message/);
  });

  it("content that is neither a string nor an array", () => {
    expect(() => toWireContent({ type: "text" }, "user")).toThrowError(/string or an array of content blocks/);
  });
});
