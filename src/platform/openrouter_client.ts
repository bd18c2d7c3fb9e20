import { getEnvironmentVariable } from "@langchain/core/utils/env";
import { sleep } from "../wire/abort_scope.js";
import { CONNECTION_OPTION_NAMES, createConnection, headersProblem, missingKeyError } from "../wire/connection.js";
import { latestModelId, modelIdParts } from "../wire/model_ids.js";
import { OpenRouterError, OpenRouterNotFoundError } from "../wire/errors.js";
import type {
  OpenRouterCredits,
  OpenRouterGeneration,
  OpenRouterGenerationContent,
  OpenRouterKeyInfo,
  OpenRouterModel,
  OpenRouterModelEndpoint,
  OpenRouterModelEndpoints,
  OpenRouterProvider,
  OpenRouterModelsResponse,
} from "../wire/platform_types.js";
import { type Checks, checkOptions, integer, refuseUnknownOptions } from "../wire/option_checks.js";
import { redactJson } from "../wire/redact.js";
import { type OpenRouterConnection, requestJson } from "../wire/send_request.js";
import { MODEL_QUERY_OPTIONS, modelQuery } from "./model_query.js";
import type { GetGenerationOptions, ListModelsOptions, OpenRouterCallOptions, OpenRouterClientFields } from "./options.js";

const DEFAULT_GENERATION_RETRY_DELAYS = [300, 600, 900, 1200];

function checkDelays(value: unknown, name: string): number[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "number" && Number.isFinite(item) && item >= 0)) {
    throw new TypeError(`OpenRouterClient option "${name}" must be an array of milliseconds ≥ 0, e.g. [300, 600].`);
  }
  return value;
}

const CALL_CHECKS: Checks<OpenRouterCallOptions> = {
  signal: () => undefined,
  maxRetries: integer(0),
  headers: headersProblem,
};

const CALL_OPTIONS: readonly string[] = Object.keys(CALL_CHECKS);
const KNOWN_FIELDS = new Set<string>([...CONNECTION_OPTION_NAMES, "generationRetryDelays"]);

/** Checks a method's options: the call options, plus the method's own (`also`); any other is named. */
function checkCallOptions(options: OpenRouterCallOptions, method: string, also: readonly string[] = []): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`OpenRouterClient.${method} options must be an object.`);
  }
  refuseUnknownOptions(options, new Set([...CALL_OPTIONS, ...also]), `OpenRouterClient.${method}`);
  checkOptions(options, CALL_CHECKS, `OpenRouterClient.${method} option`);
}

/** The `data` member of OpenRouter's `{ data }` envelope; the body kept on the error is redacted. */
function dataOf<T>(body: { data?: T | null } | null, what: string, connection: OpenRouterConnection): T {
  if (typeof body === "object" && body !== null && body.data != null) return body.data;
  // the body is the server's: a proxy may echo the request's credentials into it
  throw new OpenRouterError(`OpenRouter answered ${what} without data.`, { raw: redactJson(body, connection.redact) });
}

/**
 * The rest of the OpenRouter platform: the model catalog, what a generation cost, the key's limits,
 * the account's credits. Same transport as ChatOpenRouter: retries, timeouts, abort, typed errors.
 *
 * ```ts
 * const client = new OpenRouterClient(); // OPENROUTER_API_KEY
 * const models = await client.listModels({ supportedParameters: ["tools"] });
 * const answer = await new ChatOpenRouter({ model: "openai/gpt-4o" }).invoke("Hi");
 * const generation = await client.getGeneration(answer.id!); // cost, provider, latency
 * ```
 */
export class OpenRouterClient {
  /** The API base URL requests go to. */
  readonly baseURL: string;
  /** Waits between `getGeneration` tries while OpenRouter still answers 404. */
  readonly generationRetryDelays: readonly number[];
  // private (#) so that neither JSON.stringify nor util.inspect reach the key
  readonly #connection: OpenRouterConnection;

  constructor(fields: OpenRouterClientFields = {}) {
    if (typeof fields !== "object" || fields === null) {
      throw new TypeError("OpenRouterClient options must be an object, e.g. new OpenRouterClient({ apiKey }).");
    }
    refuseUnknownOptions(fields, KNOWN_FIELDS, "OpenRouterClient");
    this.#connection = createConnection(fields, getEnvironmentVariable, "OpenRouterClient");
    this.baseURL = this.#connection.baseURL;
    this.generationRetryDelays = checkDelays(fields.generationRetryDelays, "generationRetryDelays") ?? DEFAULT_GENERATION_RETRY_DELAYS;
  }

