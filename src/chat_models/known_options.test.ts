import { describe, expect, it } from "vitest";
import { closestOption, unknownOption } from "./known_options.js";

const KNOWN = ["temperature", "maxTokens", "topP", "topK", "sessionId", "modelKwargs", "stop"];

describe("closestOption", () => {
  it.each([
    ["temprature", '"temperature"'],
    ["temperture", '"temperature"'],
    ["tmeperature", '"temperature"'],
    ["max_tokens", '"maxTokens"'],
    ["maxtokens", '"maxTokens"'],
    ["top_p", '"topP"'],
    ["session_id", '"sessionId"'],
    ["model_kwargs", '"modelKwargs"'],
  ])("%s → %s", (typo, suggestion) => {
    expect(closestOption(typo, KNOWN)).toBe(suggestion);
  });

  it("names the option other integrations call by another name", () => {
    expect(closestOption("maxOutputTokens", KNOWN)).toBe('"maxTokens"');
    expect(closestOption("max_completion_tokens", KNOWN)).toBe('"maxTokens"');
    expect(closestOption("openAIApiKey", KNOWN)).toBe('"apiKey"');
    expect(closestOption("configuration", KNOWN)).toMatch(/"baseURL", "defaultHeaders" or "fetch"/);
  });

  it("suggests nothing when no option is close", () => {
    expect(closestOption("banana", KNOWN)).toBeUndefined();
    expect(closestOption("x", KNOWN)).toBeUndefined();
    expect(closestOption("frequency", KNOWN)).toBeUndefined();
  });
});

describe("unknownOption", () => {
  it("knows every option of @langchain/openrouter 0.4.11, where 0.4.11 takes it", () => {
    // ChatOpenRouterParams (constructor) and ChatOpenRouterCallOptions of its dist/chat_models/types.d.ts
    const shared = ["temperature", "maxTokens", "topP", "topK", "frequencyPenalty", "presencePenalty", "repetitionPenalty", "minP", "topA", "seed", "stop", "logitBias", "topLogprobs", "transforms", "models", "route", "provider", "plugins", "sessionId", "trace"];
    const constructorOnly = ["model", "apiKey", "baseURL", "siteUrl", "siteName", "appCategories", "user", "modelKwargs", "streamUsage"];
    const baseParams = ["verbose", "callbacks", "tags", "metadata", "callbackManager", "cache", "maxConcurrency", "maxRetries", "onFailedAttempt", "disableStreaming", "outputVersion"];
    const callOnly = ["tools", "response_format", "strict", "prediction", "user", "signal", "tool_choice", "timeout", "runName", "configurable", "recursionLimit", "runId", "ls_structured_output_format"];
    for (const key of [...shared, ...constructorOnly, ...baseParams, "modelName"]) expect(unknownOption(key, "constructor"), key).toBeUndefined();
    for (const key of [...shared, ...callOnly, "callbacks", "tags", "metadata", "maxRetries", "outputVersion", "maxConcurrency"]) {
      expect(unknownOption(key, "call"), key).toBeUndefined();
    }
  });

  it("knows what LangGraph, createAgent, streamEvents and tools put in call options", () => {
    for (const key of ["context", "store", "writer", "interrupt", "heartbeat", "executionInfo", "serverInfo", "control", "promptIndex", "version", "encoding", "toolCall", "outputConfig", "responseSchema", "streamMode", "durability"]) {
      expect(unknownOption(key, "call"), key).toBeUndefined();
    }
  });

  it("throws at construction for a typo, naming the option it resembles and modelKwargs", () => {
    expect(unknownOption("temprature", "constructor")).toEqual({
      message: 'ChatOpenRouter has no constructor option "temprature"; did you mean "temperature"? A request body field this package does not know goes in modelKwargs: { temprature: … }.',
      fatal: true,
    });
  });

  it("points a call option given to the constructor to where it belongs", () => {
    expect(unknownOption("tools", "constructor")?.message).toMatch(/"tools" is a call option: use model.bindTools/);
    expect(unknownOption("response_format", "constructor")?.message).toMatch(/withStructuredOutput/);
    expect(unknownOption("headers", "constructor")?.message).toMatch(/use defaultHeaders/);
    expect(unknownOption("signal", "constructor")?.message).toMatch(/pass it to invoke, stream or batch/);
  });

  it("warns (not fatal) for a call typo and for a constructor-only option in a call", () => {
    expect(unknownOption("temprature", "call")).toMatchObject({ fatal: false, message: expect.stringMatching(/ignored the call option "temprature".*did you mean "temperature"/) });
    expect(unknownOption("apiKey", "call")).toMatchObject({ fatal: false, message: expect.stringMatching(/cannot change per call; set it on the model \(model.apiKey = …\)/) });
    expect(unknownOption("modelName", "call")?.message).toMatch(/use "model"/);
  });

  it("takes streaming at construction (invoke through the stream), not per call", () => {
    expect(unknownOption("streaming", "constructor")).toBeUndefined();
    expect(unknownOption("streaming", "call")?.fatal).toBe(false);
  });
});
