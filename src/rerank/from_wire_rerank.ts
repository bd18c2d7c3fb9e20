// A /rerank response → rankings whose index points into the caller's whole list; batches merged.
import { OpenRouterError } from "../wire/errors.js";
import type { OpenRouterRerankResult, OpenRouterRerankUsage } from "../wire/rerank_types.js";
import type { OpenRouterRerankRanking } from "./options.js";

/**
 * The results of one batch that starts at `offset` in the caller's list of `texts`. Throws when a
 * result points outside the batch, repeats a document or has no numeric score, so a caller never
 * pairs a text with another's score.
 */
export function fromWireRerank(
  results: OpenRouterRerankResult[] | undefined,
  texts: readonly string[],
  offset: number,
  batchLength: number
): OpenRouterRerankRanking[] {
  const items = Array.isArray(results) ? results : [];
  const seen = new Set<number>();
  return items.map((item) => {
    const index = item?.index;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= batchLength || seen.has(index)) {
      throw new OpenRouterError(`OpenRouter sent a rerank result with index ${String(index)} for ${batchLength} document(s).`, { raw: { index } });
    }
    seen.add(index);
    const score = item.relevance_score;
    if (typeof score !== "number" || Number.isNaN(score)) {
      throw new OpenRouterError(`OpenRouter sent rerank result ${index} without a relevance_score.`, { raw: { index } });
    }
    return { index: offset + index, relevanceScore: score, document: texts[offset + index] as string };
  });
}

/** Best first; equal scores keep input order (lower index first). */
export function sortRankings(rankings: OpenRouterRerankRanking[]): OpenRouterRerankRanking[] {
  return rankings.sort((a, b) => b.relevanceScore - a.relevanceScore || a.index - b.index);
}

/** Adds one response's usage into `total` (numbers summed, unknown fields left out). */
export function addRerankUsage(total: OpenRouterRerankUsage, usage: OpenRouterRerankUsage | null | undefined): void {
  if (!usage) return;
  for (const key of ["total_tokens", "search_units", "cost"] as const) {
    const value = usage[key];
    if (typeof value === "number") total[key] = (total[key] ?? 0) + value;
  }
}
