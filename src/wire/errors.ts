// OpenRouterError and its subclasses: class definitions only. `errorFromBody` picks among them.
// Errors are built from the response alone (status, body, response headers), never from the
// request, so the API key is structurally absent.
//
// Errors inside a 200, one rule. OpenRouter may commit a 200 before the answer fails (api.md §1.3).
// - Non-streamed (a bare `{ error }` envelope, or a choice with `error` / `finish_reason: "error"`):
//   none of the answer reached the caller, so the error is the class its code names, as the same
//   status sent before the answer would be (a 502 is an OpenRouterProviderError, a 429 an
//   OpenRouterRateLimitError), and it is retried exactly when that status is. `raw` keeps the body,
//   with its partial content and usage.
// - Streamed (an `error` chunk, a cut or short stream): part of the answer may be out, so it is an
//   OpenRouterStreamError, never retried; its `cause` is the error the status would have raised.
// - A 200 without a choice and without an error is an OpenRouterProviderError with no status: no
//   answer, and not retried (nothing says a retry would answer).

// The one import cycle in wire/: the status switch builds these classes, and fromResponse is that
// switch. Harmless while neither module uses the other's exports at its top level, only in functions.
// oxlint-disable-next-line import/no-cycle
import { errorFromResponse } from "./error_from_response.js";
import {
  type ErrorArguments,
  fieldsOfArguments,
  headerRecordOf,
  type OpenRouterErrorFields,
  type PositionalArguments,
} from "./error_fields.js";
import { brand, brandOf, hasBrand, markAsCore, stampRetryable } from "./error_brands.js";
import { type OpenRouterRateLimitType, rateLimitKindOf } from "./rate_limit_type.js";

export type { OpenRouterErrorFields, OpenRouterRateLimitType };

type ErrorClass = abstract new (...args: never[]) => OpenRouterError;

/** Anything OpenRouter (or the network on the way to it) answered with instead of a completion. */
export class OpenRouterError extends Error {
  override name = "OpenRouterError";
  readonly status?: number;
  readonly code?: number | string;
  readonly metadata?: Record<string, unknown>;
  readonly availability?: Record<string, unknown>;
  readonly raw?: unknown;
  readonly userId?: string;
  readonly requestId?: string;
  readonly generationId?: string;
  /**
   * The response headers, names lower-cased (`error.headers["retry-after"]`), as the published 0.4
   * package kept them. Not enumerable, so logs and JSON stay small.
   */
  readonly headers?: Record<string, string>;
  /**
   * How long OpenRouter asked to wait before a retry, in ms: `Retry-After` (seconds or an HTTP date),
   * else the body's `availability.retry_after`, else `X-RateLimit-Reset`. Uncapped: a wait longer
   * than 60 s or than what is left of `timeout` is not made; the error is raised at once with this
   * set, so the caller decides.
   */
  readonly retryAfterMs?: number;
  /**
   * The text the answer held before it failed, when OpenRouter answered 200 and then failed: on a
   * stream (an error chunk, a cut or short stream, a timeout between chunks) the first choice's text
   * received so far, `""` if none; on a non-streamed answer the content of the failed choice. Else
   * undefined.
   */
  readonly partialText?: string;
  /** The usage OpenRouter reported before or with the failure (what the failed answer cost), if any. */
  readonly usage?: unknown;

  /** `fields` holds every field; the published 0.4 form `(message, statusCode?, code?, metadata?, headers?)` also works. */
  constructor(message: string, fields?: OpenRouterErrorFields);
  constructor(message: string, ...published: PositionalArguments);
  constructor(message: string, ...args: ErrorArguments<OpenRouterErrorFields>) {
    const fields = fieldsOfArguments(args);
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.status = fields.status;
    this.code = fields.code;
    this.metadata = fields.metadata;
    this.availability = fields.availability;
    this.raw = fields.raw;
    this.userId = fields.userId;
    this.requestId = fields.requestId;
    this.generationId = fields.generationId;
    this.retryAfterMs = fields.retryAfterMs;
    this.partialText = fields.partialText;
    this.usage = fields.usage;
    // headers are kept but not enumerable, so logs and JSON stay small
    Object.defineProperty(this, "headers", { value: headerRecordOf(fields.headers), enumerable: false });
    stampRetryable(this, this.retryable);
  }

