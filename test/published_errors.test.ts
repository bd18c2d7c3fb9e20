// Code written against the published @langchain/openrouter 0.4 errors keeps working: its field
// names, its constructor and its classes, on the errors our transport raises.
import { describe, expect, it } from "vitest";
import { OpenRouterError, OpenRouterProviderError, OpenRouterRateLimitError } from "../src/index.js";
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
