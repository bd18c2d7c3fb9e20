import { describe, expect, it } from "vitest";
import { citationOf, toStandardBlocks } from "./to_standard_blocks.js";

describe("toStandardBlocks: an OpenRouter message as v1 content blocks", () => {
  it("reasoning comes first, from message.reasoning; signatures stay out of the blocks", () => {
    expect(
      toStandardBlocks({
        content: "ok",
        additional_kwargs: {
          reasoning: "Think.",
          reasoning_details: [{ type: "reasoning.text", text: "Think.", signature: "S", format: "anthropic-claude-v1", index: 0 }],
        },
      })
    ).toEqual([
      { type: "reasoning", reasoning: "Think." },
      { type: "text", text: "ok" },
    ]);
  });

  it("without message.reasoning, readable details give one block each; encrypted ones none", () => {
    expect(
      toStandardBlocks({
        content: "",
        additional_kwargs: {
          reasoning_details: [
            { type: "reasoning.summary", summary: "Sum", index: 0 },
            { type: "reasoning.encrypted", data: "gAAA", index: 1 },
            { type: "reasoning.text", text: "More", index: 2 },
            { type: "reasoning.text", signature: "only", index: 3 },
          ],
        },
      })
    ).toEqual([
      { type: "reasoning", reasoning: "Sum" },
      { type: "reasoning", reasoning: "More" },
    ]);
  });

  it("reads reasoning_content, where messages of the earlier @langchain/openrouter kept it", () => {
    expect(toStandardBlocks({ content: "x", additional_kwargs: { reasoning_content: "Old." } })[0]).toEqual({
      type: "reasoning",
      reasoning: "Old.",
    });
  });

  it("citations sit on the text block; generated images follow as image blocks with the data URL whole", () => {
    const url = "data:image/png;base64,iVBORw0KGgo=";
    expect(
      toStandardBlocks({
        content: "See sources.",
        additional_kwargs: {
          annotations: [
            { type: "url_citation", url_citation: { url: "https://a.example", title: "A", content: "quote", start_index: 0, end_index: 4 } },
          ],
          images: [{ type: "image_url", image_url: { url }, index: 0 }],
        },
      })
    ).toEqual([
      {
        type: "text",
        text: "See sources.",
        annotations: [{ type: "citation", source: "url", url: "https://a.example", title: "A", startIndex: 0, endIndex: 4, citedText: "quote" }],
      },
      { type: "image", url, mimeType: "image/png" },
    ]);
  });

  it("a file-parser annotation is a citation of the file: its name and parsed text", () => {
    expect(
      citationOf({
        type: "file",
        file: {
          hash: "a1e0",
          name: "filename.pdf",
          content: [
            { type: "text", text: '<file name="filename.pdf">' },
            { type: "text", text: "# Dummy PDF file" },
            { type: "text", text: "</file>" },
          ],
        },
      })
    ).toEqual({ type: "citation", source: "file", title: "filename.pdf", citedText: '<file name="filename.pdf">\n# Dummy PDF file\n</file>' });
  });

  it("an annotation of an unknown type is kept as non_standard", () => {
    const annotation = { type: "file_annotation", file_annotation: { file_id: "f1", quote: "q" } };
    expect(citationOf(annotation)).toEqual({ type: "non_standard", value: annotation });
  });

  it("citations with no text still get a text block to sit on", () => {
    expect(
      toStandardBlocks({
        content: "",
        additional_kwargs: { annotations: [{ type: "url_citation", url_citation: { url: "https://a" } }] },
      })
    ).toEqual([{ type: "text", text: "", annotations: [{ type: "citation", source: "url", url: "https://a" }] }]);
  });

  it("tool calls, invalid tool calls and a refusal", () => {
    expect(
      toStandardBlocks({
        content: "",
        additional_kwargs: { refusal: "No." },
        tool_calls: [{ id: "c1", name: "f", args: { a: 1 }, type: "tool_call" }],
        invalid_tool_calls: [{ id: "c2", name: "g", args: "{", error: "bad", type: "invalid_tool_call" }],
      })
    ).toEqual([
      { type: "tool_call", id: "c1", name: "f", args: { a: 1 } },
      { type: "invalid_tool_call", id: "c2", name: "g", args: "{", error: "bad" },
      { type: "refusal", refusal: "No." },
    ]);
  });

  it("array content: text parts and images are read, citations go on the first text", () => {
    expect(
      toStandardBlocks({
        content: [{ type: "text", text: "a" }, { type: "image_url", image_url: { url: "https://i" } }, { type: "text", text: "b" }],
        additional_kwargs: { annotations: [{ type: "url_citation", url_citation: { url: "https://c" } }] },
      })
    ).toEqual([
      { type: "text", text: "a", annotations: [{ type: "citation", source: "url", url: "https://c" }] },
      { type: "image", url: "https://i" },
      { type: "text", text: "b" },
    ]);
  });
});
