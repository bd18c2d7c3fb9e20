// One HTTP call to OpenRouter over global fetch, inside the one retry loop (retry_policy.ts).
// JSON calls retry until a parsed body is in hand; streams retry only until the headers arrive.
import { AbortScope, sleep } from "./abort_scope.js";
import { errorFromBody, errorFromResponse, inBandErrorOfBody } from "./error_from_response.js";
import { OpenRouterError } from "./errors.js";
import { callerAbortFailure, OpenRouterConnectionError, timeoutError } from "./transport_errors.js";
import type { Redact } from "./redact.js";
import { chatProtocol, readSse, type SseProtocol } from "./read_sse.js";
import { isRetryable, retryDelayMs, waitFits } from "./retry_policy.js";
import type { OpenRouterStreamChunk } from "./types.js";

/** Everything needed to reach OpenRouter; built once per client, never per request. */
export interface OpenRouterConnection {
  /** The class the connection serves (`ChatOpenRouter`, `OpenRouterEmbeddings`…), named in its messages. */
  owner: string;
  /** e.g. `https://openrouter.ai/api/v1` (no trailing slash). */
  baseURL: string;
  apiKey: string;
  /** Removes the key from text taken from a response, before it goes on an error (built with the connection). */
  redact: Redact;
  /** Headers sent on every request besides Authorization: attribution, user defaults. */
  headers: Record<string, string>;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Per-attempt timeout in ms; on streams also the longest wait for the next bytes; and the most a call waits for a `Retry-After`. */
  timeout?: number;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof fetch;
  /** Internal, not an option: the first backoff step in ms (500 by default); tests shorten it. */
  retryBaseDelayMs?: number;
}

export interface RequestOptions {
  method?: "GET" | "POST";
  /** Path under the base URL, e.g. `/chat/completions`. */
  path: string;
  /** JSON body, serialised once before the first attempt. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function serialise(body: unknown, owner: string): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new TypeError(
      `${owner} could not serialise the request to JSON (${(error as Error).message}). ` +
        "Message content and options must be plain JSON values: no BigInt, functions or circular references."
    );
  }
}

function failureOf(error: unknown, scope: AbortScope, timeout: number | undefined, attempt: number): unknown {
  if (OpenRouterError.isInstance(error)) return error;
  if (scope.timedOut) return timeoutError({ timeoutMs: timeout, attempt });
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : String((error as Error)?.message ?? error);
  return new OpenRouterConnectionError(`Could not reach OpenRouter: ${detail}.\nCheck the network and baseURL.`, {
    cause: error,
  });
}

/** A retryable failure whose retries ran out says so: how many attempts were made, and the fix. */
function afterRetries(failure: unknown, attempts: number, maxRetries: number): unknown {
  if (attempts > 1 && OpenRouterError.isInstance(failure)) {
    // the error was built for this attempt alone: nobody else holds it yet
    (failure as { message: string }).message += `\nGave up after ${attempts} attempts (maxRetries: ${maxRetries}): raise maxRetries, or try again later.`;
  }
  return failure;
}

async function withRetries<T>(
  connection: OpenRouterConnection,
  options: RequestOptions,
  attemptOnce: (scope: AbortScope, payload: string | undefined) => Promise<T>
): Promise<T> {
  const payload = serialise(options.body, connection.owner);
  const { signal } = options;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw callerAbortFailure(signal.reason);
    const scope = new AbortScope(signal, connection.timeout);
    let failure: unknown;
    try {
      return await attemptOnce(scope, payload);
    } catch (error) {
      if (signal?.aborted) {
        scope.dispose();
        throw callerAbortFailure(signal.reason);
      }
      failure = failureOf(error, scope, connection.timeout, attempt);
      scope.dispose();
    }
    if (!isRetryable(failure)) throw failure;
    if (attempt > connection.maxRetries) throw afterRetries(failure, attempt, connection.maxRetries);
    // `timeout` is per attempt, and also the most a whole call waits on OpenRouter's say-so
    const remainingMs = connection.timeout === undefined ? undefined : connection.timeout - (Date.now() - started);
    if (!waitFits(failure, remainingMs)) throw failure;
    await sleep(retryDelayMs(attempt, failure, Math.random, connection.retryBaseDelayMs), signal).catch((reason: unknown) => {
      throw callerAbortFailure(reason);
    });
  }
}

