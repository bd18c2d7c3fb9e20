// A typo or another integration's option is never silently dropped: the constructor throws, a call
// warns once per name. What LangChain, LangGraph and createAgent put in call options never warns.
import { AIMessageChunk } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createAgent, providerStrategy, toolStrategy } from "langchain";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { z } from "zod";
import { ChatOpenRouter, type ChatOpenRouterFields, OpenRouterClient, OpenRouterEmbeddings, OpenRouterRerank } from "../src/index.js";
import { CANARY_API_KEY, lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
});

const QUESTION = { messages: [{ role: "user", content: "What is the weather in Paris and the time in Tokyo?" }] };
const Report = z.object({ weather: z.string().describe("The weather found"), time: z.string().describe("The local time found") });

// first in the file: the warnings are once per name, so nothing may have warned before it
describe("an agent run never warns", () => {
  it("createAgent with tools: invoke, stream, a structured response by each strategy, streamEvents, a tool calling the model with its config", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o" });
    const getWeather = tool(async ({ location }) => `Sunny in ${location}`, {
      name: "get_weather",
      description: "Get the current weather in a given location",
      schema: z.object({ location: z.string().describe("The city, e.g. Paris") }),
    });
    // a tool that asks the model itself, passing on its config (ToolRunnableConfig: toolCall, LangGraph's runtime)
    const getTime = tool(
      async ({ city }, config) => {
        const answer = await model.invoke(`What time is it in ${city}?`, config);
        return `It is 09:30 in ${city} (${answer.text.length > 0 ? "asked" : "unknown"})`;
      },
      { name: "get_time", description: "Get the current local time in a city", schema: z.object({ city: z.string().describe("The city, e.g. Tokyo") }) }
    );
    for (const responseFormat of [undefined, Report, toolStrategy(Report), providerStrategy(Report)]) {
      const agent = createAgent({ model, tools: [getWeather, getTime], ...(responseFormat ? { responseFormat: responseFormat as typeof Report } : {}) });
      const result = (await agent.invoke(QUESTION)) as { structuredResponse?: unknown };
      if (responseFormat) expect(result.structuredResponse).toMatchObject({ weather: "Sunny in Paris" });
      let tokens = 0;
      for await (const [mode, chunk] of await agent.stream(QUESTION, { streamMode: ["messages", "values", "updates"] })) {
        if (mode === "messages" && (chunk as unknown as [unknown])[0] instanceof AIMessageChunk) tokens++;
      }
      expect(tokens).toBeGreaterThan(0);
    }
    const agent = createAgent({ model, tools: [getWeather, getTime] });
    let events = 0;
    for await (const _event of agent.streamEvents(QUESTION, { version: "v2" })) events++;
    expect(events).toBeGreaterThan(10);
    for await (const _event of model.streamEvents("hi", { version: "v2" })) events++;
    await model.withStructuredOutput(Report, { method: "jsonSchema" }).invoke("Weather in Paris, time in Tokyo");
    await model.batch(["hi", "hello"]);
    expect(emulator.current.chatRequests().length).toBeGreaterThan(20);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("the constructor", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["a typo", { temprature: 0 }, 'ChatOpenRouter has no constructor option "temprature"; did you mean "temperature"?'],
    ["a Python-style name", { max_tokens: 10 }, 'no constructor option "max_tokens"; did you mean "maxTokens"?'],
    ["Google's name for maxTokens", { maxOutputTokens: 10 }, 'no constructor option "maxOutputTokens"; did you mean "maxTokens"?'],
    ["ChatOpenAI's configuration", { configuration: { baseURL: "http://x" } }, 'did you mean "baseURL", "defaultHeaders" or "fetch"'],
    ["something else entirely", { banana: true }, 'ChatOpenRouter has no constructor option "banana". A request body field this package does not know goes in modelKwargs: { banana: … }.'],
    ["a call option", { tools: [] }, '"tools" is a call option: use model.bindTools'],
  ])("throws a TypeError for %s, naming it and the fix, before any request", (_label, fields, message) => {
    const construct = () => new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURL, ...fields } as ChatOpenRouterFields);
    expect(construct).toThrow(TypeError);
    expect(construct).toThrow(message);
    expect(emulator.current.chatRequests()).toHaveLength(0);
  });

  it("ignores an unknown option whose value is undefined (nothing is lost)", () => {
    expect(() => modelOn(emulator.current, { temprature: undefined } as Partial<ChatOpenRouterFields>)).not.toThrow();
  });

  it("takes every option name @langchain/openrouter 0.4.11 takes, without a warning", async () => {
    const model = new ChatOpenRouter({
      model: "openai/gpt-4o",
      apiKey: CANARY_API_KEY,
      baseURL: emulator.current.baseURL,
      temperature: 0,
      maxTokens: 10,
      topP: 1,
      topK: 1,
      frequencyPenalty: 0,
      presencePenalty: 0,
      repetitionPenalty: 1,
      minP: 0,
      topA: 0,
      seed: 1,
      stop: ["END"],
      logitBias: { "1": 1 },
      topLogprobs: 1,
      transforms: ["middle-out"],
      models: ["openai/gpt-4o"],
      route: "fallback",
      provider: { sort: "price" },
      plugins: [{ id: "web" }],
      sessionId: "s",
      trace: { trace_id: "t" },
      siteUrl: "https://myapp.com",
      siteName: "My App",
      appCategories: ["cli-agent"],
      user: "u",
      modelKwargs: {},
      streamUsage: true,
      verbose: false,
      callbacks: [],
      tags: ["t"],
      metadata: { m: 1 },
      cache: false,
      maxConcurrency: 2,
      maxRetries: 1,
      onFailedAttempt: () => undefined,
      disableStreaming: false,
      outputVersion: "v0",
    });
    await model.invoke("hi", {
      tools: [],
      response_format: { type: "text" },
      strict: false,
      prediction: { type: "content", content: "Hello" },
      user: "u2",
      signal: new AbortController().signal,
      transforms: [],
      trace: { trace_id: "t2" },
      sessionId: "s2",
    });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("a call", () => {
  it("warns once per unknown name, naming the option it resembles, and still sends the request without it", async () => {
    const model = modelOn(emulator.current);
    await model.invoke("hi", { temprature: 0.2 } as never);
    await model.invoke("hi", { temprature: 0.2 } as never);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      'ChatOpenRouter ignored the call option "temprature": it is not an option; did you mean "temperature"? A request body field this package does not know goes in modelKwargs: { temprature: … }.'
    );
    expect(lastChatBody(emulator.current)).not.toHaveProperty("temprature");
    expect(emulator.current.chatRequests()).toHaveLength(2);
    await model.invoke("hi", { top_p: 0.5 } as never);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]![0]).toMatch(/"top_p".*did you mean "topP"/);
  });

  it("warns for an option bound with withConfig or bindTools, and for one that cannot change per call", async () => {
    const model = modelOn(emulator.current);
    await model.withConfig({ frequency_penalty: 1 } as never).invoke("hi");
    expect(warn.mock.calls.at(-1)![0]).toMatch(/"frequency_penalty".*did you mean "frequencyPenalty"/);
    model.bindTools([], { paralel_tool_calls: false } as never);
    expect(warn.mock.calls.at(-1)![0]).toMatch(/"paralel_tool_calls".*did you mean "parallel_tool_calls"/);
    await model.invoke("hi", { baseURL: "http://elsewhere" } as never);
    expect(warn.mock.calls.at(-1)![0]).toBe(
      'ChatOpenRouter ignored the call option "baseURL": it cannot change per call; set it on the model (model.baseURL = …).'
    );
    expect(emulator.current.chatRequests()).toHaveLength(2);
  });
});