  /**
   * Whether a retry may cure the failure: the one rule, read by the retry loop and stamped on the
   * error as core's retryability mark (LangChain's agent middleware reads it). 408, 409, 429 that
   * is not a quota, 5xx, network failures and timeouts are; 400–404, 413, 422, quotas and
   * `availability.retryable: false` (OpenRouter's say) are not. Each class says its part below. */
  get retryable(): boolean {
    return this.availability?.["retryable"] !== false && this.curableByRetry(); // api.md §5.4: "switch on availability.retryable"
  }

  /** This class's part of {@link retryable}: by status here; subclasses by what failed. */
  protected curableByRetry(): boolean {
    const status = this.status;
    return status !== undefined && (status === 408 || status === 409 || status === 429 || status >= 500);
  }

  /** LangChain's error code for the class, where core defines one (`MODEL_AUTHENTICATION`, `MODEL_NOT_FOUND`, `MODEL_RATE_LIMIT`, `CONTEXT_OVERFLOW`). */
  get lc_error_code(): string | undefined {
    return undefined;
  }

  /**
   * The typed error for a non-2xx `Response` from OpenRouter, as the transport builds it: the same
   * status → class mapping (finer than the published 0.4 package's, and each class still an
   * OpenRouterAuthError for 401/403, an OpenRouterRateLimitError for 429), its body's message,
   * `code`, `metadata` and `availability`, and the status text when the body is not JSON. Reads the body.
   */
  static fromResponse(response: Response): Promise<OpenRouterError> {
    return errorFromResponse(response);
  }

  /** The published 0.4 package's name for {@link status}. */
  get statusCode(): number | undefined {
    return this.status;
  }

  /** The serving provider's display name (`metadata.provider_name`), when OpenRouter names one. */
  get providerName(): string | undefined {
    const name = this.metadata?.["provider_name"];
    return typeof name === "string" ? name : undefined;
  }

  static {
    brand(this);
    // what core's LangChainError.isInstance looks for; the published 0.4 errors extend LangChainError
    Object.defineProperty(this.prototype, Symbol.for("langchain.error"), { value: true });
  }

  /**
   * `instanceof` that also holds across the ESM and CJS copies of this package, per class:
   * `OpenRouterAuthError.isInstance(error)` is true for auth errors (401 and 403) only.
   */
  static isInstance<T extends ErrorClass>(this: T, value: unknown): value is InstanceType<T> {
    return hasBrand(value, brandOf(this));
  }

  static override [Symbol.hasInstance]<T extends ErrorClass>(this: T, value: unknown): value is InstanceType<T> {
    return OpenRouterError.isInstance.call(this, value) as boolean;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      statusCode: this.status,
      code: this.code,
      metadata: this.metadata,
      availability: this.availability,
      userId: this.userId,
      requestId: this.requestId,
      generationId: this.generationId,
      retryAfterMs: this.retryAfterMs,
      partialText: this.partialText,
      usage: this.usage,
    };
  }
}

/** 400: invalid parameters, or an upstream 4xx passed through ("Provider returned error"). */
export class OpenRouterBadRequestError extends OpenRouterError {
  static {
    brand(this, "bad_request");
  }
  override name = "OpenRouterBadRequestError";
}

/**
 * A 400 because the input does not fit the model's context window (OpenRouter's `error_type` or
 * the provider's message says so). Also core's `ContextOverflowError` (`ContextOverflowError.isInstance`),
 * on which LangChain's summarization middleware compacts the history.
 */
export class OpenRouterContextOverflowError extends OpenRouterBadRequestError {
  static {
    brand(this, "context_overflow");
    markAsCore(this.prototype, "context-overflow");
  }
  override name = "OpenRouterContextOverflowError";
  override get lc_error_code(): string | undefined {
    return "CONTEXT_OVERFLOW";
  }
}

/** 401, or no API key at all; the base of the 403 classes (moderation, permission). */
export class OpenRouterAuthError extends OpenRouterError {
  static {
    brand(this, "auth");
  }
  override name = "OpenRouterAuthError";
  override get lc_error_code(): string | undefined {
    return this.status === 403 ? undefined : "MODEL_AUTHENTICATION";
  }
}

