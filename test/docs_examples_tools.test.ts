// The "Tool calling" and "Structured output" sections of the docs page
// (/work/shared/seed/chatopenrouter-docs.txt), run as written: only the import path, baseURL and
// apiKey differ. Each test asserts that console.log prints what the page shows.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ChatOpenRouter } from "../src/index.js";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { CANARY_API_KEY, lastChatBody, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();
let printed: unknown[];

beforeEach(() => {
  printed = [];
  vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
    printed.push(values.length === 1 ? values[0] : values);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** How node prints a value, with whitespace collapsed (the page wraps lines, node may not). */
function shown(value: unknown): string {
  return inspect(value, { depth: 6 }).replace(/\s+/g, " ");
}
function pageText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

describe("docs: Tool calling", () => {
  it("Bind tools: prints the get_weather call for San Francisco, CA", async () => {
    const connection = { baseURL: emulator.current.baseURL, apiKey: CANARY_API_KEY };

    const getWeather = tool(async ({ location }) => `Sunny in ${location}`, {
      name: "get_weather",
      description: "Get the current weather in a given location",
      schema: z.object({
        location: z
          .string()
          .describe("The city and state, e.g. San Francisco, CA"),
      }),
    });

    const modelWithTools = new ChatOpenRouter({
      model: "openai/gpt-4o",
      ...connection,
    }).bindTools([getWeather]);

    const aiMsg = await modelWithTools.invoke(
      "What is the weather like in San Francisco?"
    );
    console.log(aiMsg.tool_calls);

    const [toolCalls] = printed as [{ id: string }[]];
    expect(toolCalls[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    // the page shows an illustrative id; every other printed character must match
    expect(shown(toolCalls.map((call) => ({ ...call, id: "call_abc123" })))).toBe(
      pageText(`[
  {
    name: 'get_weather',
    args: { location: 'San Francisco, CA' },
    id: 'call_abc123',
    type: 'tool_call'
  }
]`)
    );
    expect(await getWeather.invoke(aiMsg.tool_calls![0]!)).toMatchObject({ content: "Sunny in San Francisco, CA" });
  });

  it("Strict mode: every tool goes out with strict: true", async () => {
    const connection = { baseURL: emulator.current.baseURL, apiKey: CANARY_API_KEY };
    const getWeather = tool(async ({ location }) => `Sunny in ${location}`, {
      name: "get_weather",
      description: "Get the current weather in a given location",
      schema: z.object({
        location: z
          .string()
          .describe("The city and state, e.g. San Francisco, CA"),
      }),
    });

    const modelWithStrictTools = new ChatOpenRouter({
      model: "openai/gpt-4o",
      ...connection,
    }).bindTools([getWeather], { strict: true });

    const aiMsg = await modelWithStrictTools.invoke("What is the weather like in San Francisco?");
    expect(lastChatBody(emulator.current)["tools"]).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Get the current weather in a given location",
          parameters: {
            type: "object",
            properties: { location: { type: "string", description: "The city and state, e.g. San Francisco, CA" } },
            required: ["location"],
            additionalProperties: false,
          },
          strict: true,
        },
      },
    ]);
    expect(aiMsg.tool_calls![0]!.args).toEqual({ location: "San Francisco, CA" });
  });
});

describe("docs: Structured output", () => {
  it("jsonSchema: prints Inception, 2010, Christopher Nolan, 8.8", async () => {
    const connection = { baseURL: emulator.current.baseURL, apiKey: CANARY_API_KEY };

    const model = new ChatOpenRouter({ model: "openai/gpt-4.1", ...connection });

    const movieSchema = z.object({
      title: z.string().describe("The title of the movie"),
      year: z.number().describe("The year the movie was released"),
      director: z.string().describe("The director of the movie"),
      rating: z.number().describe("The movie's rating out of 10"),
    });

    const structuredModel = model.withStructuredOutput(movieSchema, {
      name: "movie",
      method: "jsonSchema", 
    });
    const response = await structuredModel.invoke(
      "Provide details about the movie Inception"
    );
    console.log(response);

    expect(shown(printed[0])).toBe(
      pageText(`{
  title: 'Inception',
  year: 2010,
  director: 'Christopher Nolan',
  rating: 8.8
}`)
    );
    expect(lastChatBody(emulator.current)["response_format"]).toMatchObject({ type: "json_schema", json_schema: { name: "movie" } });
  });

  it("strict: true with jsonSchema sends a strict schema and prints the same movie", async () => {
    const connection = { baseURL: emulator.current.baseURL, apiKey: CANARY_API_KEY };
    const model = new ChatOpenRouter({ model: "openai/gpt-4.1", ...connection });
    const movieSchema = z.object({
      title: z.string().describe("The title of the movie"),
      year: z.number().describe("The year the movie was released"),
      director: z.string().describe("The director of the movie"),
      rating: z.number().describe("The movie's rating out of 10"),
    });

    const strictModel = model.withStructuredOutput(movieSchema, {
      name: "movie",
      method: "jsonSchema",
      strict: true,
    });

    console.log(await strictModel.invoke("Provide details about the movie Inception"));
    expect(printed[0]).toEqual({ title: "Inception", year: 2010, director: "Christopher Nolan", rating: 8.8 });
    expect(lastChatBody(emulator.current)["response_format"]).toMatchObject({ json_schema: { name: "movie", strict: true } });
  });

  it("the automatic method for openai/gpt-4.1 is jsonSchema, and fallback routing uses functionCalling, as the page says", async () => {
    const connection = { baseURL: emulator.current.baseURL, apiKey: CANARY_API_KEY };
    const movieSchema = z.object({ title: z.string(), year: z.number(), director: z.string(), rating: z.number() });
    await new ChatOpenRouter({ model: "openai/gpt-4.1", ...connection }).withStructuredOutput(movieSchema).invoke("Provide details about the movie Inception");
    expect(lastChatBody(emulator.current)["response_format"]).toMatchObject({ type: "json_schema" });
    const routed = new ChatOpenRouter({
      model: "openai/gpt-4o",
      models: ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"],
      route: "fallback",
      ...connection,
    });
    const movie = await routed.withStructuredOutput(movieSchema).invoke("Provide details about the movie Inception");
    expect(lastChatBody(emulator.current)["tool_choice"]).toEqual({ type: "function", function: { name: "extract" } });
    expect(movie).toEqual({ title: "Inception", year: 2010, director: "Christopher Nolan", rating: 8.8 });
  });
});
