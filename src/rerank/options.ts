// Public options of OpenRouterRerank.
import type { OpenRouterConnectionOptions } from "../wire/connection.js";
import type { OpenRouterRerankResponse, OpenRouterRerankUsage } from "../wire/rerank_types.js";
import type { OpenRouterProviderPreferences } from "../wire/types.js";

/** Constructor options of {@link OpenRouterRerank}. */
export interface OpenRouterRerankFields extends OpenRouterConnectionOptions {
  /** Rerank model slug, e.g. `"cohere/rerank-v3.5"`. Required. */
  model: string;
  /** Keep only the best `topN` documents (sent as `top_n`). @default all */
  topN?: number;
  /** Provider routing preferences: order, only, ignore, sort, data_collection, max_price… */
  provider?: OpenRouterProviderPreferences;
  /** Most documents per request; longer lists are split and their scores merged. @default 100 */
  batchSize?: number;
  /** Most requests in flight at once when a list spans several batches. @default 4 */
  maxConcurrency?: number;
}

/** Per-call options of `rerank`. */
export interface OpenRouterRerankCallOptions {
  /** Keep only the best `topN` results; overrides the constructor's. */
  topN?: number;
  /** Aborts the call, including its retries. */
  signal?: AbortSignal;
}

/** One ranked text. */
export interface OpenRouterRerankRanking {
  /** Position of the text in the list given to `rerank`. */
  index: number;
  relevanceScore: number;
  /** The text itself (the caller's, not the provider's echo). */
  document: string;
}

/** Rankings with what they cost. */
export interface OpenRouterRerankResult {
  /** Best first, across every batch; cut to `topN` when set. */
  results: OpenRouterRerankRanking[];
  /** Usage summed over every request (`total_tokens`, `search_units`, `cost` in USD when reported). */
  usage: OpenRouterRerankUsage;
  /** The model that served the (first) request, as OpenRouter names it. */
  model?: string;
  /** Every response body, one per batch, in batch order. */
  raw: OpenRouterRerankResponse[];
}
