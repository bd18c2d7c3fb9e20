// Code written against the published @langchain/openrouter 0.4 errors keeps working: its field
// names, its constructor and its classes, on the errors our transport raises.
import { LangChainError } from "@langchain/core/errors";
import { describe, expect, it } from "vitest";
import {
  OpenRouterAuthError,
  OpenRouterBadRequestError,
  OpenRouterError,
  OpenRouterInsufficientCreditsError,
  OpenRouterModerationError,
  OpenRouterNotFoundError,
  OpenRouterPermissionError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
  OpenRouterTimeoutError,
} from "../src/index.js";
import { CANARY_API_KEY, modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

async function failureOf(scenario: string): Promise<OpenRouterError> {
  const error = await modelOn(emulator.current, { scenario, maxRetries: 0 })
    .invoke("hi")
    .catch((caught: unknown) => caught);
  expect(OpenRouterError.isInstance(error), `${scenario} should reject with an OpenRouterError`).toBe(true);
  return error as OpenRouterError;
}

describe("the published 0.4 field names", () => {
  it("statusCode is status, code falls back to the status, metadata is the body's (error-429-capacity-exhausted-availability.docs-example.json)", async () => {
    const error = await failureOf("fixture:error-429-capacity-exhausted-availability.docs-example.json");
    expect(error.statusCode).toBe(429);
    expect(error.status).toBe(429);
    // the body has no code, only http_status
    expect(error.code).toBe(429);
    expect(error.metadata?.["previous_errors"]).toHaveLength(2);
  });

  it("keeps the body's own code (error-429-provider-rate-limited.json)", async () => {
    const error = await failureOf("fixture:error-429-provider-rate-limited.json");
    expect(error.code).toBe(429);
    expect(error.metadata?.["provider_name"]).toBe("Google");
  });

  it("headers is a plain record with lower-cased names, not enumerable", async () => {
    const error = await failureOf("status:503+retry-after:2");
    expect(error.headers).not.toBeInstanceOf(Headers);
    expect(error.headers?.["retry-after"]).toBe("2");
    expect(error.headers?.["content-type"]).toBe("application/json");
    expect(Object.keys(error.headers ?? {}).every((name) => name === name.toLowerCase())).toBe(true);
    expect(Object.keys(error)).not.toContain("headers");
    expect(JSON.stringify(error)).not.toContain("retry-after");
  });

  it("toJSON has statusCode and retryAfterMs, for a 503 too", async () => {
    const error = await failureOf("status:503+retry-after:2");
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect(error.retryAfterMs).toBe(2000);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "OpenRouterProviderError",
      status: 503,
      statusCode: 503,
      retryAfterMs: 2000,
    });
  });

  it("builds errors with the published constructor (message, statusCode, code, metadata, headers)", () => {
    const error = new OpenRouterRateLimitError("slow down", 429, 429, { provider_name: "Google" }, { "Retry-After": "3" });
    expect(error).toMatchObject({ message: "slow down", status: 429, statusCode: 429, code: 429, name: "OpenRouterRateLimitError" });
    expect(error.providerName).toBe("Google");
    expect(error.headers).toEqual({ "retry-after": "3" });
    const bare = new OpenRouterError("no fields", undefined, 7);
    expect(bare.status).toBeUndefined();
    expect(bare.code).toBe(7);
    expect(new OpenRouterError("none").headers).toBeUndefined();
  });

  it("still builds errors from a fields object, Headers included", () => {
    const error = new OpenRouterError("x", { status: 502, headers: new Headers({ "X-Generation-Id": "gen-1" }), retryAfterMs: 5 });
    expect(error.statusCode).toBe(502);
    expect(error.headers).toEqual({ "x-generation-id": "gen-1" });
    expect(error.retryAfterMs).toBe(5);
  });
});

