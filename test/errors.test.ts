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
  OpenRouterStreamError,
  OpenRouterTimeoutError,
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

type Row = [fixture: string, errorClass: typeof OpenRouterError, status: number, check: (error: OpenRouterError) => void];

const FIXTURES: Row[] = [
  ["error-400-model-not-found-availability.docs-example.json", OpenRouterBadRequestError, 400, (error) => {
    expect(error.message).toContain("acme/fake-1.0 is not a valid model ID");
    expect(error.availability).toMatchObject({ code: "model_not_found", retryable: false });
  }],
  ["error-400-provider-returned-error-is-byok.transcribed.json", OpenRouterBadRequestError, 400, (error) => {
    expect(error.metadata?.["is_byok"]).toBeDefined();
    expect(error.providerName).toBeTypeOf("string");
  }],
  ["error-400-provider-returned-error-openai.transcribed.json", OpenRouterBadRequestError, 400, (error) => {
    expect(error.message).toBe(
      "OpenRouter 400: Provider returned error (OpenAI: Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'.)"
    );
    expect(error.providerName).toBe("OpenAI");
    expect(error.userId).toBe("org_2x...f5");
  }],
  ["error-401-no-auth-credentials.transcribed.json", OpenRouterAuthError, 401, (error) => {
    expect(error.message).toContain("OPENROUTER_API_KEY");
  }],
  ["error-401-user-not-found.transcribed.json", OpenRouterAuthError, 401, (error) => {
    expect(error.message).toContain("User not found");
  }],
  ["error-402-insufficient-credits-max-tokens.transcribed.json", OpenRouterInsufficientCreditsError, 402, (error) => {
    expect(error.message).toContain("can only afford 10114");
    expect(error.message).toContain("lower maxTokens");
  }],
  ["error-402-never-purchased-credits.transcribed.json", OpenRouterInsufficientCreditsError, 402, (error) => {
    expect(error.message).toContain("never purchased credits");
  }],
  ["error-403-guardrail-with-router-metadata.docs-example.json", OpenRouterPermissionError, 403, (error) => {
    expect(error.metadata?.["patterns"]).toBeInstanceOf(Array);
  }],
  ["error-403-moderation.reconstructed.json", OpenRouterModerationError, 403, (error) => {
    const moderation = error as OpenRouterModerationError;
    expect(moderation.reasons).toEqual(["harassment"]);
    expect(moderation.flaggedInput).toContain("flagged text");
    expect(moderation.providerName).toBe("OpenAI");
  }],
  ["error-403-provider-region-blocked.transcribed.json", OpenRouterPermissionError, 403, (error) => {
    expect(error.message).toBe("OpenRouter 403: Provider returned error (OpenAI: Country, region, or territory not supported)");
  }],
  ["error-404-model-deprecated-availability.docs-example.json", OpenRouterNotFoundError, 404, (error) => {
    expect(error.availability?.["code"]).toBe("model_deprecated");
  }],
  ["error-404-no-allowed-providers.transcribed.json", OpenRouterNotFoundError, 404, (error) => {
    expect(error.metadata?.["available_providers"]).toBeInstanceOf(Array);
    expect(error.message).toContain("provider filters");
  }],
  ["error-404-privacy-restricted-availability.docs-example.json", OpenRouterNotFoundError, 404, (error) => {
    expect(error.availability?.["code"]).toBe("privacy_restricted");
  }],
  ["error-429-capacity-exhausted-availability.docs-example.json", OpenRouterRateLimitError, 429, (error) => {
    expect((error as OpenRouterRateLimitError).retryAfterMs).toBe(40_000);
    expect(error.metadata?.["previous_errors"]).toHaveLength(2);
  }],
  ["error-429-provider-rate-limited.json", OpenRouterRateLimitError, 429, (error) => {
    expect(error.message).toContain("(Google: google/gemini-2.0-flash-exp:free is temporarily rate-limited upstream.");
    expect(error.code).toBe(429);
    expect(error.userId).toBe("user_2wT5ElBE4Es3R4QrNLpZiXICmQP");
  }],
  ["error-429-typed-error-type.docs-example.json", OpenRouterRateLimitError, 429, (error) => {
    expect(error.metadata).toMatchObject({ error_type: "rate_limit_exceeded", provider_code: "rate_limited" });
  }],
  ["error-429-upstream-limit-source.transcribed.json", OpenRouterRateLimitError, 429, (error) => {
    expect(error.metadata?.["limit_source"]).toBe("upstream_provider_shared_pool");
  }],
  ["error-502-with-file-annotations.docs-example.json", OpenRouterProviderError, 502, (error) => {
    expect(error.metadata?.["file_annotations"]).toBeInstanceOf(Array);
  }],
  ["error-object-502-mid-stream-upstream.transcribed.json", OpenRouterProviderError, 502, (error) => {
    expect(error.providerName).toBe("AtlasCloud");
    expect(error.message).toContain("(AtlasCloud: Unexpected token 173781 while expecting start token 200006)");
  }],
  ["error-object-502-provider-unavailable.transcribed.json", OpenRouterProviderError, 502, (error) => {
    expect(error.metadata?.["error_type"]).toBe("provider_unavailable");
  }],
];

