// status + body + response headers → the right OpenRouterError subclass. The only status switch.
// errors.ts imports errorFromResponse back for OpenRouterError.fromResponse: keep the classes out
// of this module's top level, so the cycle stays harmless whichever module loads first.
/* oxlint-disable import/no-cycle */
import { fixFor } from "./error_fixes.js";
import { statusOfErrorName } from "./error_status.js";
import {
  OpenRouterAuthError,
  OpenRouterBadRequestError,
  OpenRouterContextOverflowError,
  OpenRouterError,
  type OpenRouterErrorFields,
  OpenRouterInsufficientCreditsError,
  OpenRouterModerationError,
  OpenRouterNotFoundError,
  OpenRouterPermissionError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
  OpenRouterTimeoutError,
} from "./errors.js";
/* oxlint-enable import/no-cycle */
import { isRecord } from "./is_record.js";
import { rateLimitKindOf } from "./rate_limit_type.js";
import { type Redact, redactJson } from "./redact.js";
import type { OpenRouterErrorObject } from "./types.js";

const SNIPPET = 200;
const keep: Redact = (text) => text;

/**
 * The upstream provider's own message from `metadata.raw`, which may be a sentence, a JSON string
 * (often pretty-printed) or an object (api.md §5.3).
 */
export function providerMessageOf(raw: unknown): string | undefined {
  if (raw == null) return undefined;
  let value = raw;
  if (typeof raw === "string") {
    const trimmed = raw.trim();
    if (!trimmed.startsWith("{")) return trimmed || undefined;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return trimmed;
    }
  }
  if (!isRecord(value)) return String(value);
  for (const key of ["message", "error", "detail", "details", "msg"]) {
    const field = value[key];
    if (typeof field === "string" && field) return field;
    if (isRecord(field)) {
      const nested = providerMessageOf(field);
      if (nested) return nested;
    }
  }
  return JSON.stringify(value).slice(0, SNIPPET);
}

/** A header from the response, else from `metadata.headers`, where OpenRouter echoes the ones it got (fixtures/error-429-free-models-per-day.transcribed.json). */
function echoedHeader(headers: Headers | undefined, metadata: Record<string, unknown> | undefined, name: string): string | undefined {
  const sent = headers?.get(name);
  if (sent) return sent;
  const echoed = metadata?.["headers"];
  if (!isRecord(echoed)) return undefined;
  for (const [key, value] of Object.entries(echoed)) {
    if (key.toLowerCase() === name && (typeof value === "string" || typeof value === "number")) return String(value);
  }
  return undefined;
}

function retryAfterHeaderMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - now : undefined;
}

// X-RateLimit-Reset on OpenRouter's own 429s is an epoch in ms ("1777420800000"; api.md §1.2);
// an epoch in seconds or an HTTP date is read too
function resetHeaderMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const number = Number(value);
  if (Number.isFinite(number)) {
    if (number >= 1e12) return number - now;
    return number >= 1e9 ? number * 1000 - now : undefined;
  }
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - now : undefined;
}

/**
 * How long OpenRouter asked to wait, in ms, uncapped (the retry policy decides what it waits):
 * `Retry-After` (seconds or an HTTP date), else the body's `availability.retry_after` (seconds),
 * else `X-RateLimit-Reset`. Headers are read from the response, else from `metadata.headers`.
 */
export function retryAfterMsOf(
  headers: Headers | undefined,
  availability: Record<string, unknown> | undefined,
  metadata?: Record<string, unknown>,
  now = Date.now()
): number | undefined {
  let ms = retryAfterHeaderMs(echoedHeader(headers, metadata, "retry-after"), now);
  if (ms === undefined) {
    const seconds = availability?.["retry_after"];
    if (typeof seconds === "number" && Number.isFinite(seconds)) ms = seconds * 1000;
  }
  ms ??= resetHeaderMs(echoedHeader(headers, metadata, "x-ratelimit-reset"), now);
  return ms === undefined ? undefined : Math.max(0, Math.round(ms));
}

