// The README's own examples beyond the docs page (content blocks, server tools, load(), the Responses API,
// the platform clients, reranking), with their code
// unchanged; as in docs_examples.test.ts only the environment points them at the emulator.
import { readFileSync } from "node:fs";
import { Document } from "@langchain/core/documents";
import { load } from "@langchain/core/load";
import { tool } from "@langchain/core/tools";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ChatOpenRouter, OpenRouterClient, OpenRouterEmbeddings, OpenRouterRerank, openRouterImportMap, serverTools } from "../src/index.js";
import { CANARY_API_KEY, lastChatBody, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();
let printed: unknown[][] = [];
let written = "";

beforeAll(() => {
  process.env["OPENROUTER_API_KEY"] = CANARY_API_KEY;
  process.env["OPENROUTER_BASE_URL"] = emulator.current.baseURL;
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args));
  vi.spyOn(process.stdout, "write").mockImplementation((text: string | Uint8Array) => {
    written += String(text);
    return true;
  });
});
afterAll(() => {
  vi.restoreAllMocks();
  delete process.env["OPENROUTER_API_KEY"];
  delete process.env["OPENROUTER_BASE_URL"];
});

describe("README examples", () => {
  it("Content-block streaming: streamEvents() (the README's code, line for line)", async () => {
    const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", temperature: 0, maxTokens: 1024 });

    // ---- README, "Content-block streaming: streamEvents()" (imports hoisted above) ----
    const stream = model.streamEvents("Write a short poem about the sea.");
    for await (const text of stream.text) process.stdout.write(text);
    const message = await stream; // the AIMessage, with invoke's id, response_metadata and usage_metadata

    const thinker = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", reasoning: { max_tokens: 1024 } });
    const thinking = thinker.streamEvents("Is 17 prime?");
    for await (const text of thinking.reasoning) process.stdout.write(text); // the reasoning, as it comes
    const answer = await thinking; // its reasoning block keeps reasoning_details for the next turn

    const getWeather = tool(async ({ city }) => `Sunny in ${city}`, {
      name: "get_weather",
      description: "Get the current weather in a city",
      schema: z.object({ city: z.string() }),
    });
    const asked = model.bindTools([getWeather]).streamEvents("What is the weather in Paris?");
    for await (const event of asked) console.log(event.event); // message-start, content-block-…, message-finish
    console.log(await asked.toolCalls);
    // ---- end ----
    const toolsSent = lastChatBody(emulator.current)["tools"];

    const poem = (await model.invoke("Write a short poem about the sea.")).text;
    const reasoning = (await thinker.invoke("Is 17 prime?")).additional_kwargs["reasoning"] as string;
    expect(written).toBe(poem + reasoning);
    expect(message.text).toBe(poem);
    expect(message.response_metadata["model_name"]).toMatch(/^anthropic\//);
    expect(answer.contentBlocks[0]).toMatchObject({ type: "reasoning", reasoning });
    const names = printed.slice(0, -1).map(([name]) => name);
    expect(names[0]).toBe("message-start");
    expect(names.at(-1)).toBe("message-finish");
    expect(names).toContain("content-block-delta");
    expect(printed.at(-1)).toEqual([[{ type: "tool_call", id: expect.stringMatching(/^call_/), name: "get_weather", args: { city: "Paris" } }]]);
    expect(toolsSent).toEqual([expect.objectContaining({ type: "function", function: expect.objectContaining({ name: "get_weather" }) })]);
  });

  it("Server tools (the README's code, line for line)", async () => {
    const getWeather = tool(async ({ city }) => `Sunny in ${city}`, {
      name: "get_weather",
      description: "Get the current weather in a city",
      schema: z.object({ city: z.string() }),
    });

    // ---- README, "Server tools" (imports hoisted above) ----
    const model = new ChatOpenRouter({ model: "openai/gpt-4.1-mini" }).bindTools([
      getWeather,                                           // a function tool: you run it
      serverTools.webSearch({ max_results: 3 }),            // openrouter:web_search → url citations
      serverTools.datetime({ timezone: "Europe/Paris" }),   // also webFetch, imageGeneration, advisor, fusion, subagent, searchModels
    ]);
    const answer = await model.invoke("What happened in Paris today?");
    console.log(answer.contentBlocks); // … { type: "server_tool_call", name: "openrouter:datetime", args }, { type: "server_tool_call_result", output } …
    // ---- end ----

    expect(lastChatBody(emulator.current)["tools"]).toEqual([
      expect.objectContaining({ type: "function" }),
      { type: "openrouter:web_search", parameters: { max_results: 3 } },
      { type: "openrouter:datetime", parameters: { timezone: "Europe/Paris" } },
    ]);
    const ran = answer.contentBlocks.filter((block) => block.type.startsWith("server_tool_call"));
    expect(ran).toEqual([
      expect.objectContaining({ type: "server_tool_call", name: "openrouter:datetime", args: {} }),
      expect.objectContaining({ type: "server_tool_call_result", status: "success", output: expect.objectContaining({ timezone: "Europe/Paris" }) }),
    ]);
    expect(answer.response_metadata["usage"]).toMatchObject({ server_tool_use_details: { web_search_requests: 1 } });
  });

  it("Saving and loading a model (the README's code, line for line)", async () => {
    printed = [];
    // ---- README, "Saving and loading" (imports hoisted above) ----
    const saved = JSON.stringify(new ChatOpenRouter({ model: "openai/gpt-4o-mini", temperature: 0 }));
    const model = await load<ChatOpenRouter>(saved, {
      importMap: openRouterImportMap,
      secretsMap: { OPENROUTER_API_KEY: process.env["OPENROUTER_API_KEY"] }, // the key is saved by name, never by value
    });
    console.log((await model.invoke("Say hello")).content);
    // ---- end ----

    expect(saved).not.toContain(CANARY_API_KEY);
    expect(model).toBeInstanceOf(ChatOpenRouter);
    expect(lastChatBody(emulator.current)).toMatchObject({ model: "openai/gpt-4o-mini", temperature: 0 });
    expect(printed).toEqual([[expect.stringMatching(/\S/)]]);
  });

  it("without secretsMap, load() names the missing secret, for a key from { apiKey } as from the environment", async () => {
    const saved = JSON.stringify(new ChatOpenRouter({ model: "openai/gpt-4o-mini", apiKey: CANARY_API_KEY }));
    expect(saved).not.toContain(CANARY_API_KEY);
    await expect(load(saved, { importMap: openRouterImportMap })).rejects.toThrow(/Missing secret "OPENROUTER_API_KEY"/);
    const fromEnvironment = JSON.stringify(new ChatOpenRouter({ model: "openai/gpt-4o-mini" }));
    expect(fromEnvironment).not.toContain(CANARY_API_KEY);
    await expect(load(fromEnvironment, { importMap: openRouterImportMap })).rejects.toThrow(/Missing secret "OPENROUTER_API_KEY"/);
    const model = await load<ChatOpenRouter>(saved, { importMap: openRouterImportMap, secretsMap: { OPENROUTER_API_KEY: CANARY_API_KEY } });
    await model.invoke("hi");
    expect(emulator.current.lastRequest()!.headers["authorization"]).toBe(`Bearer ${CANARY_API_KEY}`);
  });

  it("The Responses API (the README's code, line for line)", async () => {
    printed = [];
    // ---- README, "The Responses API" (imports hoisted above) ----
    const model = new ChatOpenRouter({ model: "openai/gpt-5-mini", useResponsesApi: true, reasoning: { effort: "low", summary: "auto" } });
    const first = await model.invoke("What is 2+2?");
    console.log(first.contentBlocks.map((block) => block.type)); // [ "reasoning", "text" ]
    // stateless: the whole conversation is sent again, the reasoning item with its encrypted content verbatim
    const second = await model.invoke([["human", "What is 2+2?"], first, ["human", "And 3+3?"]]);
    console.log(second.text);
    // ---- end ----

    expect(printed[0]).toEqual([["reasoning", "text"]]);
    expect(printed[1]).toEqual([expect.stringMatching(/\S/)]);
    const requests = emulator.current.requests.filter((request) => request.path.endsWith("/responses"));
    expect(requests).toHaveLength(2);
    const input = (requests[1]!.body as { input: { type: string; encrypted_content?: string }[] }).input;
    expect(input.map((item) => item.type)).toEqual(["message", "reasoning", "message", "message"]);
    expect(input[1]!.encrypted_content).toMatch(/^gAAAAA/);
  });

  it("Beyond chat (the README's code, line for line)", async () => {
    // ---- README, "Beyond chat" (imports hoisted above) ----
    const client = new OpenRouterClient(); // OPENROUTER_API_KEY; same options as ChatOpenRouter (baseURL, siteUrl, timeout, maxRetries…)
    const models = await client.listModels({ supportedParameters: ["tools"], sort: "pricing-low-to-high", limit: 20 }); // id, context_length, pricing…
    const mine = await client.listUserModels();                                 // the models this key may use (same filters)
    const model = await client.getModel("openai/gpt-4o-mini:free");             // one catalog entry; a variant (or ~alias) resolves to its model
    const providers = await client.listProviders();                             // name, slug, policy URLs
    const zdr = await client.listZdrEndpoints();                                // endpoints that retain no data
    const embeddingModels = await client.listEmbeddingModels();
    const { endpoints } = await client.getModelEndpoints("openai/gpt-4o");      // providers, pricing, quantization, uptime
    const answer = await new ChatOpenRouter({ model: "openai/gpt-4o" }).invoke("Hi");
    const generation = await client.getGeneration(answer.id!);                  // cost, provider, native tokens, latency
    const key = await client.getKeyInfo();                                      // limit, limit_remaining, usage, is_free_tier
    const credits = await client.getCredits();                                  // total_credits, total_usage (management key)
    const content = await client.getGenerationContent(answer.id!);              // stored input and output, when the account keeps them

    const embeddings = new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small", dimensions: 512 });
    const vectors = await embeddings.embedDocuments(["first", "second"]);       // batched (batchSize), order kept
    const { usage } = await embeddings.embedWithUsage(["third"]);               // tokens and cost

    const cohere = new OpenRouterEmbeddings({ model: "cohere/embed-v4.0", queryInputType: "search_query", documentInputType: "search_document" });
    const query = await cohere.embedQuery("a red guitar");                      // input_type: "search_query"
    const { embeddings: images } = await cohere.embedContent([                   // text with images, one vector per input
      [{ type: "text", text: "a red guitar" }, { type: "image_url", image_url: { url: "https://example.com/guitar.png" } }],
    ]);
    // ---- end ----

    expect(models.length).toBeGreaterThan(0);
    expect(mine.length).toBeGreaterThan(0);
    expect(model.id).toBe("openai/gpt-4o-mini");
    expect([providers, zdr, embeddingModels, endpoints].every((list) => Array.isArray(list) && list.length > 0)).toBe(true);
    expect(generation.id).toBe(answer.id);
    expect([key, credits, content].every((value) => typeof value === "object" && value !== null)).toBe(true);
    expect(vectors.map((vector) => vector.length)).toEqual([512, 512]);
    expect(usage).toMatchObject({ prompt_tokens: expect.any(Number) });
    expect(query.length).toBeGreaterThan(0);
    expect(images).toHaveLength(1);
  });

  it("Reranking (the README's code, line for line)", async () => {
    // ---- README, "Reranking" (imports hoisted above) ----
    const reranker = new OpenRouterRerank({ model: "cohere/rerank-v3.5", topN: 2 }); // same connection options as above
    const docs = [new Document({ pageContent: "Paris is the capital of France." }), new Document({ pageContent: "Bananas are yellow." })];
    const best = await reranker.compressDocuments(docs, "capital of France");   // best first, metadata.relevance_score added
    const { results, usage } = await reranker.rerank("capital of France", ["Paris…", "Berlin…"]); // [{ index, relevanceScore, document }], search_units, cost
    // ---- end ----

    expect(best[0]!.pageContent).toBe("Paris is the capital of France.");
    expect(best[0]!.metadata["relevance_score"]).toBeGreaterThan(best[1]!.metadata["relevance_score"] as number);
    expect(results).toHaveLength(2);
    expect(usage).toMatchObject({ search_units: 1 });
  });

  // each README block above, as the README has it: the code without its imports and blank lines
  it.each([
    ["Content-block streaming", /### Content-block streaming[\s\S]*?```ts\n([\s\S]*?)```/, 0],
    ["Server tools", /\*\*Server tools\*\*[\s\S]*?```ts\n([\s\S]*?)```/, 2],
    ["Saving and loading", /## Saving and loading[\s\S]*?```ts\n([\s\S]*?)```/, 0],
    ["The Responses API", /## The Responses API[\s\S]*?```ts\n([\s\S]*?)```/, 0],
    ["Beyond chat", /## Beyond chat[\s\S]*?```ts\n([\s\S]*?)```/, 0],
    ["Reranking", /### Reranking[\s\S]*?```ts\n([\s\S]*?)```/, 0],
  ] as const)("the README carries the %s code unchanged", (label, heading, indent) => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const source = readFileSync(new URL(import.meta.url), "utf8");
    const code = (heading.exec(readme)?.[1] ?? "")
      .split("\n")
      .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
      .filter((line) => line.trim() !== "" && !line.startsWith("import ") && !line.startsWith("// ["));
    expect(code.length).toBeGreaterThan(2);
    const tested = new RegExp(`README, "${label}[^\\n]*\\n([\\s\\S]*?)\\n\\s*// ---- end`).exec(source)?.[1] ?? "";
    expect(tested.split("\n").map((line) => line.replace(/^ {4}/, "")).filter((line) => line.trim() !== "")).toEqual(code);
  });
});
