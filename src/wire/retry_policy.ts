// The one retry policy (foundation issue): which failures are retried, and how long to wait.
import { OpenRouterError } from "./errors.js";

/** The longest wait OpenRouter may ask for that the loop makes; a longer one is raised at once. */
export const RETRY_AFTER_CAP_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** 408, 409, 429, 5xx, timeouts and network failures are retried; 400–404, 413, 422 and quota 429s never (the rule: each error's `retryable`, errors.ts). */
export function isRetryable(error: unknown): boolean {
  return OpenRouterError.isInstance(error) && error.retryable;
}

/**
 * Whether the wait OpenRouter asked for (`retryAfterMs`) is one to make: not when it is longer
 * than {@link RETRY_AFTER_CAP_MS} or than `remainingMs` (what is left of the caller's `timeout`).
 * Then the error is raised at once, `retryAfterMs` set, and the caller decides. Any status: a 429,
 * or a 503 with `Retry-After: 120`.
 */
export function waitFits(error: unknown, remainingMs: number | undefined): boolean {
  const asked = OpenRouterError.isInstance(error) ? error.retryAfterMs : undefined;
  if (asked === undefined) return true;
  return asked <= RETRY_AFTER_CAP_MS && (remainingMs === undefined || asked <= remainingMs);
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based): what OpenRouter asked for
 * (`Retry-After`, `availability.retry_after`, `X-RateLimit-Reset`), else jittered exponential backoff.
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
