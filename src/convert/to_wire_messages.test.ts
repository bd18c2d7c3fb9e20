import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { toStandardBlocks } from "./to_standard_blocks.js";
import { toWireMessage } from "./to_wire_messages.js";

const ANTHROPIC = { type: "reasoning.text", text: "Think.", signature: "EugC", format: "anthropic-claude-v1", index: 0 };
const GEMINI = { type: "reasoning.text", signature: "AY89a1", format: "google-gemini-v1", index: 0 };
const OPENAI = [
  { type: "reasoning.summary", summary: "**Sum**", format: "openai-responses-v1", index: 0 },
  { type: "reasoning.encrypted", data: "gAAAA", id: "rs_0d5d", format: "openai-responses-v1", index: 1 },
];
const FILE_ANNOTATION = { type: "file", file: { hash: "a1e0", name: "doc.pdf", content: [{ type: "text", text: "# Doc" }] } };
const URL_CITATION = { type: "url_citation", url_citation: { url: "https://a", title: "A" } };

describe("system messages", () => {
  it("all-text parts are flattened; parts with cache_control are kept as parts", () => {
    expect(toWireMessage(new SystemMessage({ content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }))).toEqual({
      role: "system",
      content: "ab",
    });
    const cached = [{ type: "text", text: "Long rules", cache_control: { type: "ephemeral", ttl: "1h" } }];
    expect(toWireMessage(new SystemMessage({ content: cached }))).toEqual({ role: "system", content: cached });
  });

  it("an image in a system message fails before any request", () => {
    expect(() =>
      toWireMessage(new SystemMessage({ content: [{ type: "image", url: "https://example.com/a.png" }] }))
    ).toThrowError(/cannot send a part of type image_url in a system message: system content is text only. Move it to a user message/);
  });
});

describe("assistant messages carry their reasoning back byte-exact", () => {
  it.each([
    ["Anthropic text + signature", [ANTHROPIC]],
    ["Gemini signature only", [GEMINI]],
    ["OpenAI summary + encrypted", OPENAI],
    ["an unknown type and format", [{ type: "reasoning.future", blob: { a: 1 }, format: "unknown", index: 0 }]],
  ])("%s", (_name, details) => {
    const message = new AIMessage({ content: "ok", additional_kwargs: { reasoning: "Think.", reasoning_details: details } });
    expect(toWireMessage(message)).toEqual({ role: "assistant", content: "ok", reasoning_details: details });
  });

  it("also beside tool calls, with no content", () => {
    const message = new AIMessage({
      content: "",
      tool_calls: [{ id: "toolu_1", name: "get_weather", args: { city: "Paris" } }],
      additional_kwargs: { reasoning_details: [ANTHROPIC] },
    });
    expect(toWireMessage(message)).toEqual({
      role: "assistant",
      tool_calls: [{ id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
      reasoning_details: [ANTHROPIC],
    });
  });

  it("an empty reasoning_details array goes back empty", () => {
    expect(toWireMessage(new AIMessage({ content: "x", additional_kwargs: { reasoning_details: [] } }))).toEqual({
      role: "assistant",
      content: "x",
      reasoning_details: [],
    });
  });

  it("drops an Anthropic text detail that lost its signature (upstream rejects it)", () => {
    const unsigned = { type: "reasoning.text", text: "cut", format: "anthropic-claude-v1", index: 1 };
    const message = new AIMessage({ content: "x", additional_kwargs: { reasoning_details: [ANTHROPIC, unsigned] } });
    expect(toWireMessage(message)).toEqual({ role: "assistant", content: "x", reasoning_details: [ANTHROPIC] });
  });

  it("file annotations are echoed (no re-parsing of the PDF); url citations are not", () => {
    const message = new AIMessage({ content: "It is a dummy.", additional_kwargs: { annotations: [URL_CITATION, FILE_ANNOTATION] } });
    expect(toWireMessage(message)).toEqual({ role: "assistant", content: "It is a dummy.", annotations: [FILE_ANNOTATION] });
  });

  it("the same message in v1 form (outputVersion: \"v1\") is sent exactly as in the default form", () => {
    const image = "data:image/png;base64,iVBORw0KGgo=";
    const v0 = new AIMessage({
      content: "Here.",
      tool_calls: [{ id: "c1", name: "f", args: {} }],
      additional_kwargs: {
        reasoning: "**Sum**",
        reasoning_details: OPENAI,
        annotations: [URL_CITATION, FILE_ANNOTATION],
        images: [{ type: "image_url", image_url: { url: image }, index: 0 }],
      },
      response_metadata: { model_provider: "openrouter" },
    });
    const v1 = new AIMessage({
      content: toStandardBlocks(v0),
      tool_calls: v0.tool_calls,
      additional_kwargs: v0.additional_kwargs,
      response_metadata: { model_provider: "openrouter", output_version: "v1" },
    });
    expect(toWireMessage(v1)).toEqual(toWireMessage(v0));
    expect(toWireMessage(v0)).toEqual({
      role: "assistant",
      content: "Here.",
      tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }],
      reasoning_details: OPENAI,
      annotations: [FILE_ANNOTATION],
    });
  });
});

describe("user messages", () => {
  it("keep array content as parts, converting v1 blocks", () => {
    const message = new HumanMessage({
      content: [
        { type: "text", text: "Summarise this PDF." },
        { type: "file", url: "https://bitcoin.org/bitcoin.pdf", mimeType: "application/pdf" },
      ],
    });
    expect(toWireMessage(message)).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Summarise this PDF." },
        { type: "file", file: { filename: "bitcoin.pdf", file_data: "https://bitcoin.org/bitcoin.pdf" } },
      ],
    });
  });

  it("built with contentBlocks (core's v1 constructor form)", () => {
    const message = new HumanMessage({
      contentBlocks: [
        { type: "text", text: "Describe this image." },
        { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" },
      ],
    });
    expect(toWireMessage(message)).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Describe this image." },
        { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
      ],
    });
  });
});

describe("Anthropic-style tool_use blocks in an assistant's content", () => {
  const content = [
    { type: "text", text: "some text" },
    { type: "tool_use", id: "c1", name: "add", input: { a: 1, b: 2 } },
  ];
  const call = { id: "c1", type: "function", function: { name: "add", arguments: '{"a":1,"b":2}' } };

  it("are not sent as content, and a call already in tool_calls is sent once", () => {
    expect(toWireMessage(new AIMessage({ content, tool_calls: [{ id: "c1", name: "add", args: { a: 1, b: 2 } }] }))).toEqual({
      role: "assistant",
      content: "some text",
      tool_calls: [call],
    });
  });

  it("become the tool call when tool_calls lacks it", () => {
    expect(toWireMessage(new AIMessage({ content }))).toEqual({ role: "assistant", content: "some text", tool_calls: [call] });
  });
});
