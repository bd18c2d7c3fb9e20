// The one retry policy (foundation issue): which failures are retried, and how long to wait.
import { OpenRouterConnectionError, OpenRouterError, OpenRouterTimeoutError } from "./errors.js";

const RETRIED_STATUSES = new Set([408, 409, 429]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** 408, 409, 429, 5xx, timeouts and network failures are retried; 400–404, 413, 422 never. */
export function isRetryable(error: unknown): boolean {
  if (!OpenRouterError.isInstance(error)) return false;
  // OpenRouter says when waiting cannot help (api.md §5.4: "switch on availability.retryable")
  if (error.availability?.["retryable"] === false) return false;
  if (error instanceof OpenRouterConnectionError || error instanceof OpenRouterTimeoutError) return true;
  const status = error.status;
  return status !== undefined && (RETRIED_STATUSES.has(status) || status >= 500);
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based): what OpenRouter asked for
 * (`Retry-After`, `availability.retry_after`, capped at 60 s), else jittered exponential backoff.
 */
export function retryDelayMs(
  attempt: number,
  error: unknown,
  random: () => number = Math.random,
  baseDelayMs: number = BASE_DELAY_MS
): number {
  if (OpenRouterError.isInstance(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(MAX_DELAY_MS, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}
