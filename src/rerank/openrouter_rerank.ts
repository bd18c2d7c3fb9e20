import { Document, type DocumentInterface } from "@langchain/core/documents";
import { BaseDocumentCompressor } from "@langchain/core/retrievers/document_compressors";
import { getEnvironmentVariable } from "@langchain/core/utils/env";
import { runBatches } from "../wire/run_batches.js";
import { CONNECTION_OPTION_NAMES, createConnection, missingKeyError, type OpenRouterConnectionOptions } from "../wire/connection.js";
import { type Checks, checkOptions, integer, modelSlug, object, refuseUnknownOptions } from "../wire/option_checks.js";
import type { OpenRouterRerankRequest, OpenRouterRerankResponse, OpenRouterRerankUsage } from "../wire/rerank_types.js";
import { type OpenRouterConnection, requestJson } from "../wire/send_request.js";
import type { OpenRouterProviderPreferences } from "../wire/types.js";
import { addRerankUsage, fromWireRerank, sortRankings } from "./from_wire_rerank.js";
import type { OpenRouterRerankCallOptions, OpenRouterRerankFields, OpenRouterRerankRanking, OpenRouterRerankResult } from "./options.js";

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_MAX_CONCURRENCY = 4;

const positiveInteger = integer(1);
const CHECKS: Checks<Omit<OpenRouterRerankFields, keyof OpenRouterConnectionOptions>> = {
  model: modelSlug("cohere/rerank-v3.5"),
  topN: positiveInteger,
  provider: object,
  batchSize: positiveInteger,
  maxConcurrency: (value) => (value === Infinity ? undefined : positiveInteger(value)),
};
const CALL_CHECKS: Checks<Omit<OpenRouterRerankCallOptions, "signal">> = { topN: positiveInteger };
const KNOWN_FIELDS = new Set<string>([...Object.keys(CHECKS), ...CONNECTION_OPTION_NAMES]);
const KNOWN_CALL_OPTIONS = new Set<string>([...Object.keys(CALL_CHECKS), "signal"]);

/**
 * Rerank models on OpenRouter (`POST /rerank`: Cohere, Jina, NVIDIA…) as a LangChain document
 * compressor: `compressDocuments` reorders documents by relevance to the query.
 *
 * ```ts
 * const reranker = new OpenRouterRerank({ model: "cohere/rerank-v3.5", topN: 3 });
 * const best = await reranker.compressDocuments(docs, "What is the capital of France?");
 * const { results, usage } = await reranker.rerank("capital of France", ["Paris…", "Berlin…"]);
 * ```
 */
export class OpenRouterRerank extends BaseDocumentCompressor {
  /** The rerank model slug. */
  model: string;
  topN?: number;
  provider?: OpenRouterProviderPreferences;
  batchSize: number;
  maxConcurrency: number;
  /** The API base URL requests go to. */
  readonly baseURL: string;
  // private (#) so that neither JSON.stringify nor util.inspect reach the key
  readonly #connection: OpenRouterConnection;

  constructor(fields: OpenRouterRerankFields) {
    if (typeof fields !== "object" || fields === null || fields.model === undefined) {
      throw new TypeError('OpenRouterRerank needs a model: new OpenRouterRerank({ model: "cohere/rerank-v3.5" }). See https://openrouter.ai/models?output_modalities=rerank.');
    }
    refuseUnknownOptions(fields, KNOWN_FIELDS, "OpenRouterRerank");
    checkOptions(fields, CHECKS, "OpenRouterRerank option");
    super();
    // createConnection checks the connection's options and names any option nobody knows
    this.#connection = createConnection(fields, getEnvironmentVariable, "OpenRouterRerank");
    if (!this.#connection.apiKey) {
      throw missingKeyError("OpenRouterRerank");
    }
    this.baseURL = this.#connection.baseURL;
    this.model = fields.model;
    this.topN = fields.topN;
    this.provider = fields.provider;
    this.batchSize = fields.batchSize ?? DEFAULT_BATCH_SIZE;
    this.maxConcurrency = fields.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  }

  /**
   * The documents reordered by relevance to `query`, best first, each a copy with
   * `metadata.relevance_score` beside its own metadata; cut to `topN` when set.
   */
  override async compressDocuments(documents: DocumentInterface[], query: string): Promise<DocumentInterface[]> {
    if (!Array.isArray(documents)) throw new TypeError("OpenRouterRerank.compressDocuments needs an array of Documents.");
    const texts = documents.map((document) => document?.pageContent);
    const { results } = await this.rerank(query, texts);
    return results.map(({ index, relevanceScore }) => {
      const original = documents[index] as DocumentInterface;
      return new Document({ pageContent: original.pageContent, id: original.id, metadata: { ...original.metadata, relevance_score: relevanceScore } });
    });
  }

  /** Ranks `texts` against `query`: best first across every batch, with usage and every raw body. */
  async rerank(query: string, texts: string[], options: OpenRouterRerankCallOptions = {}): Promise<OpenRouterRerankResult> {
    if (typeof query !== "string") throw new TypeError(`OpenRouterRerank needs a string query; got ${typeof query}.`);
    if (!Array.isArray(texts) || !texts.every((text) => typeof text === "string")) {
      throw new TypeError("OpenRouterRerank.rerank needs an array of strings (compressDocuments: Documents with a string pageContent).");
    }
    refuseUnknownOptions(options, KNOWN_CALL_OPTIONS, "OpenRouterRerank.rerank");
    checkOptions(options, CALL_CHECKS, "OpenRouterRerank call option");
    const { signal } = options;
    const topN = options.topN ?? this.topN;
    const usage: OpenRouterRerankUsage = {};
    if (texts.length === 0) return { results: [], usage, raw: [] };
    const starts: number[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) starts.push(start);
    const responses = await runBatches(starts.length, this.maxConcurrency, signal, (batch, batchSignal) => {
      const start = starts[batch] as number;
      return this.#rerankBatch(query, texts.slice(start, start + this.batchSize), topN, batchSignal);
    });
    const rankings: OpenRouterRerankRanking[] = [];
    responses.forEach((response, batch) => {
      const start = starts[batch] as number;
      rankings.push(...fromWireRerank(response.results, texts, start, Math.min(this.batchSize, texts.length - start)));
      addRerankUsage(usage, response.usage);
    });
    const sorted = sortRankings(rankings);
    return { results: topN === undefined ? sorted : sorted.slice(0, topN), usage, model: responses[0]?.model, raw: responses };
  }

  async #rerankBatch(query: string, documents: string[], topN: number | undefined, signal: AbortSignal): Promise<OpenRouterRerankResponse> {
    const request: OpenRouterRerankRequest = { model: this.model, query, documents };
    // each batch's best topN hold the overall best topN
    if (topN !== undefined) request.top_n = Math.min(topN, documents.length);
    if (this.provider !== undefined) request.provider = this.provider;
    const { body } = await requestJson<OpenRouterRerankResponse>(this.#connection, { path: "/rerank", body: request, signal });
    return body;
  }
}
