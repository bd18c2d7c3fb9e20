import { describe, expect, it } from "vitest";
import type { OpenRouterLogprobs } from "../wire/types.js";
import { appendLogprobs, factsOfResponse, fromWireMetadata } from "./from_wire_metadata.js";

describe("fromWireMetadata", () => {
  it("keeps only what OpenRouter sent, including openrouter_metadata and logprobs", () => {
    const metadata = fromWireMetadata(
      factsOfResponse({
        id: "gen-1",
        model: "openai/gpt-4o-2024-08-06",
        provider: "OpenAI",
        created: 1,
        system_fingerprint: null,
        openrouter_metadata: { strategy: "direct", attempt: 1 },
        choices: [{ finish_reason: "stop", native_finish_reason: "stop", logprobs: { content: [{ token: "Hi", logprob: -0.1 }] } }],
      })
    );
    expect(metadata).toEqual({
      model_provider: "openrouter",
      model_name: "openai/gpt-4o-2024-08-06",
      model: "openai/gpt-4o-2024-08-06",
      provider: "OpenAI",
      id: "gen-1",
      created: 1,
      finish_reason: "stop",
      native_finish_reason: "stop",
      logprobs: { content: [{ token: "Hi", logprob: -0.1 }] },
      openrouter_metadata: { strategy: "direct", attempt: 1 },
    });
  });
});

describe("appendLogprobs", () => {
  it("appends the token lists of each streamed chunk; nulls are filled once", () => {
    let logprobs: OpenRouterLogprobs | null | undefined;
    logprobs = appendLogprobs(logprobs, { content: [{ token: "a", logprob: -1 }], refusal: null });
    logprobs = appendLogprobs(logprobs, null);
    logprobs = appendLogprobs(logprobs, { content: [{ token: "b", logprob: -2 }], refusal: null });
    expect(logprobs).toEqual({ content: [{ token: "a", logprob: -1 }, { token: "b", logprob: -2 }], refusal: null });
  });
});
