// OpenRouterEmbeddings through real HTTP to the emulator.
import { inspect } from "node:util";
import { Embeddings } from "@langchain/core/embeddings";
import { cosineSimilarity } from "@langchain/core/utils/math";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/server.js";
import {
  OpenRouterAuthError,
  OpenRouterBadRequestError,
  OpenRouterEmbeddings,
  type OpenRouterEmbeddingsFields,
  OpenRouterError,
  OpenRouterInsufficientCreditsError,
  OpenRouterNotFoundError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
} from "../src/index.js";
import { CANARY_API_KEY, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

function embeddingsOn(
  server: Emulator,
  fields: Partial<OpenRouterEmbeddingsFields> & { scenario?: string } = {}
): OpenRouterEmbeddings {
  const { scenario, ...rest } = fields;
  return new OpenRouterEmbeddings({
    model: "openai/text-embedding-3-small",
    apiKey: CANARY_API_KEY,
    baseURL: scenario === undefined ? server.baseURL : server.baseURLFor(scenario),
    ...rest,
  });
}

function embeddingBodies(server: Emulator): Record<string, unknown>[] {
  return server.requests
    .filter((request) => request.path === "/api/v1/embeddings")
    .map((request) => request.body as Record<string, unknown>);
}

const DOCS = [
  "I love programming in TypeScript.",
  "I love programming in Python.",
  "The weather in Paris is rainy today.",
  "OpenRouter routes requests to many providers.",
  "Bananas are yellow.",
];

describe("OpenRouterEmbeddings", () => {
  it("is a LangChain Embeddings; embedQuery sends the model and one input", async () => {
    const embeddings = embeddingsOn(emulator.current);
    expect(embeddings).toBeInstanceOf(Embeddings);
    const vector = await embeddings.embedQuery("What is OpenRouter?");
    expect(vector).toHaveLength(1536);
    expect(embeddingBodies(emulator.current)).toEqual([{ model: "openai/text-embedding-3-small", input: ["What is OpenRouter?"] }]);
    expect(emulator.current.lastRequest()?.headers["authorization"]).toBe(`Bearer ${CANARY_API_KEY}`);
  });

  it("embedDocuments keeps input order even when OpenRouter returns data out of order", async () => {
    const inOrder = await embeddingsOn(emulator.current).embedDocuments(DOCS);
    const shuffled = await embeddingsOn(emulator.current, { scenario: "out-of-order" }).embedDocuments(DOCS);
    expect(shuffled).toEqual(inOrder);
    for (const [index, text] of DOCS.entries()) {
      expect(inOrder[index]).toEqual(await embeddingsOn(emulator.current).embedQuery(text));
    }
    // related sentences are closer than unrelated ones (the emulator hashes words)
    const [similarity] = cosineSimilarity([inOrder[0] as number[]], [inOrder[1] as number[], inOrder[2] as number[]]);
    expect(similarity?.[0]).toBeGreaterThan(similarity?.[1] ?? 1);
  });

  it("splits long lists into batches of batchSize and joins them in order", async () => {
    const batched = await embeddingsOn(emulator.current, { batchSize: 2, maxConcurrency: 2, scenario: "out-of-order" }).embedDocuments(DOCS);
    expect(embeddingBodies(emulator.current).map((body) => body["input"])).toEqual([DOCS.slice(0, 2), DOCS.slice(2, 4), DOCS.slice(4)]);
    emulator.current.reset();
    expect(batched).toEqual(await embeddingsOn(emulator.current).embedDocuments(DOCS));
  });

  it("sends dimensions, encoding format, input type, provider routing and user", async () => {
    const embeddings = embeddingsOn(emulator.current, {
      dimensions: 256,
      encodingFormat: "base64",
      inputType: "search_document",
      provider: { order: ["openai"], allow_fallbacks: false },
      user: "user-1",
    });
    const [vector] = await embeddings.embedDocuments(["hello world"]);
    expect(embeddingBodies(emulator.current)[0]).toEqual({
      model: "openai/text-embedding-3-small",
      input: ["hello world"],
      dimensions: 256,
      encoding_format: "base64",
      input_type: "search_document",
      provider: { order: ["openai"], allow_fallbacks: false },
      user: "user-1",
    });
    expect(vector).toHaveLength(256);
    // base64 carries float32: the decoded vector is the float vector at float32 precision
    const floats = await embeddingsOn(emulator.current, { dimensions: 256 }).embedQuery("hello world");
    expect(vector).toEqual(floats.map((value) => Math.fround(value)));
  });

  it("embedWithUsage reports tokens and cost summed over every batch", async () => {
    const result = await embeddingsOn(emulator.current, { batchSize: 2 }).embedWithUsage(DOCS);
    expect(result.embeddings).toHaveLength(5);
    expect(result.model).toBe("openai/text-embedding-3-small");
    const tokens = DOCS.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
    expect(result.usage).toEqual({ prompt_tokens: tokens, total_tokens: tokens, cost: expect.closeTo(tokens * 0.00000002, 12) });
  });

  it("an empty list sends nothing", async () => {
    expect(await embeddingsOn(emulator.current).embedDocuments([])).toEqual([]);
    expect(emulator.current.requests).toHaveLength(0);
  });
});

describe("OpenRouterEmbeddings errors", () => {
  it("retries 429 with Retry-After (the transport's one retry layer)", async () => {
    const vector = await embeddingsOn(emulator.current, { scenario: "flaky:2:retry-after:0" }).embedQuery("hi");
    expect(vector).toHaveLength(1536);
    expect(embeddingBodies(emulator.current)).toHaveLength(3);
  });

  const CASES: [scenario: string, expected: new (...args: never[]) => OpenRouterError][] = [
    ["status:401", OpenRouterAuthError],
    ["status:402", OpenRouterInsufficientCreditsError],
    ["status:429", OpenRouterRateLimitError],
    ["status:503", OpenRouterProviderError],
    ["error-in-200", OpenRouterProviderError],
    ["reset-mid-body", OpenRouterError],
  ];
  for (const [scenario, expected] of CASES) {
    it(`${scenario} → ${expected.name}, without the key`, async () => {
      const error = await embeddingsOn(emulator.current, { scenario, maxRetries: 0 })
        .embedDocuments(["hi"])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(expected);
      expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(CANARY_API_KEY);
      expect(JSON.stringify(error)).not.toContain(CANARY_API_KEY);
    });
  }

  it("a failed batch stops the batches not yet sent", async () => {
    const embeddings = embeddingsOn(emulator.current, { scenario: "flaky:1:status:400", batchSize: 1, maxConcurrency: 1 });
    await expect(embeddings.embedDocuments(DOCS)).rejects.toBeInstanceOf(OpenRouterBadRequestError);
    expect(embeddingBodies(emulator.current)).toHaveLength(1);
  });

  it("an aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(embeddingsOn(emulator.current).embedQuery("hi", { signal: controller.signal })).rejects.toThrow("stop");
    expect(emulator.current.requests).toHaveLength(0);
  });

  it("bad options and inputs are TypeErrors before any request; a missing key is an OpenRouterAuthError", async () => {
    expect(() => new OpenRouterEmbeddings({} as OpenRouterEmbeddingsFields)).toThrow(/needs a model/);
    expect(() => embeddingsOn(emulator.current, { batchSize: 0 })).toThrow(/"batchSize" must be an integer ≥ 1/);
    expect(() => embeddingsOn(emulator.current, { encodingFormat: "int8" as "float" })).toThrow(/"float" or "base64"/);
    expect(() => embeddingsOn(emulator.current, { apiKey: "" })).toThrow(OpenRouterAuthError);
    await expect(embeddingsOn(emulator.current).embedDocuments("hi" as unknown as string[])).rejects.toBeInstanceOf(TypeError);
    expect(emulator.current.requests).toHaveLength(0);
  });

  it("the key is not reachable through the embeddings object", () => {
    const embeddings = embeddingsOn(emulator.current);
    expect(inspect(embeddings, { depth: 10, showHidden: true })).not.toContain(CANARY_API_KEY);
    expect(JSON.stringify(embeddings)).not.toContain(CANARY_API_KEY);
  });
});