// OpenRouter's `error_type`s for an input too long for the model (api.md §5.5), and the wordings
// OpenRouter and the providers use in the message: "maximum context length is 128000 tokens"
// (OpenRouter, OpenAI, vLLM), "prompt is too long: 210000 tokens > 200000 maximum" (Anthropic),
// "input length and `max_tokens` exceed context limit" (Anthropic), "The input token count
// (1200000) exceeds the maximum number of tokens allowed" (Google), "Input is too long for
// requested model" (Bedrock), "context_length_exceeded" / "context window" (OpenAI codes, xAI)
const CONTEXT_OVERFLOW_TYPES = new Set(["context_length_exceeded", "token_limit_exceeded"]);
const CONTEXT_OVERFLOW_TEXT =
  /context[ _-]?(?:length|window|limit)|maximum context|prompt is too long|input is too long|too many (?:input |prompt )?tokens|input token count[^.]*exceeds|exceeds? (?:the )?(?:model'?s? )?(?:maximum )?context/i;

/** Whether a 400 says the input does not fit the model's context window. */
function isContextOverflow(texts: (string | undefined)[], errorType: string | undefined, code: unknown): boolean {
  if (errorType !== undefined && CONTEXT_OVERFLOW_TYPES.has(errorType)) return true;
  if (typeof code === "string" && CONTEXT_OVERFLOW_TYPES.has(code)) return true;
  return texts.some((text) => text !== undefined && CONTEXT_OVERFLOW_TEXT.test(text));
}

function headerOf(headers: Headers | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = headers?.get(name);
    if (value) return value;
  }
  return undefined;
}

/**
 * Builds the typed error for an HTTP status and body. `body` is the parsed JSON when it parsed,
 * else the raw text (HTML from a proxy, an empty body…). Also used for in-band errors, with the
 * numeric `error.code` as the status. `statusText` names a body that carries no message.
 */
export function errorFromBody(
  status: number | undefined,
  body: unknown,
  headers?: Headers,
  extra: Partial<OpenRouterErrorFields> = {},
  statusText?: string
): OpenRouterError {
  const envelope = isRecord(body) ? body : undefined;
  const error: OpenRouterErrorObject = isRecord(envelope?.["error"])
    ? (envelope["error"] as OpenRouterErrorObject)
    : {};
  const code = typeof error.code === "number" || typeof error.code === "string" ? error.code : undefined;
  const metadata = isRecord(error.metadata) ? error.metadata : undefined;
  // the precise category: on the error, beside it (a failed Responses API answer), or in its metadata
  const errorType = [error.error_type, envelope?.["error_type"], metadata?.["error_type"]].find((type) => typeof type === "string") as string | undefined;
  const declaredStatus = status ?? (typeof code === "number" ? code : typeof error.http_status === "number" ? error.http_status : undefined);
  // no status came with it (an in-band error): the one its category or string code stands for
  const effectiveStatus =
    declaredStatus ?? (errorType !== undefined ? statusOfErrorName(errorType) : undefined) ?? (typeof code === "string" ? statusOfErrorName(code) : undefined);
  const availability = isRecord(error.availability) ? error.availability : undefined;
  const providerName = typeof metadata?.["provider_name"] === "string" ? metadata["provider_name"] : undefined;
  const upstream = providerMessageOf(metadata?.["raw"]);

  let serverMessage: string;
  if (typeof error.message === "string" && error.message) serverMessage = error.message;
  else {
    let what = "no error message";
    if (typeof body === "string") {
      const text = body.trim();
      what = text ? `non-JSON body: ${text.replace(/\s+/g, " ").slice(0, SNIPPET)}` : "empty body";
    }
    // HTTP/2 responses have no status text
    serverMessage = statusText ? `${statusText} (${what})` : what;
  }

  let message = `OpenRouter ${declaredStatus ?? code ?? effectiveStatus ?? "error"}: ${serverMessage}`;
  if (providerName || upstream) {
    message += ` (${providerName ?? "provider"}${upstream && upstream !== serverMessage ? `: ${upstream}` : ""})`;
  }
  const rateLimit = rateLimitKindOf(serverMessage, { code, metadata, availability });
  const fix = fixFor(effectiveStatus, error, rateLimit, isRecord(envelope?.["error"]));
  if (fix) message += `\n${fix}`;

  const fields = {
    status: effectiveStatus,
    // as the published 0.4 package: the HTTP status when the body names no code
    code: code ?? effectiveStatus,
    metadata,
    availability,
    raw: envelope ?? (typeof body === "string" ? body.slice(0, SNIPPET) : body),
    userId: typeof envelope?.["user_id"] === "string" ? envelope["user_id"] : undefined,
    requestId: headerOf(headers, "x-request-id", "request-id", "cf-ray"),
    generationId: headerOf(headers, "x-generation-id"),
    headers,
    retryAfterMs: retryAfterMsOf(headers, availability, metadata),
    ...extra,
  };

  switch (effectiveStatus) {
    case 400:
      return isContextOverflow([serverMessage, upstream, typeof metadata?.["raw"] === "string" ? metadata["raw"] : undefined], errorType, code)
        ? new OpenRouterContextOverflowError(message, fields)
        : new OpenRouterBadRequestError(message, fields);
    case 401:
      return new OpenRouterAuthError(message, fields);
    case 402:
      return new OpenRouterInsufficientCreditsError(message, fields);
    case 403:
      return Array.isArray(metadata?.["reasons"])
        ? new OpenRouterModerationError(message, fields)
        : new OpenRouterPermissionError(message, fields);
    case 404:
      return new OpenRouterNotFoundError(message, fields);
    case 408:
    case 504:
    case 524:
      return new OpenRouterTimeoutError(message, fields);
    case 429:
      return new OpenRouterRateLimitError(message, { ...fields, rateLimitType: rateLimit.type, rateLimitReason: rateLimit.reason });
    default:
      if ((effectiveStatus !== undefined && effectiveStatus >= 500) || providerName || upstream) {
        return new OpenRouterProviderError(message, fields);
      }
      return new OpenRouterError(message, fields);
  }
}

