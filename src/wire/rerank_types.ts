// POST /rerank wire shapes (OpenRouter's API reference: CreateRerankRequest / CreateRerankResponseBody).
import type { OpenRouterProviderPreferences } from "./types.js";

/** `POST /rerank` request body. */
export interface OpenRouterRerankRequest {
  /** Rerank model slug, e.g. `"cohere/rerank-v3.5"`. */
  model: string;
  query: string;
  /** The texts to rank (this package sends strings). */
  documents: string[];
  /** Only the best `top_n` results come back. */
  top_n?: number;
  provider?: OpenRouterProviderPreferences;
  [key: string]: unknown;
}

/** One ranked document; `index` points into the request's `documents`. */
export interface OpenRouterRerankResult {
  index: number;
  relevance_score: number;
  /** The document as the provider echoes it: `{ text }` in OpenRouter's reference, a string by some providers. */
  document?: { text?: string; [key: string]: unknown } | string | null;
  [key: string]: unknown;
}

export interface OpenRouterRerankUsage {
  total_tokens?: number;
  /** Billing units of Cohere-style rerankers. */
  search_units?: number;
  /** USD. */
  cost?: number;
  [key: string]: unknown;
}

/** `POST /rerank` response: results sorted by relevance, best first. */
export interface OpenRouterRerankResponse {
  /** e.g. `gen-rerank-…`. */
  id?: string;
  model?: string;
  /** The provider that served the request, e.g. `"Cohere"`. */
  provider?: string;
  results: OpenRouterRerankResult[];
  usage?: OpenRouterRerankUsage | null;
  [key: string]: unknown;
}
