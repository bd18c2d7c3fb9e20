import { describe, expect, it } from "vitest";
import { OpenRouterError } from "../wire/errors.js";
import { addRerankUsage, fromWireRerank, sortRankings } from "./from_wire_rerank.js";

const TEXTS = ["a", "b", "c", "d"];

describe("fromWireRerank", () => {
  it("maps a batch's indices back into the whole list and takes the caller's text", () => {
    const rankings = fromWireRerank(
      [
        { index: 1, relevance_score: 0.9, document: { text: "echo" }, extra: true },
        { index: 0, relevance_score: 0.2 },
      ],
      TEXTS,
      2,
      2
    );
    expect(rankings).toEqual([
      { index: 3, relevanceScore: 0.9, document: "d" },
      { index: 2, relevanceScore: 0.2, document: "c" },
    ]);
  });

  it("accepts fewer results than documents (top_n) and an absent list", () => {
    expect(fromWireRerank([{ index: 2, relevance_score: 1 }], TEXTS, 0, 4)).toHaveLength(1);
    expect(fromWireRerank(undefined, TEXTS, 0, 4)).toEqual([]);
  });

  it("refuses an index outside the batch, a repeated index or a missing score", () => {
    expect(() => fromWireRerank([{ index: 2, relevance_score: 1 }], TEXTS, 0, 2)).toThrow(OpenRouterError);
    expect(() => fromWireRerank([{ index: 0, relevance_score: 1 }, { index: 0, relevance_score: 0.5 }], TEXTS, 0, 2)).toThrow(/index 0/);
    expect(() => fromWireRerank([{ index: 0 } as never], TEXTS, 0, 2)).toThrow(/relevance_score/);
  });
});

describe("sortRankings and addRerankUsage", () => {
  it("sorts best first, equal scores by index", () => {
    const sorted = sortRankings([
      { index: 3, relevanceScore: 0.5, document: "d" },
      { index: 1, relevanceScore: 0.5, document: "b" },
      { index: 0, relevanceScore: 0.9, document: "a" },
    ]);
    expect(sorted.map((ranking) => ranking.index)).toEqual([0, 1, 3]);
  });

  it("sums tokens, search units and cost; ignores null usage", () => {
    const total = {};
    addRerankUsage(total, { total_tokens: 10, search_units: 1, cost: 0.002 });
    addRerankUsage(total, null);
    addRerankUsage(total, { search_units: 1, cost: 0.002, note: "x" });
    expect(total).toEqual({ total_tokens: 10, search_units: 2, cost: 0.004 });
  });
});
