// The failures of the way to OpenRouter rather than of its answer: a network failure, a stream
// that broke after its 200 (and the error an error chunk raises). Each is an OpenRouterError
// (errors.ts) with its own retry rule.
import { brand, markAsCore, stampRetryable } from "./error_brands.js";
import { errorFromBody } from "./error_from_response.js";
import { OpenRouterContextOverflowError, OpenRouterError, type OpenRouterErrorFields, OpenRouterTimeoutError } from "./errors.js";
import { type Redact, redactJson } from "./redact.js";
import type { OpenRouterErrorObject } from "./types.js";

/** `fetch` itself failed: DNS, refused or reset connection, a body cut before it was complete. */
export class OpenRouterConnectionError extends OpenRouterError {
  static {
    brand(this, "connection");
  }
  override name = "OpenRouterConnectionError";
  protected override curableByRetry(): boolean {
    return true;
  }
}

/** True for the reason `AbortSignal.timeout` (and LangChain's `{ timeout }` call option) aborts with. */
function isTimeoutReason(reason: unknown): boolean {
  return (reason as { name?: unknown } | null)?.name === "TimeoutError";
}

/**
 * Every timeout of a call is an OpenRouterTimeoutError, whoever set the limit: our `timeout` (per
 * attempt, and between a stream's bytes), or the caller's `AbortSignal.timeout` / `{ timeout }` call
 * option, whose abort reason is kept as `cause`.
 */
export function timeoutError(limit: { timeoutMs: number | undefined; attempt?: number } | { reason: unknown }): OpenRouterTimeoutError {
  if ("reason" in limit) {
    return new OpenRouterTimeoutError(
      "The call's own time limit ran out before OpenRouter's answer was complete (its signal aborted with a TimeoutError).\n" +
        "Raise the call's { timeout } or its AbortSignal.timeout(ms) if the model needs longer.",
      { cause: limit.reason }
    );
  }
  const what = limit.attempt === undefined ? `sent nothing for ${limit.timeoutMs} ms in the middle of its stream` : `did not answer within ${limit.timeoutMs} ms (attempt ${limit.attempt})`;
  return new OpenRouterTimeoutError(`OpenRouter ${what}.\nRaise { timeout } (milliseconds per attempt) if the model needs longer.`);
}

/** What a call raises when its caller's signal aborted: a timeout as OpenRouterTimeoutError, any other abort as it is. */
export function callerAbortFailure(reason: unknown): unknown {
  return isTimeoutReason(reason) ? timeoutError({ reason }) : reason;
}

/**
 * A streamed answer broke after OpenRouter committed a 200: an `error` chunk mid-stream, or a
 * stream that ended without `[DONE]` or a finish reason. Never retried: part of the answer may be
 * out. `cause` holds the error the same status would have produced before the stream started.
 */
export class OpenRouterStreamError extends OpenRouterError {
  static {
    brand(this, "stream");
  }
  override name = "OpenRouterStreamError";
  /** The first choice's text received before the failure (`""` if none), on every stream failure; redacted. */
  declare readonly partialText?: string;
  /** The last usage OpenRouter reported, by the error chunk or before it, if any. */
  declare readonly usage?: unknown;
  /** As retryable as the error the stream carried; a cut stream is, as a network failure. */
  protected override curableByRetry(): boolean {
    const cause = this.cause;
    return OpenRouterError.isInstance(cause) ? cause.retryable : true;
  }

  constructor(message: string, fields: OpenRouterErrorFields = {}) {
    super(message, fields);
    // a context overflow found mid-stream is one too, for LangChain's compaction; the stamp follows the cause
    stampRetryable(this, this.retryable);
    if (OpenRouterContextOverflowError.isInstance(fields.cause)) markAsCore(this, "context-overflow");
  }
}

/**
 * The error for a failure OpenRouter reported in a stream after committing a 200: a chunk with a
 * top-level `error` (api.md §4.5). Its `cause` is the error the same status would have raised
 * before the answer started, e.g. an OpenRouterRateLimitError.
 */
export function inBandErrorOf(
  unredacted: OpenRouterErrorObject,
  context: { generationId?: string; usage?: unknown; partialText?: string; headers?: Headers; redact?: Redact }
): OpenRouterStreamError {
  const redact = context.redact ?? ((text: string) => text);
  // the body is the server's: an upstream or proxy may echo the request's credentials into it
  const error = redactJson(unredacted ?? {}, redact);
  const { partialText, generationId } = context;
  const cause = errorFromBody(undefined, { error }, context.headers, { generationId });
  const where = partialText ? "inside the answer" : "in the stream";
  return new OpenRouterStreamError(`${cause.message.split("\n")[0]} (${where}, after OpenRouter answered 200)`, {
    status: cause.status,
    code: cause.code,
    metadata: cause.metadata,
    availability: cause.availability,
    raw: error,
    generationId,
    usage: context.usage ?? undefined,
    partialText,
    cause,
  });
}