  /** Models on OpenRouter with their context length, pricing, modalities and supported parameters (`GET /models`). */
  async listModels(options: ListModelsOptions = {}): Promise<OpenRouterModel[]> {
    checkCallOptions(options, "listModels", MODEL_QUERY_OPTIONS);
    const body = await this.#get<OpenRouterModelsResponse>(`/models${modelQuery(options, "listModels")}`, options);
    return dataOf(body, "GET /models", this.#connection);
  }

  /** Models the calling key may use, after its provider and privacy settings (`GET /models/user`); same filters as `listModels`. */
  async listUserModels(options: ListModelsOptions = {}): Promise<OpenRouterModel[]> {
    checkCallOptions(options, "listUserModels", MODEL_QUERY_OPTIONS);
    this.#requireKey("listUserModels");
    const body = await this.#get<OpenRouterModelsResponse>(`/models/user${modelQuery(options, "listUserModels")}`, options);
    return dataOf(body, "GET /models/user", this.#connection);
  }

  /**
   * One model of the catalog by id, canonical slug, variant (`"openai/gpt-4o:free"` is `openai/gpt-4o`'s
   * entry when the variant has none of its own), preset on a model (`"openai/gpt-4o@preset/x"`) or
   * `~author/family-latest` alias (the family's newest model). OpenRouter documents no single-model route, so this reads
   * `GET /models?output_modalities=all`; an unknown id is an {@link OpenRouterNotFoundError}.
   */
  async getModel(id: string, options: OpenRouterCallOptions = {}): Promise<OpenRouterModel> {
    checkCallOptions(options, "getModel");
    if (typeof id !== "string" || !/^~?[^/\s]+\/[^\s]+$/.test(id)) {
      throw new TypeError(`OpenRouterClient.getModel needs a model id "author/slug" such as "openai/gpt-4o"; got ${JSON.stringify(id)}.`);
    }
    const models = await this.listModels({ ...options, outputModalities: ["all"] });
    const { model: named, base } = modelIdParts(id);
    const latest = latestModelId(base, models.map((model) => model.id));
    const found =
      models.find((model) => model.id === named || model.canonical_slug === named) ??
      models.find((model) => model.id === base || model.canonical_slug === base) ??
      models.find((model) => model.id === latest);
    if (!found) throw new OpenRouterNotFoundError(`OpenRouter 404: no model ${id} in GET /models?output_modalities=all.`, { status: 404 });
    return found;
  }

  /** The providers OpenRouter routes to, with their policy links (`GET /providers`). */
  async listProviders(options: OpenRouterCallOptions = {}): Promise<OpenRouterProvider[]> {
    checkCallOptions(options, "listProviders");
    return dataOf(await this.#get<{ data?: OpenRouterProvider[] }>("/providers", options), "GET /providers", this.#connection);
  }

  /** The endpoints that retain no data (zero data retention, `GET /endpoints/zdr`). */
  async listZdrEndpoints(options: OpenRouterCallOptions = {}): Promise<OpenRouterModelEndpoint[]> {
    checkCallOptions(options, "listZdrEndpoints");
    return dataOf(await this.#get<{ data?: OpenRouterModelEndpoint[] }>("/endpoints/zdr", options), "GET /endpoints/zdr", this.#connection);
  }

  /** Embedding models (`GET /embeddings/models`). */
  async listEmbeddingModels(options: OpenRouterCallOptions = {}): Promise<OpenRouterModel[]> {
    checkCallOptions(options, "listEmbeddingModels");
    return dataOf(await this.#get<OpenRouterModelsResponse>("/embeddings/models", options), "GET /embeddings/models", this.#connection);
  }

  /** The stored prompt and completion of a generation (`GET /generation/content?id=`), when the account keeps them. */
  async getGenerationContent(id: string, options: OpenRouterCallOptions = {}): Promise<OpenRouterGenerationContent> {
    checkCallOptions(options, "getGenerationContent");
    if (typeof id !== "string" || id.trim() === "") {
      throw new TypeError(`OpenRouterClient.getGenerationContent needs a generation id such as "gen-…"; got ${JSON.stringify(id)}.`);
    }
    this.#requireKey("getGenerationContent");
    const path = `/generation/content?id=${encodeURIComponent(id)}`;
    return dataOf(await this.#get<{ data?: OpenRouterGenerationContent }>(path, options), "GET /generation/content", this.#connection);
  }

  /** The providers serving a model, with their pricing, context, quantization, uptime and parameters. */
  async getModelEndpoints(model: string, options: OpenRouterCallOptions = {}): Promise<OpenRouterModelEndpoints> {
    checkCallOptions(options, "getModelEndpoints");
    const slash = typeof model === "string" ? model.indexOf("/") : -1;
    if (slash <= 0 || slash === model.length - 1) {
      throw new TypeError(`OpenRouterClient.getModelEndpoints needs a model id "author/slug" such as "openai/gpt-4o"; got ${JSON.stringify(model)}.`);
    }
    const author = encodeURIComponent(model.slice(0, slash));
    const slug = encodeURIComponent(model.slice(slash + 1));
    const body = await this.#get<{ data?: OpenRouterModelEndpoints }>(`/models/${author}/${slug}/endpoints`, options);
    return dataOf(body, `GET /models/${model}/endpoints`, this.#connection);
  }

  /**
   * What a generation cost, which provider served it, its tokens (normalised and native), latency
   * and finish reasons. Pass a chat answer's `id`. OpenRouter answers 404 for a short while after a
   * generation completes, so a 404 is retried after each of `generationRetryDelays` before it is thrown.
   */
  async getGeneration(id: string, options: GetGenerationOptions = {}): Promise<OpenRouterGeneration> {
    checkCallOptions(options, "getGeneration", ["retryDelays"]);
    if (typeof id !== "string" || id.trim() === "") {
      throw new TypeError(`OpenRouterClient.getGeneration needs a generation id such as "gen-…" (a chat answer's id); got ${JSON.stringify(id)}.`);
    }
    const delays = checkDelays(options.retryDelays, "retryDelays") ?? this.generationRetryDelays;
    this.#requireKey("getGeneration");
    const path = `/generation?id=${encodeURIComponent(id)}`;
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return dataOf(await this.#get<{ data?: OpenRouterGeneration }>(path, options), "GET /generation", this.#connection);
      } catch (error) {
        if (!OpenRouterError.isInstance(error) || error.status !== 404) throw error;
        const delay = delays[attempt];
        if (delay === undefined) {
          throw new OpenRouterNotFoundError(
            `OpenRouter 404: no generation ${id} after ${attempt + 1} ${attempt === 0 ? "try" : "tries"} over ${waited} ms.\n` +
              "Pass the id of a completed generation (a chat answer's id); its stats can take a few seconds to appear: wait longer with { generationRetryDelays }.",
            { ...fieldsOf(error), cause: error }
          );
        }
        await sleep(delay, options.signal);
        waited += delay;
      }
    }
  }

  /** The calling key's limit, remaining credit, usage (daily, weekly, monthly) and free-tier status (`GET /key`). */
  async getKeyInfo(options: OpenRouterCallOptions = {}): Promise<OpenRouterKeyInfo> {
    checkCallOptions(options, "getKeyInfo");
    this.#requireKey("getKeyInfo");
    return dataOf(await this.#get<{ data?: OpenRouterKeyInfo }>("/key", options), "GET /key", this.#connection);
  }

  /** The account's total credits and usage in USD (`GET /credits`; OpenRouter documents it for management keys). */
  async getCredits(options: OpenRouterCallOptions = {}): Promise<OpenRouterCredits> {
    checkCallOptions(options, "getCredits");
    this.#requireKey("getCredits");
    return dataOf(await this.#get<{ data?: OpenRouterCredits }>("/credits", options), "GET /credits", this.#connection);
  }

  #requireKey(method: string): void {
    if (!this.#connection.apiKey) {
      throw missingKeyError(`OpenRouterClient.${method}`);
    }
  }

  async #get<T>(path: string, options: OpenRouterCallOptions): Promise<T> {
    const connection =
      options.maxRetries === undefined ? this.#connection : { ...this.#connection, maxRetries: options.maxRetries };
    const { body } = await requestJson<T>(connection, { method: "GET", path, signal: options.signal, headers: options.headers });
    return body;
  }
}

function fieldsOf(error: OpenRouterError) {
  return {
    status: error.status,
    code: error.code,
    metadata: error.metadata,
    availability: error.availability,
    raw: error.raw,
    userId: error.userId,
    requestId: error.requestId,
    headers: error.headers,
  };
}