function fetchResponse(
  connection: OpenRouterConnection,
  options: RequestOptions,
  scope: AbortScope,
  payload: string | undefined,
  accept: string
): Promise<Response> {
  const fetchImpl = connection.fetch ?? fetch;
  return fetchImpl(`${connection.baseURL}${options.path}`, {
    method: options.method ?? (payload === undefined ? "GET" : "POST"),
    headers: {
      ...connection.headers,
      ...options.headers,
      // no key: public endpoints (GET /models) are reached without an Authorization header
      ...(connection.apiKey ? { Authorization: `Bearer ${connection.apiKey}` } : {}),
      Accept: accept,
      ...(payload === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: payload,
    // nothing can abort an attempt without a timeout or a caller's signal: fetch then skips its abort wiring
    signal: connection.timeout === undefined && options.signal === undefined ? undefined : scope.signal,
  });
}

/** Sends a request and returns the parsed JSON body of a 2xx answer, or throws its typed error. */
export function requestJson<T>(
  connection: OpenRouterConnection,
  options: RequestOptions
): Promise<{ body: T; headers: Headers }> {
  const { redact } = connection;
  return withRetries(connection, options, async (scope, payload) => {
    try {
      const response = await fetchResponse(connection, options, scope, payload, "application/json");
      if (!response.ok) throw await errorFromResponse(response, redact);
      const text = await response.text();
      let body: unknown;
      try {
        // JSON.parse accepts the leading keep-alive whitespace OpenRouter pads bodies with (api.md §1.3)
        body = JSON.parse(text);
      } catch {
        const snippet = redact(text.trim().slice(0, 200));
        if (snippet.startsWith("{") || snippet.startsWith("[")) {
          throw new OpenRouterConnectionError(
            `OpenRouter's ${response.status} body ended before its JSON was complete: ${snippet}`,
            { status: response.status, headers: response.headers }
          );
        }
        throw errorFromBody(response.status, text ? redact(text) : text, response.headers, {
          status: response.status,
        });
      }
      // inside the attempt, so an error in a 200 gets the retry rule of the status it names
      const inBand = inBandErrorOfBody(body, response.headers, redact);
      if (inBand) throw inBand;
      return { body: body as T, headers: response.headers };
    } finally {
      scope.dispose();
    }
  });
}

/** A streamed answer whose 2xx headers arrived: its headers, and its chunks, read once. */
export interface OpenRouterStream<T = OpenRouterStreamChunk> {
  headers: Headers;
  /**
   * The parsed SSE chunks; the attempt's timeout and abort end with the reading, however it ends. A
   * stream that ends before its finish reason raises OpenRouterStreamError, as every failure after the 200 does.
   */
  chunks: AsyncGenerator<T>;
}

/**
 * Sends a streaming request and returns once 2xx headers arrived. Retried until then; once the
 * body is being read, a failure raises OpenRouterStreamError (part of the answer may be out).
 */
export function requestStream(connection: OpenRouterConnection, options: RequestOptions): Promise<OpenRouterStream>;
export function requestStream<T>(connection: OpenRouterConnection, options: RequestOptions, protocol: SseProtocol<T>): Promise<OpenRouterStream<T>>;
export async function requestStream<T>(
  connection: OpenRouterConnection,
  options: RequestOptions,
  protocol: SseProtocol<T> = chatProtocol as unknown as SseProtocol<T>
): Promise<OpenRouterStream<T>> {
  const { redact } = connection;
  return withRetries(connection, options, async (scope, payload) => {
    try {
      const response = await fetchResponse(connection, options, scope, payload, "text/event-stream");
      if (!response.ok) throw await errorFromResponse(response, redact);
      if (!response.body) throw new OpenRouterConnectionError("OpenRouter answered the stream without a body.");
      // readSse owns the scope from here: it re-arms the idle timeout per read and disposes it
      const chunks = readSse(response.body, { scope, headers: response.headers, redact, requireFinish: true }, protocol);
      return { headers: response.headers, chunks };
    } catch (error) {
      scope.dispose();
      throw error;
    }
  });
}
