// Public options of OpenRouterEmbeddings.
import type { OpenRouterConnectionOptions } from "../wire/connection.js";
import type { OpenRouterEmbeddingsUsage } from "../wire/platform_types.js";
import type { OpenRouterProviderPreferences } from "../wire/types.js";

/** Constructor options of {@link OpenRouterEmbeddings}. */
export interface OpenRouterEmbeddingsFields extends OpenRouterConnectionOptions {
  /** Embedding model slug, e.g. `"openai/text-embedding-3-small"`. Required. */
  model: string;
  /** Output vector length, for models that can shorten their vectors (`dimensions`). @default the model's */
  dimensions?: number;
  /** Wire encoding: `"base64"` is smaller on the wire and decoded to numbers here (`encoding_format`). @default the provider's ("float") */
  encodingFormat?: "float" | "base64";
  /**
   * Input type of every request, for models that embed queries and documents differently (`input_type`);
   * `queryInputType` and `documentInputType` take precedence for their kind.
   */
  inputType?: string;
  /** `input_type` sent by `embedQuery`, e.g. `"search_query"` (Cohere) or `"query"` (Voyage). @default inputType */
  queryInputType?: string;
  /** `input_type` sent by `embedDocuments`, `embedWithUsage` and `embedContent`, e.g. `"search_document"` or `"document"`. @default inputType */
  documentInputType?: string;
  /** Provider routing preferences: order, only, ignore, sort, data_collection, max_price… */
  provider?: OpenRouterProviderPreferences;
  /** Stable id of your end user, for abuse isolation. */
  user?: string;
  /** Most texts per request; `embedDocuments` splits larger lists. @default 100 */
  batchSize?: number;
  /** Most requests in flight at once when a list spans several batches. @default 4 */
  maxConcurrency?: number;
}

/** Per-call options of `embedDocuments`, `embedQuery` and `embedWithUsage`. */
export interface OpenRouterEmbeddingsCallOptions {
  /** Aborts the call, including its retries. */
  signal?: AbortSignal;
}

/** Per-call options of `embedContent`. */
export interface OpenRouterEmbedContentOptions extends OpenRouterEmbeddingsCallOptions {
  /** `input_type` of this call. @default documentInputType ?? inputType */
  inputType?: string;
}

/** Vectors with what they cost. */
export interface OpenRouterEmbeddingsResult {
  /** One vector per input text, in input order. */
  embeddings: number[][];
  /** Usage summed over every request (tokens, and `cost` in USD when OpenRouter reports it). */
  usage: OpenRouterEmbeddingsUsage;
  /** The model that served the (first) request, as OpenRouter names it. */
  model?: string;
}
