import { describe, expect, it } from "vitest";
import { errorFromBody } from "./error_from_response.js";
import { OpenRouterConnectionError, OpenRouterTimeoutError } from "./errors.js";
import { isRetryable, retryDelayMs } from "./retry_policy.js";

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
});
