// LangChain's agents key on core's error classes and marks: ContextOverflowError (summarization
// middleware compacts the history on it), the retryability mark (agent middleware retries when
// `getRetryable(error) ?? true`), and the error codes. Feature-detected: core 1.2 has none of them,
// and there the errors are what they always were.
import * as coreErrors from "@langchain/core/errors";
import { describe, expect, it } from "vitest";
import {
  OpenRouterAuthError,
  OpenRouterBadRequestError,
  OpenRouterContextOverflowError,
  OpenRouterError,
  OpenRouterNotFoundError,
  OpenRouterRateLimitError,
  OpenRouterStreamError,
} from "../src/index.js";
import { errorFromBody } from "../src/wire/error_from_response.js";
import { inBandErrorOf } from "../src/wire/transport_errors.js";
import { modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();
const core = coreErrors as Partial<{
  ContextOverflowError: { isInstance(value: unknown): boolean };
  getRetryable(error: unknown): boolean | undefined;
}>;
// the registered symbol core's stampRetryable sets and getRetryable reads, on any core
const retryableMark = (error: unknown) =>
  Object.getOwnPropertyDescriptor(error as object, Symbol.for("langchain.errors.retryable"))?.value as boolean | undefined;

async function failureOf(scenario: string): Promise<OpenRouterError> {
  const error = await modelOn(emulator.current, { scenario, maxRetries: 0 }).invoke("hi").catch((caught: unknown) => caught);
  expect(OpenRouterError.isInstance(error)).toBe(true);
  return error as OpenRouterError;
}

const overflowShapes: [string, unknown][] = [
  ["OpenRouter's own message (aider#3721)", { error: { code: 400, message: "This endpoint's maximum context length is 131072 tokens. However, you requested about 141607 tokens.", metadata: { provider_name: "Chutes" } } }],
  ["error_type context_length_exceeded", { error: { code: 400, message: "Request too large", metadata: { error_type: "context_length_exceeded" } } }],
  ["Anthropic's raw message", { error: { code: 400, message: "Provider returned error", metadata: { provider_name: "Anthropic", raw: '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210345 tokens > 200000 maximum"}}' } } }],
  ["OpenAI's raw code", { error: { code: 400, message: "Provider returned error", metadata: { provider_name: "OpenAI", raw: '{"error":{"message":"Your input exceeds the context window of this model.","code":"context_length_exceeded"}}' } } }],
  ["Google's raw message", { error: { code: 400, message: "Provider returned error", metadata: { provider_name: "Google", raw: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)." } } }],
  ["Bedrock's raw message", { error: { code: 400, message: "Provider returned error", metadata: { provider_name: "Amazon Bedrock", raw: "Input is too long for requested model." } } }],
];

describe("context overflow: an OpenRouterError that is also core's ContextOverflowError", () => {
  it("a recorded 400 (error-400-context-length-chutes.transcribed.json) through the emulator", async () => {
    const error = await failureOf("fixture:error-400-context-length-chutes.transcribed.json");
    expect(error).toBeInstanceOf(OpenRouterContextOverflowError);
    expect(error).toBeInstanceOf(OpenRouterBadRequestError);
    expect(error.status).toBe(400);
    expect(error.providerName).toBe("Chutes");
    expect(error.lc_error_code).toBe("CONTEXT_OVERFLOW");
    expect(retryableMark(error)).toBe(false);
    if (core.ContextOverflowError) expect(core.ContextOverflowError.isInstance(error)).toBe(true);
  });

  it.each(overflowShapes)("%s", (_label, body) => {
    const error = errorFromBody(400, body);
    expect(error).toBeInstanceOf(OpenRouterContextOverflowError);
    if (core.ContextOverflowError) expect(core.ContextOverflowError.isInstance(error)).toBe(true);
  });

  it("inside a 200 body, as the reporter got it: the class its code names", () => {
    const error = errorFromBody(undefined, overflowShapes[0]![1]);
    expect(error).toBeInstanceOf(OpenRouterContextOverflowError);
  });

  it("mid-stream: the stream error is one too, its cause the 400", () => {
    const error = inBandErrorOf({ code: 400, message: "This endpoint's maximum context length is 8192 tokens." }, { generationId: "gen-1" });
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect(error.cause).toBeInstanceOf(OpenRouterContextOverflowError);
    expect(retryableMark(error)).toBe(false);
    if (core.ContextOverflowError) expect(core.ContextOverflowError.isInstance(error)).toBe(true);
  });

  it("other 400s are not: an invalid parameter, a model id", () => {
    for (const message of ["temperature must be between 0 and 2", "acme/fake-1.0 is not a valid model ID", "Provider returned error"]) {
      const error = errorFromBody(400, { error: { code: 400, message } });
      expect(error).not.toBeInstanceOf(OpenRouterContextOverflowError);
      if (core.ContextOverflowError) expect(core.ContextOverflowError.isInstance(error)).toBe(false);
    }
  });
});

describe("retryability: every error carries core's mark, true exactly where this package retries", () => {
  const rows: [string, string, boolean][] = [
    ["400", "status:400", false],
    ["401", "status:401", false],
    ["402", "status:402", false],
    ["403 moderation", "status:403", false],
    ["404", "status:404", false],
    ["408", "status:408", true],
    ["429", "status:429", true],
    ["429 free-models-per-day quota", "fixture:error-429-free-models-per-day.transcribed.json", false],
    ["500", "status:500", true],
    ["502", "status:502", true],
    ["503", "status:503", true],
    ["a reset connection", "reset", true],
  ];

  it.each(rows)("%s: retryable %s", async (_label, scenario, retryable) => {
    const error = await failureOf(scenario);
    expect(retryableMark(error)).toBe(retryable);
    expect(error.retryable).toBe(retryable);
    if (core.getRetryable) expect(core.getRetryable(error)).toBe(retryable);
  });

  it("a broken stream is as retryable as the error it carried", async () => {
    const model = modelOn(emulator.current, { scenario: "mid-stream-error", maxRetries: 0 });
    const error = await (async () => {
      for await (const _ of await model.stream("hi")) {
        // read until it breaks
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect(retryableMark(error)).toBe(true);
  });

  it("LangChain's error codes where core defines them", async () => {
    expect((await failureOf("status:401")).lc_error_code).toBe("MODEL_AUTHENTICATION");
    expect((await failureOf("status:404")).lc_error_code).toBe("MODEL_NOT_FOUND");
    expect((await failureOf("status:429")).lc_error_code).toBe("MODEL_RATE_LIMIT");
    // a 403 is an OpenRouterAuthError, but not an authentication failure
    expect((await failureOf("status:403")).lc_error_code).toBeUndefined();
    expect((await failureOf("status:502")).lc_error_code).toBeUndefined();
    expect(new OpenRouterAuthError("no key").lc_error_code).toBe("MODEL_AUTHENTICATION");
    expect(new OpenRouterNotFoundError("x").retryable).toBe(false);
    expect(new OpenRouterRateLimitError("Rate limit exceeded: free-models-per-day", { status: 429 }).retryable).toBe(false);
  });
});