/**
 * Reads a non-2xx response's body (JSON, HTML or nothing) and builds its typed error; also
 * `OpenRouterError.fromResponse`, where there is no key to redact.
 */
export async function errorFromResponse(response: Response, redact: Redact = keep): Promise<OpenRouterError> {
  let text = "";
  try {
    text = redact(await response.text());
  } catch {
    // a body that breaks while being read still leaves the status to report
  }
  let body: unknown = text;
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return errorFromBody(response.status, body, response.headers, {}, response.statusText);
}

/**
 * The error of a JSON 200 whose body reports a failure (api.md §5.6): a bare `{ error }` envelope,
 * or a choice with `error` or `finish_reason: "error"`; undefined for a body that reports none.
 * Nothing of the answer reached the caller yet, so the error is the class its code names, as the
 * same status before the answer would be, and the retry policy treats it as that status does (see
 * errors.ts). `raw` keeps the whole body: its partial content and usage are there.
 */
export function inBandErrorOfBody(body: unknown, headers: Headers, redact: Redact): OpenRouterError | undefined {
  if (!isRecord(body)) return undefined;
  const choices = body["choices"];
  const generationId = typeof body["id"] === "string" ? body["id"] : undefined;
  // a failed Responses API result, even one whose `error` is null (the spec's example)
  if (body["object"] === "response" && body["status"] === "failed" && !body["error"]) {
    return inBandErrorOfBody({ ...body, error: { message: "the response failed without saying why" } }, headers, redact);
  }
  if (choices === undefined && body["data"] === undefined && body["error"]) {
    return errorFromBody(undefined, redactJson(body, redact), headers, {
      ...(generationId ? { generationId } : {}),
      // a failed Responses API body says what it cost
      ...(body["usage"] != null ? { usage: body["usage"] } : {}),
    });
  }
  const choice = Array.isArray(choices) && isRecord(choices[0]) ? choices[0] : undefined;
  if (!choice || !(choice["error"] || choice["finish_reason"] === "error")) return undefined;
  const error = isRecord(choice["error"]) ? choice["error"] : { message: "the choice's finish_reason is error" };
  const content = isRecord(choice["message"]) ? choice["message"]["content"] : undefined;
  return errorFromBody(undefined, { error: redactJson(error, redact) }, headers, {
    raw: redactJson(body, redact),
    ...(generationId ? { generationId } : {}),
    // what the failed choice held, and what it cost
    ...(typeof content === "string" ? { partialText: redact(content) } : {}),
    ...(body["usage"] != null ? { usage: body["usage"] } : {}),
  });
}
