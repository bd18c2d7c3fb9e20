import { describe, expect, it } from "vitest";
import { rateLimitKindOf } from "./rate_limit_type.js";

describe("rateLimitKindOf", () => {
  it("calls OpenRouter's daily caps a stop, named as OpenRouter names them", () => {
    expect(rateLimitKindOf("Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day")).toEqual({
      type: "stop",
      reason: "free-models-per-day",
    });
    expect(rateLimitKindOf("Rate limit exceeded: free-models-per-day-high-balance.")).toEqual({
      type: "stop",
      reason: "free-models-per-day-high-balance",
    });
    expect(rateLimitKindOf("Rate limit exceeded", { metadata: { limit_source: "openrouter_free_tier_daily" } })).toEqual({
      type: "stop",
      reason: "openrouter_free_tier_daily",
    });
  });

  it("calls an exhausted upstream quota a stop, even when only the provider's raw message says so", () => {
    const raw = '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota"}}';
    expect(rateLimitKindOf("Provider returned error", { metadata: { provider_name: "OpenAI", raw } })).toEqual({
      type: "stop",
      reason: "quota_message",
    });
    expect(rateLimitKindOf("x", { code: "insufficient_quota" })).toEqual({ type: "stop", reason: "insufficient_quota" });
    expect(rateLimitKindOf("x", { availability: { code: "capacity_exhausted", retryable: false } }).type).toBe("stop");
  });

  it("calls ordinary throttling a retry (error-429-*.json bodies, per-minute limits)", () => {
    expect(rateLimitKindOf("Rate limit exceeded: free-models-per-min.")).toEqual({ type: "retry", reason: "free-models-per-min" });
    expect(rateLimitKindOf("Rate limit exceeded")).toEqual({ type: "retry", reason: undefined });
    expect(
      rateLimitKindOf("Provider returned error", {
        code: 429,
        metadata: { raw: "z-ai/glm-5.3-flash is temporarily rate-limited upstream.", limit_source: "upstream_provider_shared_pool" },
      })
    ).toEqual({ type: "retry", reason: "upstream_provider_shared_pool" });
    expect(
      rateLimitKindOf("All providers for anthropic/claude-sonnet-4.5 are at capacity. Retry after 40 seconds.", {
        availability: { code: "capacity_exhausted", retryable: true, retry_after: 40 },
      })
    ).toEqual({ type: "retry", reason: "capacity_exhausted" });
    // Vertex says "quota" about momentary throttling; a per-minute quota clears within a minute
    expect(rateLimitKindOf("Provider returned error", { metadata: { raw: "Resource has been exhausted (e.g. check quota)." } }).type).toBe("retry");
    expect(rateLimitKindOf("Quota exceeded for metric: requests per minute. Please retry in 20s.").type).toBe("retry");
  });
});
