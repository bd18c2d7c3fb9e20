// Public options of OpenRouterClient and of each of its calls.
import type { OpenRouterConnectionOptions } from "../wire/connection.js";

/** Constructor options of {@link OpenRouterClient}. */
export interface OpenRouterClientFields extends OpenRouterConnectionOptions {
  /** OpenRouter API key; `listModels` and `getModelEndpoints` also work without one. @default process.env.OPENROUTER_API_KEY, read once at construction */
  apiKey?: string;
  /**
   * Milliseconds to wait before each new try of `getGeneration` while OpenRouter still answers 404
   * (its stats appear shortly after a generation completes); `[]` tries once.
   * @default [300, 600, 900, 1200] (5 tries over about 3 s)
   */
  generationRetryDelays?: number[];
}

/** Options every client call accepts. */
export interface OpenRouterCallOptions {
  /** Aborts the call, including its retries and waits. */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** Retries for this call (see {@link OpenRouterClientFields.maxRetries}). */
  maxRetries?: number;
}

/** Filters of `listModels`, sent as `GET /models` query parameters. */
export interface ListModelsOptions extends OpenRouterCallOptions {
  /** A use-case category, e.g. `"programming"` or `"roleplay"` (`category`). */
  category?: string;
  /** Only models supporting all of these request parameters, e.g. `["tools", "response_format"]` (`supported_parameters`). */
  supportedParameters?: string[];
  /** Output modalities, e.g. `["embeddings"]` or `["all"]` (`output_modalities`). @default OpenRouter's: ["text"] */
  outputModalities?: string[];
  /** Only models taking all of these inputs, e.g. `["image"]` (`input_modalities`). */
  inputModalities?: string[];
  /** Only models serving every one of these request paths, e.g. `["/api/v1/embeddings"]` (`endpoints`); an unknown path is a 400. */
  endpoints?: string[];
  /**
   * Server-side order (`sort`), e.g. `"pricing-low-to-high"`, `"pricing-high-to-low"`, `"context-high-to-low"`,
   * `"throughput-high-to-low"`, `"latency-low-to-high"`, `"most-popular"`, `"top-weekly"`, `"newest"`.
   */
  sort?: OpenRouterModelSort;
  /** Records to skip (`offset`). */
  offset?: number;
  /** Most records to return (`limit`; OpenRouter caps it at 1000). */
  limit?: number;
}

/** Orders OpenRouter documents for `sort`; open, as OpenRouter adds orders. */
export type OpenRouterModelSort =
  | "pricing-low-to-high"
  | "pricing-high-to-low"
  | "context-high-to-low"
  | "throughput-high-to-low"
  | "latency-low-to-high"
  | "most-popular"
  | "top-weekly"
  | "newest"
  | (string & {});

/** Options of `getGeneration`. */
export interface GetGenerationOptions extends OpenRouterCallOptions {
  /** Waits between tries while OpenRouter answers 404, for this call (see {@link OpenRouterClientFields.generationRetryDelays}). */
  retryDelays?: number[];
}
