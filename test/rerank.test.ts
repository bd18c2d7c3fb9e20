// OpenRouterRerank through real HTTP to the emulator.
import { inspect } from "node:util";
import { Document } from "@langchain/core/documents";
import { BaseDocumentCompressor } from "@langchain/core/retrievers/document_compressors";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/server.js";
import {
  OpenRouterAuthError,
  OpenRouterBadRequestError,
  OpenRouterError,
  OpenRouterRateLimitError,
  OpenRouterRerank,
  type OpenRouterRerankFields,
} from "../src/index.js";
import { CANARY_API_KEY, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

function rerankerOn(server: Emulator, fields: Partial<OpenRouterRerankFields> & { scenario?: string } = {}): OpenRouterRerank {
  const { scenario, ...rest } = fields;
  return new OpenRouterRerank({
    model: "cohere/rerank-v3.5",
    apiKey: CANARY_API_KEY,
    baseURL: scenario === undefined ? server.baseURL : server.baseURLFor(scenario),
    ...rest,
  });
}

function rerankBodies(server: Emulator): Record<string, unknown>[] {
  return server.requests.filter((request) => request.path === "/api/v1/rerank").map((request) => request.body as Record<string, unknown>);
}

const QUERY = "capital city of France";
// the emulator scores the share of the query's 4 words a text holds
const TEXTS = [
  "Bananas are yellow.", // 0
  "Paris is the capital city of France.", // 1 → 1
  "Berlin is the capital of Germany.", // 2 → 0.5 (capital, of)
  "France exports wine.", // 3 → 0.25
  "Lyon is a city in France.", // 4 → 0.5 (city, france)
];
const DOCS = TEXTS.map((text, index) => new Document({ pageContent: text, metadata: { source: `doc-${index}` } }));

describe("OpenRouterRerank", () => {
  it("is a LangChain document compressor; compressDocuments reorders by score and keeps metadata", async () => {
    const reranker = rerankerOn(emulator.current);
    expect(reranker).toBeInstanceOf(BaseDocumentCompressor);
    const ranked = await reranker.compressDocuments(DOCS, QUERY);
    expect(ranked.map((doc) => doc.pageContent)).toEqual([TEXTS[1], TEXTS[2], TEXTS[4], TEXTS[3], TEXTS[0]]);
    expect(ranked.map((doc) => doc.metadata)).toEqual([
      { source: "doc-1", relevance_score: 1 },
      { source: "doc-2", relevance_score: 0.5 },
      { source: "doc-4", relevance_score: 0.5 },
      { source: "doc-3", relevance_score: 0.25 },
      { source: "doc-0", relevance_score: 0 },
    ]);
    // the caller's documents are not changed
    expect(DOCS[1]?.metadata).toEqual({ source: "doc-1" });
    expect(rerankBodies(emulator.current)).toEqual([{ model: "cohere/rerank-v3.5", query: QUERY, documents: TEXTS }]);
    expect(emulator.current.lastRequest()?.headers["authorization"]).toBe(`Bearer ${CANARY_API_KEY}`);
  });

  it("topN cuts the list and is sent as top_n; a call's topN overrides it", async () => {
    const ranked = await rerankerOn(emulator.current, { topN: 2, provider: { order: ["cohere"] } }).compressDocuments(DOCS, QUERY);
    expect(ranked.map((doc) => doc.metadata["source"])).toEqual(["doc-1", "doc-2"]);
    expect(rerankBodies(emulator.current)[0]).toEqual({ model: "cohere/rerank-v3.5", query: QUERY, documents: TEXTS, top_n: 2, provider: { order: ["cohere"] } });
    const { results } = await rerankerOn(emulator.current, { topN: 2 }).rerank(QUERY, TEXTS, { topN: 1 });
    expect(results).toEqual([{ index: 1, relevanceScore: 1, document: TEXTS[1] }]);
  });

  it("splits long lists into batches, maps indices back and sorts globally", async () => {
    const reranker = rerankerOn(emulator.current, { batchSize: 2, maxConcurrency: 1, topN: 3 });
    const result = await reranker.rerank(QUERY, TEXTS);
    const bodies = rerankBodies(emulator.current);
    expect(bodies.map((body) => body["documents"])).toEqual([TEXTS.slice(0, 2), TEXTS.slice(2, 4), TEXTS.slice(4)]);
    expect(bodies.map((body) => body["top_n"])).toEqual([2, 2, 1]);
    expect(result.results.map((ranking) => ranking.index)).toEqual([1, 2, 4]);
    expect(result.raw).toHaveLength(3);
    expect(result.usage).toMatchObject({ search_units: 3, cost: expect.closeTo(0.006, 12) });
    expect(result.model).toBe("cohere/rerank-v3.5");
    emulator.current.reset();
    // the same order as one request
    const whole = await rerankerOn(emulator.current, { topN: 3 }).rerank(QUERY, TEXTS);
    expect(whole.results).toEqual(result.results);
  });

  it("rerank reports usage with tokens, search units and cost", async () => {
    const { usage, raw } = await rerankerOn(emulator.current).rerank(QUERY, TEXTS);
    expect(usage).toEqual({ total_tokens: expect.any(Number), search_units: 1, cost: 0.002 });
    expect(raw[0]?.provider).toBe("Emulator");
    expect(raw[0]?.results[0]?.document).toEqual({ text: TEXTS[1] });
  });

  it("an empty list sends nothing", async () => {
    expect(await rerankerOn(emulator.current).compressDocuments([], QUERY)).toEqual([]);
    expect(await rerankerOn(emulator.current).rerank(QUERY, [])).toEqual({ results: [], usage: {}, raw: [] });
    expect(emulator.current.requests).toHaveLength(0);
  });
});

describe("OpenRouterRerank options", () => {
  it("names unknown and bad options in a TypeError", () => {
    expect(() => rerankerOn(emulator.current, { top_n: 2 } as never)).toThrow(/OpenRouterRerank got unknown option "top_n"; known: model, /);
    expect(() => rerankerOn(emulator.current, { topN: 0 })).toThrow(TypeError);
    expect(() => rerankerOn(emulator.current, { batchSize: 1.5 })).toThrow(/"batchSize" must be an integer ≥ 1/);
    expect(() => new OpenRouterRerank({} as never)).toThrow(/needs a model/);
  });

  it("names unknown call options", async () => {
    await expect(rerankerOn(emulator.current).rerank(QUERY, TEXTS, { top_n: 1 } as never)).rejects.toThrow(/OpenRouterRerank.rerank got unknown option "top_n"/);
  });

  it("never shows the key", () => {
    const reranker = rerankerOn(emulator.current);
    expect(JSON.stringify(reranker)).not.toContain(CANARY_API_KEY);
    expect(inspect(reranker, { depth: 10 })).not.toContain(CANARY_API_KEY);
  });
});

describe("OpenRouterRerank errors", () => {
  it("401 is an OpenRouterAuthError", async () => {
    const error = await rerankerOn(emulator.current, { scenario: "status:401" }).rerank(QUERY, TEXTS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterAuthError);
  });

  it("a bad request is an OpenRouterBadRequestError from the emulator's envelope", async () => {
    const error = await rerankerOn(emulator.current).rerank("", TEXTS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterBadRequestError);
    expect((error as Error).message).toContain("query is required");
  });

  it("retries a 429 with Retry-After", async () => {
    const { results } = await rerankerOn(emulator.current, { scenario: "flaky:2:retry-after:0" }).rerank(QUERY, TEXTS);
    expect(results[0]?.index).toBe(1);
    expect(rerankBodies(emulator.current)).toHaveLength(3);
  });

  it("a 429 past its retries is an OpenRouterRateLimitError", async () => {
    const error = await rerankerOn(emulator.current, { scenario: "status:429", maxRetries: 0 }).rerank(QUERY, TEXTS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterRateLimitError);
  });

  it("the key never appears in an error", async () => {
    for (const scenario of ["status:401", "status:400", "status:500", "html"]) {
      const error = await rerankerOn(emulator.current, { scenario, maxRetries: 0 }).rerank(QUERY, TEXTS).catch((caught: unknown) => caught);
      expect(OpenRouterError.isInstance(error)).toBe(true);
      const shown = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })} ${(error as Error).stack}`;
      expect(shown).not.toContain(CANARY_API_KEY);
    }
  });
});