describe("errors", () => {
  it.each(FIXTURES)("%s → %o", async (fixture, errorClass, status, check) => {
    const error = await failureOf(`fixture:${fixture}`);
    expect(error).toBeInstanceOf(errorClass);
    expect(error.name).toBe(errorClass.name);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(new RegExp(`^OpenRouter ${status}: `));
    check(error);
  });

  it.each([
    [408, OpenRouterTimeoutError],
    [413, OpenRouterError],
    [422, OpenRouterError],
    [500, OpenRouterProviderError],
    [503, OpenRouterProviderError],
    [524, OpenRouterTimeoutError],
    [529, OpenRouterProviderError],
  ])("status %i from the spec examples → %o", async (status, errorClass) => {
    const error = await failureOf(`status:${status}`);
    expect(error).toBeInstanceOf(errorClass);
    expect(error.status).toBe(status);
  });

  // the one rule of errors.ts: an error inside a non-streamed 200 is the class its code names, and
  // retried as that status is; the body (partial content, usage) stays on the error as `raw`
  it.each([
    ["a choice with error (error-in-200-nonstreaming-choice.docs-example.json)", "error-in-200-nonstreaming-choice.docs-example.json", 502, "Provider disconnected mid-stream"],
    ["a bare error envelope (error-in-200-envelope.handmade.json)", "error-in-200-envelope.handmade.json", 503, "Provider returned error"],
  ])("an error inside a 200 body, %s: the class its code names, the body kept", async (_label, fixture, status, text) => {
    const error = await failureOf(`fixture:${fixture}`);
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect(error).not.toBeInstanceOf(OpenRouterStreamError);
    expect(error.status).toBe(status);
    expect(error.message).toContain(text);
    if (status === 502) {
      expect((error.raw as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe("partial output...");
    } else {
      expect(error.providerName).toBe("Together");
    }
  });

  it.each(["error-in-200-nonstreaming-choice.docs-example.json", "error-in-200-envelope.handmade.json"])(
    "an error inside a 200 body (%s) is retried as its status is, and the retry answers",
    async (fixture) => {
      const scenario = `flaky:1:fixture:${fixture}@retry-${fixture}`;
      const answer = await modelOn(emulator.current, { scenario, maxRetries: 1 }).invoke("hi");
      expect(answer.text).not.toBe("");
      const attempts = emulator.current.chatRequests().filter((request) => request.scenario === scenario);
      expect(attempts).toHaveLength(2);
    }
  );

  it("quotes the status and the start of an HTML or empty body, never a SyntaxError", async () => {
    const html = await failureOf("html:502");
    expect(html).toBeInstanceOf(OpenRouterProviderError);
    expect(html.message).toMatch(/^OpenRouter 502: Bad Gateway \(non-JSON body: <!DOCTYPE html>/);
    const empty = await failureOf("empty:503");
    expect(empty.message).toBe("OpenRouter 503: Service Unavailable (empty body)");
  });

  it("turns a reset connection into OpenRouterConnectionError", async () => {
    const error = await failureOf("reset");
    expect(error.name).toBe("OpenRouterConnectionError");
  });

  it("is recognised across module copies by OpenRouterError.isInstance", async () => {
    const error = await failureOf("status:401");
    expect(OpenRouterError.isInstance(error)).toBe(true);
    expect(OpenRouterError.isInstance(new Error("x"))).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "OpenRouterAuthError", status: 401 });
  });
});
