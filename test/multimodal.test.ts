// Multimodal input in both LangChain content-block generations, as OpenRouter receives it.
import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { ChatOpenRouter } from "../src/index.js";
import { CANARY_API_KEY, lastChatBody, modelOn, scenarioText, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const PDF = Buffer.from("%PDF-1.4\n% a tiny test file\n").toString("base64");
const PDF_URL = "https://bitcoin.org/bitcoin.pdf";

const userContent = () => (lastChatBody(emulator.current)["messages"] as { content: unknown }[]).at(-1)!.content;

describe("images", () => {
  it("the docs example: an OpenAI-style image_url part passes through", async () => {
    const description = "The image shows a single small square of solid colour on a plain background.";
    const baseURL = emulator.current.baseURLFor(scenarioText("say", description));
    const model = new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL });
    const message = new HumanMessage({
      content: [
        { type: "text", text: "Describe this image." },
        { type: "image_url", image_url: { url: "https://upload.wikimedia.org/a.jpg" } },
      ],
    });
    const response = await model.invoke([message]);
    expect(response.content).toBe(description);
    expect(userContent()).toEqual(message.content);
  });

  it("v1 image blocks by URL and as base64", async () => {
    await modelOn(emulator.current).invoke([
      new HumanMessage({
        contentBlocks: [
          { type: "text", text: "Describe this image." },
          { type: "image", url: "https://example.com/cat.jpg" },
          { type: "image", data: PNG, mimeType: "image/png" },
        ],
      }),
    ]);
    expect(userContent()).toEqual([
      { type: "text", text: "Describe this image." },
      { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
      { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
    ]);
  });
});

describe("PDFs", () => {
  it("a PDF by https URL is parsed; its file annotation comes back raw and as a citation", async () => {
    const model = modelOn(emulator.current, { plugins: [{ id: "file-parser", pdf: { engine: "mistral-ocr" } }] });
    const question = new HumanMessage({
      contentBlocks: [
        { type: "text", text: "Summarise this PDF." },
        { type: "file", url: PDF_URL, mimeType: "application/pdf" },
      ],
    });
    const answer = await model.invoke([question]);
    expect(lastChatBody(emulator.current)["plugins"]).toEqual([{ id: "file-parser", pdf: { engine: "mistral-ocr" } }]);
    expect(userContent()).toEqual([
      { type: "text", text: "Summarise this PDF." },
      { type: "file", file: { filename: "bitcoin.pdf", file_data: PDF_URL } },
    ]);
    expect(answer.content).toBe("The document bitcoin.pdf (fetched from its URL) was parsed by the emulator.");
    const annotations = answer.additional_kwargs["annotations"] as { type: string; file: { hash: string; name: string } }[];
    expect(annotations.map((annotation) => [annotation.type, annotation.file.name])).toEqual([["file", "bitcoin.pdf"]]);
    expect(answer.contentBlocks[0]).toMatchObject({
      type: "text",
      annotations: [{ type: "citation", source: "file", title: "bitcoin.pdf" }],
    });

    // the next turn echoes the annotation, so OpenRouter does not parse the PDF again
    const followUp = await model.invoke([question, answer, new HumanMessage("And who wrote it?")]);
    const sentAssistant = (lastChatBody(emulator.current)["messages"] as Record<string, unknown>[])[1];
    expect(sentAssistant).toEqual({ role: "assistant", content: answer.content, annotations });
    expect(followUp.additional_kwargs["annotations"]).toBeUndefined();
  });

  it("a base64 PDF keeps its name and cache_control", async () => {
    await modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" }).invoke([
      new HumanMessage({
        content: [
          { type: "text", text: "Summarise this document." },
          {
            type: "file",
            data: PDF,
            mimeType: "application/pdf",
            metadata: { filename: "tiny.pdf" },
            cache_control: { type: "ephemeral" },
          },
        ],
      }),
    ]);
    expect(userContent()).toEqual([
      { type: "text", text: "Summarise this document." },
      { type: "file", file: { filename: "tiny.pdf", file_data: `data:application/pdf;base64,${PDF}` }, cache_control: { type: "ephemeral" } },
    ]);
  });

  it("the legacy source_type file block works too", async () => {
    await modelOn(emulator.current).invoke([
      new HumanMessage({ content: [{ type: "file", source_type: "url", url: PDF_URL, mime_type: "application/pdf" }] }),
    ]);
    expect(userContent()).toEqual([{ type: "file", file: { filename: "bitcoin.pdf", file_data: PDF_URL } }]);
  });
});

