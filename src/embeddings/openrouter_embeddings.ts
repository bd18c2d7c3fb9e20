import { Embeddings } from "@langchain/core/embeddings";
import { chunkArray } from "@langchain/core/utils/chunk_array";
import { getEnvironmentVariable } from "@langchain/core/utils/env";
import { CONNECTION_OPTION_NAMES, createConnection, missingKeyError, type OpenRouterConnectionOptions } from "../wire/connection.js";
import type {
  OpenRouterEmbeddingContentInput,
  OpenRouterEmbeddingContentPart,
  OpenRouterEmbeddingsRequest,
  OpenRouterEmbeddingsResponse,
  OpenRouterEmbeddingsUsage,
} from "../wire/platform_types.js";
import { type Checks, checkOptions, integer, modelSlug, object, refuseUnknownOptions, string } from "../wire/option_checks.js";
import type { OpenRouterProviderPreferences } from "../wire/types.js";
import { runBatches } from "../wire/run_batches.js";
import { type OpenRouterConnection, requestJson } from "../wire/send_request.js";
import { fromWireEmbeddings } from "./from_wire_embeddings.js";
import type {
  OpenRouterEmbedContentOptions,
  OpenRouterEmbeddingsCallOptions,
  OpenRouterEmbeddingsFields,
  OpenRouterEmbeddingsResult,
} from "./options.js";

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_MAX_CONCURRENCY = 4;

const positiveInteger = integer(1);
const CHECKS: Checks<Omit<OpenRouterEmbeddingsFields, keyof OpenRouterConnectionOptions>> = {
  model: modelSlug("openai/text-embedding-3-small"),
  dimensions: positiveInteger,
  encodingFormat: (value) => (value === "float" || value === "base64" ? undefined : '"float" or "base64"'),
  inputType: string,
  queryInputType: string,
  documentInputType: string,
  provider: object,
  user: string,
  batchSize: positiveInteger,
  maxConcurrency: (value) => (value === Infinity ? undefined : positiveInteger(value)),
};

const KNOWN_FIELDS = new Set<string>([...Object.keys(CHECKS), ...CONNECTION_OPTION_NAMES]);
const CALL_OPTIONS = new Set(["signal"]);
const CONTENT_OPTIONS = new Set(["signal", "inputType"]);

function addUsage(total: OpenRouterEmbeddingsUsage, usage: OpenRouterEmbeddingsUsage | null | undefined): void {
  if (!usage) return;
  for (const key of ["prompt_tokens", "total_tokens", "cost"] as const) {
    const value = usage[key];
    if (typeof value === "number") total[key] = (total[key] ?? 0) + value;
  }
  if (typeof usage.is_byok === "boolean") total.is_byok = Boolean(total.is_byok) || usage.is_byok;
}

function isContentPart(part: unknown): part is OpenRouterEmbeddingContentPart {
  if (typeof part !== "object" || part === null) return false;
  const { type, text, image_url: image } = part as Record<string, unknown>;
  if (type === "text") return typeof text === "string";
  return type === "image_url" && typeof image === "object" && image !== null && typeof (image as { url?: unknown }).url === "string";
}

/**
 * Embedding models on OpenRouter as LangChain embeddings (`POST /embeddings`).
 *
 * ```ts
 * const embeddings = new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small" });
 * const vector = await embeddings.embedQuery("What is OpenRouter?");
 * const { embeddings: vectors, usage } = await embeddings.embedWithUsage(["first text", "second text"]);
 * ```
 */
export class OpenRouterEmbeddings extends Embeddings {
  /** The embedding model slug. */
  model: string;
  dimensions?: number;
  encodingFormat?: "float" | "base64";
  inputType?: string;
  /** `input_type` of `embedQuery` (falls back to `inputType`). */
  queryInputType?: string;
  /** `input_type` of `embedDocuments`, `embedWithUsage`, `embedContent` (falls back to `inputType`). */
  documentInputType?: string;
  provider?: OpenRouterProviderPreferences;
  user?: string;
  batchSize: number;
  maxConcurrency: number;
  /** The API base URL requests go to. */
  readonly baseURL: string;
  // private (#) so that neither JSON.stringify nor util.inspect reach the key
  readonly #connection: OpenRouterConnection;

  constructor(fields: OpenRouterEmbeddingsFields) {
    if (typeof fields !== "object" || fields === null || fields.model === undefined) {
      throw new TypeError('OpenRouterEmbeddings needs a model: new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small" }). See https://openrouter.ai/models?output_modalities=embeddings.');
    }
    // the connection's options are checked once, by createConnection
    refuseUnknownOptions(fields, KNOWN_FIELDS, "OpenRouterEmbeddings");
    checkOptions(fields, CHECKS, "OpenRouterEmbeddings option");
    // the transport retries (one retry layer); the base class's caller is not used
    super({ maxRetries: 0 });
    this.#connection = createConnection(fields, getEnvironmentVariable, "OpenRouterEmbeddings");
    if (!this.#connection.apiKey) {
      throw missingKeyError("OpenRouterEmbeddings");
    }
    this.baseURL = this.#connection.baseURL;
    this.model = fields.model;
    this.dimensions = fields.dimensions;
    this.encodingFormat = fields.encodingFormat;
    this.inputType = fields.inputType;
    this.queryInputType = fields.queryInputType;
    this.documentInputType = fields.documentInputType;
    this.provider = fields.provider;
    this.user = fields.user;
    this.batchSize = fields.batchSize ?? DEFAULT_BATCH_SIZE;
    this.maxConcurrency = fields.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  }

