import { describe, expect, it } from "vitest";
import { errorFromBody, inBandErrorOfBody, providerMessageOf, retryAfterMsOf } from "./error_from_response.js";
import { OpenRouterAuthError, OpenRouterContextOverflowError, OpenRouterError, OpenRouterProviderError, OpenRouterRateLimitError } from "./errors.js";

describe("providerMessageOf", () => {
  it("reads a sentence, a pretty-printed JSON string, and an object (api.md §5.3)", () => {
    expect(providerMessageOf("model is rate-limited upstream")).toBe("model is rate-limited upstream");
    expect(providerMessageOf('{\n  "error": {\n    "message": "Bad input",\n    "type": "x"\n  }\n}')).toBe("Bad input");
    expect(providerMessageOf({ object: "error", message: "Unexpected token" })).toBe("Unexpected token");
    expect(providerMessageOf({ detail: "quota" })).toBe("quota");
    expect(providerMessageOf("{not json")).toBe("{not json");
    expect(providerMessageOf(null)).toBeUndefined();
  });
});

describe("retryAfterMsOf", () => {
  it("reads seconds, HTTP dates and availability.retry_after, uncapped (the retry policy decides)", () => {
    expect(retryAfterMsOf(new Headers({ "retry-after": "2" }), undefined)).toBe(2000);
    expect(retryAfterMsOf(new Headers({ "retry-after": "0.25" }), undefined)).toBe(250);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMsOf(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), undefined, undefined, now)).toBe(5000);
    expect(retryAfterMsOf(undefined, { retry_after: 40 })).toBe(40_000);
    expect(retryAfterMsOf(new Headers({ "retry-after": "3600" }), undefined)).toBe(3_600_000);
    expect(retryAfterMsOf(new Headers({ "retry-after": "-5" }), undefined)).toBe(0);
    expect(retryAfterMsOf(new Headers(), {})).toBeUndefined();
  });

  it("falls back to X-RateLimit-Reset (epoch ms or s), from the response or echoed in metadata.headers", () => {
    const now = Date.parse("2026-04-28T23:59:00Z");
    const reset = String(Date.parse("2026-04-29T00:00:00Z"));
    expect(retryAfterMsOf(new Headers({ "x-ratelimit-reset": reset }), undefined, undefined, now)).toBe(60_000);
    expect(retryAfterMsOf(new Headers({ "x-ratelimit-reset": String(Number(reset) / 1000) }), undefined, undefined, now)).toBe(60_000);
    expect(retryAfterMsOf(undefined, undefined, { headers: { "X-RateLimit-Reset": reset } }, now)).toBe(60_000);
    expect(retryAfterMsOf(undefined, undefined, { headers: { "X-RateLimit-Reset": reset } }, now + 120_000)).toBe(0);
    // Retry-After first, wherever it is
    expect(retryAfterMsOf(undefined, { retry_after: 40 }, { headers: { "Retry-After": "17", "X-RateLimit-Reset": reset } }, now)).toBe(17_000);
    expect(retryAfterMsOf(undefined, undefined, { headers: "nope" })).toBeUndefined();
  });
});

describe("errorFromBody", () => {
  it("takes the status from error.code, then error.http_status, when there is no HTTP status", () => {
    expect(errorFromBody(undefined, { error: { code: 429, message: "x" } })).toBeInstanceOf(OpenRouterRateLimitError);
    expect(errorFromBody(undefined, { error: { http_status: 502, message: "x" } })).toBeInstanceOf(OpenRouterProviderError);
  });

  it("keeps a string code and builds a base error when nothing else is known", () => {
    const error = errorFromBody(undefined, { error: { code: "mystery_code", message: "Something odd" } });
    expect(error.constructor).toBe(OpenRouterError);
    expect(error.code).toBe("mystery_code");
    expect(error.message).toBe("OpenRouter mystery_code: Something odd");
  });

  it("raises a failed Responses API result, even one whose error is null", () => {
    const error = inBandErrorOfBody({ id: "resp_1", object: "response", status: "failed", error: null, usage: { input_tokens: 1 } }, new Headers(), (text) => text);
    expect(error).toBeInstanceOf(OpenRouterError);
    expect(error).toMatchObject({ generationId: "resp_1", usage: { input_tokens: 1 }, message: expect.stringMatching(/the response failed without saying why/) });
    expect(inBandErrorOfBody({ id: "resp_2", object: "response", status: "completed", error: null }, new Headers(), (text) => text)).toBeUndefined();
  });

  it("reads the Responses API's string codes and error_type as the status they stand for, quoting the code", () => {
    const server = errorFromBody(undefined, { error: { code: "server_error", message: "Provider disconnected unexpectedly" } });
    expect(server).toBeInstanceOf(OpenRouterProviderError);
    expect(server).toMatchObject({ status: 500, code: "server_error", message: "OpenRouter server_error: Provider disconnected unexpectedly" });
    expect(errorFromBody(undefined, { error: { code: "rate_limit_exceeded", message: "slow down" } }).status).toBe(429);
    // a failed Responses API answer: error_type beside the error says what the code does not
    const failed = errorFromBody(undefined, { id: "resp_abc123", status: "failed", error: { code: "server_error", message: "Invalid credentials" }, error_type: "authentication" });
    expect(failed).toBeInstanceOf(OpenRouterAuthError);
    expect(failed.status).toBe(401);
    const overflow = errorFromBody(undefined, { error: { code: "invalid_prompt", message: "too long", error_type: "context_length_exceeded" } });
    expect(overflow).toBeInstanceOf(OpenRouterContextOverflowError);
  });

  it("survives bodies of the wrong shape", () => {
    for (const body of [null, 42, [], { error: "oops" }, { error: { message: 5, metadata: "x" } }, "", "<html>"]) {
      expect(errorFromBody(500, body)).toBeInstanceOf(OpenRouterProviderError);
    }
  });
});