/** 402: the balance or the key's limit cannot cover the request (OpenRouter reserves `max_tokens`). */
export class OpenRouterInsufficientCreditsError extends OpenRouterError {
  static {
    brand(this, "insufficient_credits");
  }
  override name = "OpenRouterInsufficientCreditsError";
}

/** 403 flagged by moderation; an OpenRouterAuthError, as every 403 is in the published 0.4 package. */
export class OpenRouterModerationError extends OpenRouterAuthError {
  static {
    brand(this, "moderation");
  }
  override name = "OpenRouterModerationError";
  /** Why the input was flagged (`metadata.reasons`). */
  get reasons(): string[] {
    const reasons = this.metadata?.["reasons"];
    return Array.isArray(reasons) ? reasons.map(String) : [];
  }
  /** The flagged excerpt of the input (`metadata.flagged_input`, ≤100 characters). */
  get flaggedInput(): string | undefined {
    const flagged = this.metadata?.["flagged_input"];
    return typeof flagged === "string" ? flagged : undefined;
  }
}

/** Other 403s: guardrails, region blocks, missing permissions; also an OpenRouterAuthError. */
export class OpenRouterPermissionError extends OpenRouterAuthError {
  static {
    brand(this, "permission");
  }
  override name = "OpenRouterPermissionError";
}

/** 404: unknown or deprecated model, or no provider left after routing filters. */
export class OpenRouterNotFoundError extends OpenRouterError {
  static {
    brand(this, "not_found");
  }
  override name = "OpenRouterNotFoundError";
  override get lc_error_code(): string | undefined {
    return "MODEL_NOT_FOUND";
  }
}

/** 408/504/524, or no answer within `timeout`. */
export class OpenRouterTimeoutError extends OpenRouterError {
  static {
    brand(this, "timeout");
  }
  override name = "OpenRouterTimeoutError";
  protected override curableByRetry(): boolean {
    return true;
  }
}

/** The fields of a 429: those of every error, and what kind of limit it was. */
export interface OpenRouterRateLimitErrorFields extends OpenRouterErrorFields {
  rateLimitType?: OpenRouterRateLimitType;
  rateLimitReason?: string;
}

/** 429, from OpenRouter or from the upstream provider. */
export class OpenRouterRateLimitError extends OpenRouterError {
  static {
    brand(this, "rate_limit");
  }
  override name = "OpenRouterRateLimitError";
  /**
   * `"stop"` for a quota that a short wait will not lift (OpenRouter's daily cap on free models,
   * an exhausted upstream quota, `availability.retryable: false`): it is never retried. `"retry"`
   * for ordinary throttling, retried as any 429.
   */
  readonly rateLimitType: OpenRouterRateLimitType;
  /** OpenRouter's name for the limit when it sends one, e.g. `"free-models-per-day"` or `limit_source`; `"quota_message"` for a quota known only by its wording. */
  readonly rateLimitReason?: string;

  /** As {@link OpenRouterError}'s; `fields` may also say what kind of limit it was. */
  constructor(message: string, fields?: OpenRouterRateLimitErrorFields);
  constructor(message: string, ...published: PositionalArguments);
  constructor(message: string, ...args: ErrorArguments<OpenRouterRateLimitErrorFields>) {
    const fields = fieldsOfArguments(args);
    super(message, fields);
    const kind =
      fields.rateLimitType === undefined ? rateLimitKindOf(message, fields) : { type: fields.rateLimitType, reason: fields.rateLimitReason };
    this.rateLimitType = kind.type;
    this.rateLimitReason = kind.reason;
    // the base constructor stamped it before the kind was known
    stampRetryable(this, this.retryable);
  }

  /** A quota (a daily cap, an exhausted plan) does not lift within any wait a retry makes. */
  protected override curableByRetry(): boolean {
    return this.rateLimitType !== "stop" && super.curableByRetry();
  }

  override get lc_error_code(): string | undefined {
    return "MODEL_RATE_LIMIT";
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), rateLimitType: this.rateLimitType, rateLimitReason: this.rateLimitReason };
  }
}

/** 5xx and upstream provider failures: the provider name and its raw message are in `metadata`. */
export class OpenRouterProviderError extends OpenRouterError {
  static {
    brand(this, "provider");
  }
  override name = "OpenRouterProviderError";
}