describe("query and document input types, multimodal content", () => {
  it("embedQuery sends queryInputType, embedDocuments documentInputType; inputType stays the fallback of both", async () => {
    const embeddings = embeddingsOn(emulator.current, { model: "cohere/embed-v4.0", queryInputType: "search_query", documentInputType: "search_document" });
    await embeddings.embedQuery("what is a guitar?");
    await embeddings.embedDocuments(["a guitar is an instrument"]);
    await embeddingsOn(emulator.current, { inputType: "classification", queryInputType: "search_query" }).embedDocuments(["x"]);
    await embeddingsOn(emulator.current, { inputType: "classification" }).embedQuery("x");
    expect(embeddingBodies(emulator.current).map((body) => body["input_type"])).toEqual([
      "search_query",
      "search_document",
      "classification",
      "classification",
    ]);
    expect(() => embeddingsOn(emulator.current, { queryInputType: 1 as unknown as string })).toThrow(/"queryInputType" must be a string/);
  });

  it("embedContent sends text-with-image inputs as { content: parts } and returns one vector each, deterministically", async () => {
    const embeddings = embeddingsOn(emulator.current, { model: "cohere/embed-v4.0", documentInputType: "image" });
    const inputs = [
      [
        { type: "text" as const, text: "a red guitar" },
        { type: "image_url" as const, image_url: { url: "https://example.com/guitar.png" } },
      ],
      [{ type: "image_url" as const, image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }],
    ];
    const first = await embeddings.embedContent(inputs);
    const again = await embeddings.embedContent(inputs, { inputType: "search_document" });
    expect(first.embeddings).toHaveLength(2);
    expect(first.embeddings[0]).toHaveLength(1536);
    expect(again.embeddings).toEqual(first.embeddings);
    expect(first.embeddings[0]).not.toEqual(first.embeddings[1]);
    expect(first.usage.total_tokens).toBeGreaterThan(0);
    expect(embeddingBodies(emulator.current)).toEqual([
      { model: "cohere/embed-v4.0", input: inputs.map((content) => ({ content })), input_type: "image" },
      { model: "cohere/embed-v4.0", input: inputs.map((content) => ({ content })), input_type: "search_document" },
    ]);
  });

  it("embedContent rejects malformed parts before any request; the emulator answers a malformed content input 400", async () => {
    const embeddings = embeddingsOn(emulator.current);
    await expect(embeddings.embedContent([[{ type: "video", url: "x" } as never]])).rejects.toThrow(/embedContent needs an array of inputs/);
    await expect(embeddings.embedContent([[]])).rejects.toBeInstanceOf(TypeError);
    expect(emulator.current.requests).toHaveLength(0);
    const response = await fetch(`${emulator.current.baseURL}/embeddings`, {
      method: "POST",
      headers: { authorization: `Bearer ${CANARY_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "cohere/embed-v4.0", input: [{ content: [{ type: "audio" }] }] }),
    });
    expect(response.status).toBe(400);
  });

  it("embedContent errors are typed: 401 is an OpenRouterAuthError, 404 an OpenRouterNotFoundError", async () => {
    const parts = [[{ type: "text" as const, text: "hi" }]];
    await expect(embeddingsOn(emulator.current, { apiKey: "sk-or-v1-invalid" }).embedContent(parts)).rejects.toBeInstanceOf(OpenRouterAuthError);
    await expect(embeddingsOn(emulator.current, { scenario: "status:404", maxRetries: 0 }).embedContent(parts)).rejects.toBeInstanceOf(OpenRouterNotFoundError);
  });
});
