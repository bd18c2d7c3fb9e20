import { AIMessage, AIMessageChunk } from "@langchain/core/messages";
import { OutputParserException } from "@langchain/core/output_parsers";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chooseStructuredOutputMethod, jsonModeInstructions } from "./structured_output.js";
import { OpenRouterStructuredOutputParser, parseJsonText } from "./structured_output_parser.js";

describe("chooseStructuredOutputMethod: from OpenRouter's supported_parameters", () => {
  it.each([
    ["openai/gpt-4.1", "jsonSchema"], // structured_outputs
    ["anthropic/claude-sonnet-4.5", "jsonSchema"],
    ["anthropic/claude-haiku-4.5", "functionCalling"], // tools, no structured_outputs
    ["qwen/qwen-vl-plus", "jsonMode"], // response_format only
    ["openrouter/auto", "functionCalling"], // no parameters listed
    ["no-such/model", "functionCalling"], // unknown
  ])("%s → %s", (model, method) => {
    expect(chooseStructuredOutputMethod({ model })).toBe(method);
  });

  it("always functionCalling with fallback models or route: fallback", () => {
    expect(chooseStructuredOutputMethod({ model: "openai/gpt-4.1", models: ["openai/gpt-4.1", "anthropic/claude-sonnet-4.5"] })).toBe(
      "functionCalling"
    );
    expect(chooseStructuredOutputMethod({ model: "openai/gpt-4.1", route: "fallback" })).toBe("functionCalling");
    expect(chooseStructuredOutputMethod({ model: "openai/gpt-4.1", models: [] })).toBe("jsonSchema");
  });

  it("does not pick jsonMode for a strict request", () => {
    expect(chooseStructuredOutputMethod({ model: "qwen/qwen-vl-plus", strict: true })).toBe("functionCalling");
  });
});

describe("jsonModeInstructions", () => {
  it("asks for JSON only and carries the schema", () => {
    expect(jsonModeInstructions({ type: "object" })).toBe(
      'Respond with a single JSON object and nothing else: no prose, no code fences. It must match this JSON Schema:\n{"type":"object"}'
    );
  });
});

describe("parseJsonText", () => {
  it("reads plain, padded, fenced and prose-wrapped JSON", () => {
    expect(parseJsonText('\n   {"a":1}')).toEqual({ a: 1 });
    expect(parseJsonText('```json\n{"a":1}\n```')).toEqual({ a: 1 });
    expect(parseJsonText('Here it is: {"a":1}. Enjoy!')).toEqual({ a: 1 });
    expect(() => parseJsonText('{"a":')).toThrow();
  });
});

const movie = z.object({ title: z.string(), year: z.number() });
const validate = async (value: unknown) => {
  const result = movie.safeParse(value);
  return result.success ? ({ ok: true, value: result.data } as const) : ({ ok: false, issues: result.error.issues[0]!.message } as const);
};

async function* chunks(...pieces: AIMessageChunk[]): AsyncGenerator<AIMessageChunk> {
  for (const piece of pieces) yield piece;
}

describe("OpenRouterStructuredOutputParser", () => {
  it("streams partial objects from content, then the validated object", async () => {
    const parser = new OpenRouterStructuredOutputParser({ validate });
    const parts = ['{"ti', 'tle":"Incep', 'tion","ye', 'ar":2010}'].map((content) => new AIMessageChunk({ content }));
    const seen: unknown[] = [];
    for await (const value of parser.transform(chunks(...parts), {})) seen.push(value);
    expect(seen).toEqual([{ title: "Incep" }, { title: "Inception" }, { title: "Inception", year: 2010 }]);
  });

  it("streams partial objects from tool-call fragments", async () => {
    const parser = new OpenRouterStructuredOutputParser({ toolName: "movie", validate });
    const parts = [
      new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, id: "c1", name: "movie", args: "", type: "tool_call_chunk" }] }),
      new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: '{"title":"Ince', type: "tool_call_chunk" }] }),
      new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: 'ption","year":2010}', type: "tool_call_chunk" }] }),
    ];
    const seen: unknown[] = [];
    for await (const value of parser.transform(chunks(...parts), {})) seen.push(value);
    expect(seen).toEqual([{ title: "Ince" }, { title: "Inception", year: 2010 }]);
  });

  it("raises an OutputParserException carrying the raw text when the schema is not met", async () => {
    const parser = new OpenRouterStructuredOutputParser({ validate });
    const error = await parser.invoke(new AIMessage('{"title":"Inception","year":"2010"}')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputParserException);
    expect((error as OutputParserException).llmOutput).toBe('{"title":"Inception","year":"2010"}');
    expect((error as Error).message).toMatch(/does not match the schema/);
  });

  it("raises when the model did not call the forced tool, or sent broken arguments", async () => {
    const parser = new OpenRouterStructuredOutputParser({ toolName: "movie", validate });
    const noCall = await parser.invoke(new AIMessage("I cannot help with that.")).catch((caught: unknown) => caught);
    expect(noCall).toBeInstanceOf(OutputParserException);
    expect((noCall as OutputParserException).llmOutput).toBe("I cannot help with that.");
    const broken = await parser
      .invoke(new AIMessage({ content: "", invalid_tool_calls: [{ name: "movie", args: '{"title":', id: "c", error: "bad", type: "invalid_tool_call" }] }))
      .catch((caught: unknown) => caught);
    expect((broken as OutputParserException).llmOutput).toBe('{"title":');
  });

  it("reports a refusal where the package puts it (additional_kwargs.refusal)", async () => {
    const parser = new OpenRouterStructuredOutputParser({ validate });
    const error = await parser
      .invoke(new AIMessage({ content: "", additional_kwargs: { refusal: "I can't do that." } }))
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/refused.*I can't do that\./);
  });
});
