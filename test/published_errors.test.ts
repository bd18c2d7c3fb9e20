// Code written against the published @langchain/openrouter 0.4 errors keeps working: its field
// names, its constructor and its classes, on the errors our transport raises.
import { LangChainError } from "@langchain/core/errors";
import { describe, expect, it } from "vitest";
import {
  OpenRouterAuthError,
  OpenRouterError,
  OpenRouterInsufficientCreditsError,
  OpenRouterModerationError,
  OpenRouterPermissionError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
} from "../src/index.js";
import { modelOn, useEmulator } from "./helpers/emulator.js";

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
    expect(error).toBeInstanceOf(LangChainError);
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
