// Standard integration checks, part 3: content blocks in both LangChain generations (the older
// `source_type` blocks and the v1 standard blocks), plus OpenAI-style parts, as OpenRouter receives
// them, and cache-control on content read back as cache usage. Mirrors the upstream standard text,
// image, audio and file block checks, with the wire part each must become.
import { HumanMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { lastChatBody, modelOn, scenarioText, useEmulator } from "../helpers/emulator.js";

const emulator = useEmulator();

// the upstream suite's placeholders: a 1×1 PNG, a silent WAV, "Hello, World!" as text
const IMAGE_URL = "https://upload.wikimedia.org/wikipedia/commons/thumb/3/30/RedDisc.svg/24px-RedDisc.svg.png";
const IMAGE_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const IMAGE_DATA_URL = `data:image/png;base64,${IMAGE_BASE64}`;
const AUDIO_BASE64 = "UklGRigAAABXQVZFZm10IBAAAAABAAEARKwAAIhYAQACABAAAABkYXRhAgAAAAEA";
const TEXT_FILE_BASE64 = "SGVsbG8sIFdvcmxkIQ==";
const PDF_URL = "https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf";
const PDF_BASE64 = Buffer.from("%PDF-1.4\n% a tiny test file\n").toString("base64");
const DESCRIPTION = "The image shows a single small square of solid colour on a plain background.";

type Block = Record<string, unknown>;

async function sendOne(block: Block, question: string, scenario?: string): Promise<{ text: string; part: unknown }> {
  const answer = await modelOn(emulator.current, { model: "openai/gpt-4o", scenario }).invoke([
    new HumanMessage({ content: [{ type: "text", text: question }, block] as never }),
  ]);
  const sent = (lastChatBody(emulator.current)["messages"] as { content: unknown[] }[]).at(-1)!.content;
  expect(sent[0]).toEqual({ type: "text", text: question });
  return { text: answer.text, part: sent[1] };
}

describe("text blocks", () => {
  it("a standard text block (source_type text) is sent as a text part", async () => {
    const answer = await modelOn(emulator.current).invoke([
      new HumanMessage({ content: [{ type: "text", source_type: "text", text: "Hello from a text content block!" }] as never }),
    ]);
    expect(answer.text).toBe("Hello from the OpenRouter emulator. You said: Hello from a text content block!");
    expect((lastChatBody(emulator.current)["messages"] as { content: unknown }[])[0]?.content).toEqual([
      { type: "text", text: "Hello from a text content block!" },
    ]);
  });
});

describe("image input", () => {
  const forms: [string, Block, string][] = [
    ["URL, source_type block", { type: "image", source_type: "url", url: IMAGE_URL }, IMAGE_URL],
    ["base64, source_type block", { type: "image", source_type: "base64", data: IMAGE_BASE64, mime_type: "image/png" }, IMAGE_DATA_URL],
    ["data URL, source_type block", { type: "image", source_type: "url", url: IMAGE_DATA_URL }, IMAGE_DATA_URL],
    ["URL, v1 block", { type: "image", url: IMAGE_URL }, IMAGE_URL],
    ["base64, v1 block", { type: "image", data: IMAGE_BASE64, mimeType: "image/png" }, IMAGE_DATA_URL],
    ["URL, OpenAI image_url part", { type: "image_url", image_url: { url: IMAGE_URL } }, IMAGE_URL],
    ["data URL, OpenAI image_url string", { type: "image_url", image_url: IMAGE_DATA_URL }, IMAGE_DATA_URL],
  ];
  it.each(forms)("%s → image_url, and the image is described", async (_label, block, url) => {
    const { text, part } = await sendOne(block, "Describe this image.", scenarioText("say", DESCRIPTION));
    expect(part).toEqual({ type: "image_url", image_url: { url } });
    expect(text).toBe(DESCRIPTION);
  });
});

describe("PDF and file input", () => {
  const forms: [string, Block, unknown][] = [
    [
      "PDF by URL, source_type block",
      { type: "file", source_type: "url", url: PDF_URL, mime_type: "application/pdf", metadata: { filename: "dummy.pdf" } },
      { type: "file", file: { filename: "dummy.pdf", file_data: PDF_URL } },
    ],
    [
      "PDF as base64, source_type block",
      { type: "file", source_type: "base64", data: PDF_BASE64, mime_type: "application/pdf", metadata: { filename: "tiny.pdf" } },
      { type: "file", file: { filename: "tiny.pdf", file_data: `data:application/pdf;base64,${PDF_BASE64}` } },
    ],
    [
      "PDF by URL, v1 block",
      { type: "file", url: PDF_URL, mimeType: "application/pdf" },
      { type: "file", file: { filename: "dummy.pdf", file_data: PDF_URL } },
    ],
    [
      "PDF as base64, v1 block",
      { type: "file", data: PDF_BASE64, mimeType: "application/pdf", metadata: { filename: "tiny.pdf" } },
      { type: "file", file: { filename: "tiny.pdf", file_data: `data:application/pdf;base64,${PDF_BASE64}` } },
    ],
    [
      "OpenAI-style file part",
      { type: "file", file: { filename: "tiny.pdf", file_data: `data:application/pdf;base64,${PDF_BASE64}` } },
      { type: "file", file: { filename: "tiny.pdf", file_data: `data:application/pdf;base64,${PDF_BASE64}` } },
    ],
  ];
  it.each(forms)("%s → a file part the file parser reads", async (_label, block, wire) => {
    const { text, part } = await sendOne(block, "Summarise this document.");
    expect(part).toEqual(wire);
    expect(text).toMatch(/^The document (dummy|tiny)\.pdf \((fetched from its URL|\d+ bytes)\) was parsed by the emulator\.$/);
  });

  it.each([
    [
      "a text/plain data URL, source_type block",
      { type: "file", source_type: "url", url: `data:text/plain;base64,${TEXT_FILE_BASE64}`, mime_type: "text/plain", metadata: { filename: "hello.txt" } },
      { type: "file", file: { filename: "hello.txt", file_data: `data:text/plain;base64,${TEXT_FILE_BASE64}` } },
    ],
    ["text, source_type block", { type: "file", source_type: "text", text: "Hello, World!", metadata: { filename: "hello.txt" } }, { type: "text", text: "Hello, World!" }],
    ["a v1 text-plain block", { type: "text-plain", text: "Hello, World!", mimeType: "text/plain" }, { type: "text", text: "Hello, World!" }],
  ] as [string, Block, unknown][])("%s: the document's text reaches the model", async (_label, block, wire) => {
    const { part } = await sendOne(block, "What does the file say?");
    expect(part).toEqual(wire);
  });
});

describe("audio input", () => {
  const forms: [string, Block][] = [
    ["base64, source_type block", { type: "audio", source_type: "base64", data: AUDIO_BASE64, mime_type: "audio/wav" }],
    ["data URL, source_type block", { type: "audio", source_type: "url", url: `data:audio/wav;base64,${AUDIO_BASE64}`, mime_type: "audio/wav" }],
    ["base64, v1 block", { type: "audio", data: AUDIO_BASE64, mimeType: "audio/wav" }],
    ["OpenAI input_audio part", { type: "input_audio", input_audio: { data: AUDIO_BASE64, format: "wav" } }],
  ];
  it.each(forms)("%s → input_audio with the wav format", async (_label, block) => {
    const { text, part } = await sendOne(block, "Transcribe this audio.");
    expect(part).toEqual({ type: "input_audio", input_audio: { data: AUDIO_BASE64, format: "wav" } });
    expect(text).not.toBe("");
  });

  it("audio by URL (both generations) fails before any request: OpenRouter takes audio only as base64", async () => {
    for (const block of [
      { type: "audio", source_type: "url", url: "https://example.com/a.mp3" },
      { type: "audio", url: "https://example.com/a.mp3", mimeType: "audio/mpeg" },
    ]) {
      await expect(sendOne(block, "Transcribe this audio.")).rejects.toThrow(/base64/);
    }
    expect(emulator.current.chatRequests()).toHaveLength(0);
  });
});

describe("cache-control on content", () => {
  const LONG = "These are the house rules. ".repeat(40);
  it.each([
    ["on a text block", { type: "text", text: LONG, cache_control: { type: "ephemeral" } }],
    ["in a v1 block's extras", { type: "text", text: LONG, extras: { cache_control: { type: "ephemeral" } } }],
  ] as [string, Block][])("%s: sent on the part; the first call writes the cache, the repeat reads it", async (_label, block) => {
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" });
    const messages = [new HumanMessage({ content: [block, { type: "text", text: "Summarise the rules." }] as never })];
    const first = await model.invoke(messages);
    expect((lastChatBody(emulator.current)["messages"] as { content: unknown[] }[])[0]?.content[0]).toEqual({
      type: "text",
      text: LONG,
      cache_control: { type: "ephemeral" },
    });
    const second = await model.invoke(messages);
    expect(first.usage_metadata?.input_token_details?.cache_creation).toBeGreaterThan(0);
    expect(second.usage_metadata?.input_token_details?.cache_read).toBeGreaterThan(0);
  });
});