describe("the published 0.4 classes", () => {
  it.each([
    ["status:401", OpenRouterAuthError],
    ["status:403", OpenRouterModerationError],
    ["fixture:error-403-moderation.reconstructed.json", OpenRouterModerationError],
    ["fixture:error-403-guardrail-with-router-metadata.docs-example.json", OpenRouterPermissionError],
    ["fixture:error-403-provider-region-blocked.transcribed.json", OpenRouterPermissionError],
  ])("%s is an OpenRouterAuthError and still its finer class", async (scenario, errorClass) => {
    const error = await failureOf(scenario);
    expect(error).toBeInstanceOf(OpenRouterAuthError);
    expect(OpenRouterAuthError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(errorClass);
    expect(errorClass.isInstance(error)).toBe(true);
    expect(error.name).toBe(errorClass.name);
  });

  it("402 is not an auth error (the published package maps it to the base class)", async () => {
    const error = await failureOf("status:402");
    expect(error).toBeInstanceOf(OpenRouterInsufficientCreditsError);
    expect(error).not.toBeInstanceOf(OpenRouterAuthError);
    expect(OpenRouterAuthError.isInstance(error)).toBe(false);
  });

  it("isInstance is per class, as the published one is: a 429 is no OpenRouterAuthError, a 401 no rate limit", async () => {
    const rateLimited = await failureOf("status:429");
    const unauthorised = await failureOf("status:401");
    expect(OpenRouterAuthError.isInstance(rateLimited)).toBe(false);
    expect(OpenRouterRateLimitError.isInstance(rateLimited)).toBe(true);
    expect(OpenRouterRateLimitError.isInstance(unauthorised)).toBe(false);
    expect(OpenRouterError.isInstance(rateLimited) && OpenRouterError.isInstance(unauthorised)).toBe(true);
    expect(OpenRouterError.isInstance(new Error("x"))).toBe(false);
    expect(OpenRouterError.isInstance("OpenRouterError")).toBe(false);
  });

  it("carries the brands the published package and core check, so those checks hold across copies", async () => {
    const error = await failureOf("status:429");
    expect(LangChainError.isInstance(error)).toBe(true);
    // core 1.4's brands answer `instanceof` too; core 1.2's LangChainError keeps the prototype check
    const brandedInstanceof = LangChainError[Symbol.hasInstance] !== Function.prototype[Symbol.hasInstance];
    expect(error instanceof LangChainError).toBe(brandedInstanceof);
    const brandOf = (name: string) => (error as unknown as Record<symbol, unknown>)[Symbol.for(name)];
    expect(brandOf("langchain.error.openrouter")).toBe(true);
    expect(brandOf("langchain.error.openrouter.rate_limit")).toBe(true);
    expect(brandOf("langchain.error.openrouter.auth")).toBeUndefined();
    // a copy of the class from another bundle recognises it by the brand, not the prototype
    const otherCopy = Object.create(null) as object;
    Object.defineProperty(otherCopy, Symbol.for("langchain.error.openrouter.rate_limit"), { value: true });
    Object.defineProperty(otherCopy, Symbol.for("langchain.error.openrouter"), { value: true });
    expect(otherCopy).toBeInstanceOf(OpenRouterRateLimitError);
    expect(OpenRouterAuthError.isInstance(otherCopy)).toBe(false);
  });
});

/** The emulator's raw HTTP answer to a chat request under `scenario`, as a user's own fetch gets it. */
function answerTo(scenario: string): Promise<Response> {
  return fetch(`${emulator.current.baseURLFor(scenario)}/chat/completions`, {
    method: "POST",
    headers: { Authorization: `Bearer ${CANARY_API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }),
  });
}

describe("OpenRouterError.fromResponse", () => {
  it.each([
    [400, OpenRouterBadRequestError],
    [401, OpenRouterAuthError],
    [402, OpenRouterInsufficientCreditsError],
    [403, OpenRouterModerationError],
    [404, OpenRouterNotFoundError],
    [408, OpenRouterTimeoutError],
    [413, OpenRouterError],
    [422, OpenRouterError],
    [429, OpenRouterRateLimitError],
    [500, OpenRouterProviderError],
    [502, OpenRouterProviderError],
    [503, OpenRouterProviderError],
    [524, OpenRouterTimeoutError],
    [529, OpenRouterProviderError],
  ])("status:%i → %o, the error the transport raises for the same answer", async (status, errorClass) => {
    const error = await OpenRouterError.fromResponse(await answerTo(`status:${status}`));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.constructor).toBe(errorClass);
    expect(error.status).toBe(status);
    expect(error.statusCode).toBe(status);
    expect(error.headers?.["content-type"]).toBe("application/json");
    const raised = await failureOf(`status:${status}`);
    expect({ ...error.toJSON(), requestId: undefined }).toEqual({ ...raised.toJSON(), requestId: undefined });
    expect(error.message).toBe(raised.message);
  });

  it("reads the fixture body: message, code, metadata (error-429-provider-rate-limited.json)", async () => {
    const error = await OpenRouterError.fromResponse(await answerTo("fixture:error-429-provider-rate-limited.json"));
    expect(error).toBeInstanceOf(OpenRouterRateLimitError);
    expect(error.message).toMatch(/^OpenRouter 429: Provider returned error \(Google: /);
    expect(error.code).toBe(429);
    expect(error.metadata?.["provider_name"]).toBe("Google");
  });

  it("names the status text when the body is HTML or empty", async () => {
    const html = await OpenRouterError.fromResponse(await answerTo("html:502"));
    expect(html).toBeInstanceOf(OpenRouterProviderError);
    expect(html.message).toMatch(/^OpenRouter 502: Bad Gateway \(non-JSON body: <!DOCTYPE html>/);
    expect(html.headers?.["content-type"]).toContain("text/html");
    const empty = await OpenRouterError.fromResponse(await answerTo("empty:401"));
    expect(empty).toBeInstanceOf(OpenRouterAuthError);
    expect(empty.message.split("\n")[0]).toBe("OpenRouter 401: Unauthorized (empty body)");
    expect(empty.code).toBe(401);
    const teapot = await OpenRouterError.fromResponse(await answerTo("html:418"));
    expect(teapot.constructor).toBe(OpenRouterError);
    expect(teapot.message).toMatch(/^OpenRouter 418: I'm a Teapot \(non-JSON body: /i);
  });

  it("is inherited: a subclass's fromResponse still picks the class by status", async () => {
    const error = await OpenRouterRateLimitError.fromResponse(await answerTo("status:403"));
    expect(error).toBeInstanceOf(OpenRouterModerationError);
  });
});

describe("rateLimitType: a quota or a momentary limit", () => {
  it("a quota is a stop (error-429-free-models-per-day.transcribed.json)", async () => {
    const error = (await failureOf("fixture:error-429-free-models-per-day.transcribed.json")) as OpenRouterRateLimitError;
    expect(error).toBeInstanceOf(OpenRouterRateLimitError);
    expect(error.rateLimitType).toBe("stop");
    expect(error.rateLimitReason).toBe("free-models-per-day");
    expect(error.message).toContain("A quota, not a momentary rate limit");
    expect(error.toJSON()).toMatchObject({ rateLimitType: "stop", rateLimitReason: "free-models-per-day" });
  });

  it.each([
    ["status:429", undefined],
    ["fixture:error-429-provider-rate-limited.json", undefined],
    ["fixture:error-429-upstream-limit-source.transcribed.json", "upstream_provider_shared_pool"],
    ["fixture:error-429-capacity-exhausted-availability.docs-example.json", "capacity_exhausted"],
    ["fixture:error-429-typed-error-type.docs-example.json", undefined],
  ])("%s is a retry", async (scenario, reason) => {
    const error = (await failureOf(scenario)) as OpenRouterRateLimitError;
    expect(error.rateLimitType).toBe("retry");
    expect(error.rateLimitReason).toBe(reason);
    expect(error.message).toContain("Rate limited: retry later");
  });

  it("classifies an error built by hand with the published constructor", () => {
    expect(new OpenRouterRateLimitError("Rate limit exceeded: free-models-per-day", 429).rateLimitType).toBe("stop");
    expect(new OpenRouterRateLimitError("Too many requests", 429).rateLimitType).toBe("retry");
    expect(new OpenRouterRateLimitError("x", { rateLimitType: "stop", rateLimitReason: "mine" })).toMatchObject({
      rateLimitType: "stop",
      rateLimitReason: "mine",
    });
  });
});
