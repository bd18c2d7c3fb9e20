import { getEnvironmentVariable } from "@langchain/core/utils/env";
import { sleep } from "../wire/abort_scope.js";
import { createConnection, headersProblem } from "../wire/connection.js";
import { OpenRouterAuthError, OpenRouterError, OpenRouterNotFoundError } from "../wire/errors.js";
import type {
  OpenRouterCredits,
  OpenRouterGeneration,
  OpenRouterKeyInfo,
  OpenRouterModel,
  OpenRouterModelEndpoints,
  OpenRouterModelsResponse,
} from "../wire/platform_types.js";
import { type Checks, checkOptions, integer } from "../wire/option_checks.js";
import { redactJson } from "../wire/redact.js";
import { type OpenRouterConnection, requestJson } from "../wire/send_request.js";
import type { GetGenerationOptions, ListModelsOptions, OpenRouterCallOptions, OpenRouterClientFields } from "./options.js";

const DEFAULT_GENERATION_RETRY_DELAYS = [300, 600, 900, 1200];

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

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

function checkCallOptions(options: OpenRouterCallOptions, method: string): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`OpenRouterClient.${method} options must be an object.`);
  }
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
    this.#connection = createConnection(fields, getEnvironmentVariable, "OpenRouterClient");
    this.baseURL = this.#connection.baseURL;
    this.generationRetryDelays = checkDelays(fields.generationRetryDelays, "generationRetryDelays") ?? DEFAULT_GENERATION_RETRY_DELAYS;
  }

  /** Models on OpenRouter with their context length, pricing, modalities and supported parameters (`GET /models`). */
  async listModels(options: ListModelsOptions = {}): Promise<OpenRouterModel[]> {
    checkCallOptions(options, "listModels");
    const query = new URLSearchParams();
    if (options.category !== undefined) {
      if (typeof options.category !== "string") throw new TypeError('OpenRouterClient.listModels option "category" must be a string such as "programming".');
      query.set("category", options.category);
    }
    for (const [option, name] of [
      ["supportedParameters", "supported_parameters"],
      ["outputModalities", "output_modalities"],
    ] as const) {
      const value = options[option];
      if (value === undefined) continue;
      if (!isStringArray(value)) throw new TypeError(`OpenRouterClient.listModels option "${option}" must be an array of strings.`);
      if (value.length > 0) query.set(name, value.join(","));
    }
    const search = query.toString();
    const body = await this.#get<OpenRouterModelsResponse>(`/models${search ? `?${search}` : ""}`, options);
    return dataOf(body, "GET /models", this.#connection);
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
    checkCallOptions(options, "getGeneration");
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
      throw new OpenRouterAuthError(`OpenRouterClient.${method} needs an API key: pass { apiKey } or set OPENROUTER_API_KEY.`);
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