  /** One vector per text, in order; long lists go in batches of `batchSize`. */
  override async embedDocuments(documents: string[], options: OpenRouterEmbeddingsCallOptions = {}): Promise<number[][]> {
    return (await this.embedWithUsage(documents, options)).embeddings;
  }

  /** The vector of one text. */
  override async embedQuery(document: string, options: OpenRouterEmbeddingsCallOptions = {}): Promise<number[]> {
    if (typeof document !== "string") {
      throw new TypeError(`OpenRouterEmbeddings.embedQuery needs a string; got ${typeof document}.`);
    }
    refuseUnknownOptions(options, CALL_OPTIONS, "OpenRouterEmbeddings.embedQuery");
    const [vector] = (await this.#embedAll([document], this.queryInputType ?? this.inputType, options.signal)).embeddings;
    return vector as number[];
  }

  /** Like `embedDocuments`, plus the usage (tokens, cost in USD) summed over every request. */
  async embedWithUsage(documents: string[], options: OpenRouterEmbeddingsCallOptions = {}): Promise<OpenRouterEmbeddingsResult> {
    if (!Array.isArray(documents) || !documents.every((document) => typeof document === "string")) {
      throw new TypeError("OpenRouterEmbeddings.embedDocuments needs an array of strings.");
    }
    refuseUnknownOptions(options, CALL_OPTIONS, "OpenRouterEmbeddings.embedDocuments");
    return this.#embedAll(documents, this.documentInputType ?? this.inputType, options.signal);
  }

  /**
   * Vectors of multimodal inputs (text with images), one per input: each input is a list of parts
   * embedded together, e.g. `[{ type: "text", text: "a red guitar" }, { type: "image_url", image_url: { url } }]`.
   * For models whose `architecture.input_modalities` include `"image"`; sent as `input: [{ content: parts }]`.
   */
  async embedContent(inputs: OpenRouterEmbeddingContentPart[][], options: OpenRouterEmbedContentOptions = {}): Promise<OpenRouterEmbeddingsResult> {
    if (!Array.isArray(inputs) || !inputs.every((parts) => Array.isArray(parts) && parts.length > 0 && parts.every(isContentPart))) {
      throw new TypeError(
        'OpenRouterEmbeddings.embedContent needs an array of inputs, each a non-empty array of parts { type: "text", text } or { type: "image_url", image_url: { url } }.'
      );
    }
    refuseUnknownOptions(options, CONTENT_OPTIONS, "OpenRouterEmbeddings.embedContent");
    if (options.inputType !== undefined && typeof options.inputType !== "string") {
      throw new TypeError('OpenRouterEmbeddings.embedContent option "inputType" must be a string.');
    }
    const wire: OpenRouterEmbeddingContentInput[] = inputs.map((content) => ({ content }));
    return this.#embedAll(wire, options.inputType ?? this.documentInputType ?? this.inputType, options.signal);
  }

  async #embedAll(
    inputs: (string | OpenRouterEmbeddingContentInput)[],
    inputType: string | undefined,
    signal: AbortSignal | undefined
  ): Promise<OpenRouterEmbeddingsResult> {
    const usage: OpenRouterEmbeddingsUsage = {};
    if (inputs.length === 0) return { embeddings: [], usage };
    const batches = chunkArray(inputs, this.batchSize);
    const responses = await runBatches(batches.length, this.maxConcurrency, signal, (index, batchSignal) =>
      this.#embedBatch(batches[index] as typeof inputs, inputType, batchSignal)
    );
    const embeddings: number[][] = [];
    responses.forEach((response, index) => {
      embeddings.push(...fromWireEmbeddings(response.data, (batches[index] as typeof inputs).length));
      addUsage(usage, response.usage);
    });
    return { embeddings, usage, model: responses[0]?.model };
  }

  async #embedBatch(
    batch: (string | OpenRouterEmbeddingContentInput)[],
    inputType: string | undefined,
    signal: AbortSignal
  ): Promise<OpenRouterEmbeddingsResponse> {
    // one kind per call: all texts, or all content inputs
    const input = batch as string[] | OpenRouterEmbeddingContentInput[];
    const request: OpenRouterEmbeddingsRequest = { model: this.model, input };
    if (this.dimensions !== undefined) request.dimensions = this.dimensions;
    if (this.encodingFormat !== undefined) request.encoding_format = this.encodingFormat;
    if (inputType !== undefined) request.input_type = inputType;
    if (this.provider !== undefined) request.provider = this.provider;
    if (this.user !== undefined) request.user = this.user;
    const { body } = await requestJson<OpenRouterEmbeddingsResponse>(this.#connection, {
      path: "/embeddings",
      body: request,
      signal,
    });
    return body;
  }
}