describe("audio and video", () => {
  it("base64 audio becomes input_audio with the format from its MIME type", async () => {
    await modelOn(emulator.current).invoke([
      new HumanMessage({ contentBlocks: [{ type: "audio", data: "SUQzBAAAAAAA", mimeType: "audio/mpeg" }] }),
    ]);
    expect(userContent()).toEqual([{ type: "input_audio", input_audio: { data: "SUQzBAAAAAAA", format: "mp3" } }]);
  });

  it("audio by URL fails before any request, saying OpenRouter needs base64", async () => {
    const error = await modelOn(emulator.current)
      .invoke([new HumanMessage({ contentBlocks: [{ type: "audio", url: "https://example.com/a.mp3", mimeType: "audio/mpeg" }] })])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/audio by URL.*only as base64.*download it/);
    expect(emulator.current.chatRequests()).toHaveLength(0);
  });

  it("video by URL", async () => {
    await modelOn(emulator.current).invoke([new HumanMessage({ contentBlocks: [{ type: "video", url: "https://example.com/v.mp4" }] })]);
    expect(userContent()).toEqual([{ type: "video_url", video_url: { url: "https://example.com/v.mp4" } }]);
  });
});

describe("prompt caching", () => {
  it("cache_control on a text part: the first call writes the cache, the repeat reads it", async () => {
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" });
    const messages = [
      new SystemMessage({ content: [{ type: "text", text: "You answer from this long handbook. ".repeat(40), cache_control: { type: "ephemeral", ttl: "1h" } }] }),
      new HumanMessage("What is 2 + 2?"),
    ];
    const first = await model.invoke(messages);
    expect((lastChatBody(emulator.current)["messages"] as { content: unknown }[])[0]!.content).toEqual(messages[0]!.content);
    const second = await model.invoke(messages);
    expect(first.usage_metadata?.input_token_details?.cache_creation).toBeGreaterThan(0);
    expect(first.usage_metadata?.input_token_details?.cache_read).toBeUndefined();
    expect(second.usage_metadata?.input_token_details?.cache_read).toBe(first.usage_metadata?.input_token_details?.cache_creation);
    expect((second.response_metadata["usage"] as { cost: number }).cost).toBeLessThan((first.response_metadata["usage"] as { cost: number }).cost);
  });

  it("top-level cacheControl (with ttl), promptCacheKey and sessionId reach the body", async () => {
    await modelOn(emulator.current, {
      cacheControl: { type: "ephemeral", ttl: "1h" },
      promptCacheKey: "handbook-v3",
      sessionId: "conversation-42",
    }).invoke("hi");
    expect(lastChatBody(emulator.current)).toMatchObject({
      cache_control: { type: "ephemeral", ttl: "1h" },
      prompt_cache_key: "handbook-v3",
      session_id: "conversation-42",
    });
  });
});

describe("system and assistant messages with array content", () => {
  it("are sent in a shape OpenRouter accepts", async () => {
    await modelOn(emulator.current).invoke([
      new SystemMessage({ content: [{ type: "text", text: "Be brief." }, { type: "text", text: " Be kind." }] }),
      new HumanMessage("hi"),
      new AIMessage({ content: [{ type: "text", text: "Hello" }, { type: "reasoning", reasoning: "greet back" }] }),
      new HumanMessage("bye"),
    ]);
    expect(lastChatBody(emulator.current)["messages"]).toEqual([
      { role: "system", content: "Be brief. Be kind." },
      { role: "user", content: "hi" },
      { role: "assistant", content: "Hello" },
      { role: "user", content: "bye" },
    ]);
  });
});