describe("the other clients name unknown options too", () => {
  it("OpenRouterEmbeddings, OpenRouterClient and OpenRouterRerank refuse an unknown constructor option, naming it", () => {
    expect(() => new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small", apiKey: "k", dimension: 256 } as never)).toThrow(
      /OpenRouterEmbeddings got unknown option "dimension"; known: model, dimensions,/
    );
    expect(() => new OpenRouterClient({ apiKey: "k", generationRetryDelay: [1] } as never)).toThrow(/OpenRouterClient got unknown option "generationRetryDelay"/);
    expect(() => new OpenRouterRerank({ model: "cohere/rerank-v3.5", apiKey: "k", top_n: 1 } as never)).toThrow(/OpenRouterRerank got unknown option "top_n"/);
  });

  it("their methods refuse an unknown call option before any request", async () => {
    const embeddings = new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small", apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1" });
    await expect(embeddings.embedQuery("hi", { inputType: "query" } as never)).rejects.toThrow(/embedQuery got unknown option "inputType"/);
    await expect(embeddings.embedWithUsage(["hi"], { timeout: 5 } as never)).rejects.toThrow(/embedDocuments got unknown option "timeout"/);
    const client = new OpenRouterClient({ apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1" });
    await expect(client.getCredits({ timeout: 5 } as never)).rejects.toThrow(/OpenRouterClient.getCredits got unknown option "timeout"; known: signal, maxRetries, headers/);
    await expect(client.listModels({ supported_parameters: ["tools"] } as never)).rejects.toThrow(/listModels got unknown option "supported_parameters"/);
    await expect(client.getGeneration("gen-1", { retryDelay: [1] } as never)).rejects.toThrow(/getGeneration got unknown option "retryDelay"/);
  });
});
