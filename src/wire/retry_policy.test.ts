import { describe, expect, it } from "vitest";
import { errorFromBody } from "./error_from_response.js";
import { OpenRouterRateLimitError, OpenRouterTimeoutError } from "./errors.js";
import { OpenRouterConnectionError } from "./transport_errors.js";
import { isRetryable, RETRY_AFTER_CAP_MS, retryDelayMs, waitFits } from "./retry_policy.js";

describe("retry policy", () => {
  it("retries 408, 409, 429, 5xx, timeouts and network failures; never other 4xx", () => {
    for (const status of [408, 409, 429, 500, 502, 503, 524, 529]) expect(isRetryable(errorFromBody(status, {})), String(status)).toBe(true);
    for (const status of [400, 401, 402, 403, 404, 413, 422]) expect(isRetryable(errorFromBody(status, {})), String(status)).toBe(false);
    expect(isRetryable(new OpenRouterConnectionError("reset"))).toBe(true);
    expect(isRetryable(new OpenRouterTimeoutError("slow"))).toBe(true);
    expect(isRetryable(new Error("not ours"))).toBe(false);
  });

  it("does not retry when OpenRouter says availability.retryable is false", () => {
    expect(isRetryable(errorFromBody(503, { error: { availability: { retryable: false } } }))).toBe(false);
  });

  it("waits what Retry-After asked for, else a jittered exponential backoff", () => {
    const asked = errorFromBody(429, {}, new Headers({ "retry-after": "3" }));
    expect(retryDelayMs(1, asked)).toBe(3000);
    const plain = errorFromBody(502, {});
    expect(retryDelayMs(1, plain, () => 0)).toBe(250);
    expect(retryDelayMs(1, plain, () => 1)).toBe(500);
    expect(retryDelayMs(3, plain, () => 1)).toBe(2000);
    expect(retryDelayMs(10, plain, () => 1)).toBe(8000);
  });

  it("never retries a quota 429 (rateLimitType stop)", () => {
    expect(isRetryable(errorFromBody(429, { error: { message: "Rate limit exceeded: free-models-per-day" } }))).toBe(false);
    expect(isRetryable(errorFromBody(429, { error: { message: "Rate limit exceeded: free-models-per-min" } }))).toBe(true);
    expect(isRetryable(new OpenRouterRateLimitError("x", { status: 429, rateLimitType: "stop" }))).toBe(false);
  });

  it("makes a wait OpenRouter asked for only up to 60 s and up to what is left of the timeout", () => {
    const asking = (seconds: number) => errorFromBody(503, {}, new Headers({ "retry-after": String(seconds) }));
    expect(RETRY_AFTER_CAP_MS).toBe(60_000);
    expect(waitFits(asking(60), undefined)).toBe(true);
    expect(waitFits(asking(120), undefined)).toBe(false);
    expect(waitFits(asking(5), 5000)).toBe(true);
    expect(waitFits(asking(5), 4999)).toBe(false);
    expect(waitFits(asking(1), -10)).toBe(false);
    // our own backoff is not OpenRouter's request: bounded by maxRetries only
    expect(waitFits(errorFromBody(503, {}), 0)).toBe(true);
    expect(waitFits(new Error("not ours"), 0)).toBe(true);
  });
});
