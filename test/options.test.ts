import type { AIMessageChunk } from "@langchain/core/messages";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ChatOpenRouter, type ChatOpenRouterFields, OpenRouterAuthError, OpenRouterTimeoutError } from "../src/index.js";
import { CANARY_API_KEY, lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";
import { FastRetryChatOpenRouter } from "./reliability/helpers/fast_retry_model.js";
import { fromWireMetadata, headerFactsOf } from "../src/convert/from_wire_metadata.js";

const emulator = useEmulator();

const EVERY_OPTION: Partial<ChatOpenRouterFields> = {
  temperature: 0.2,
  maxTokens: 256,
  topP: 0.9,
  topK: 40,
  minP: 0.05,
  topA: 0.1,
  frequencyPenalty: 0.5,
  presencePenalty: -0.5,
  repetitionPenalty: 1.1,
  seed: 7,
  stop: ["\n\n"],
  logitBias: { "50256": -100 },
  user: "user-42",
  sessionId: "session-1",
  trace: { trace_id: "trace-9", generation_name: "answer" },
  transforms: ["middle-out"],
  prediction: { type: "content", content: "const x = 1;" },
  provider: { order: ["Anthropic", "Google"], allow_fallbacks: true, sort: { by: "price", partition: "none" }, max_price: { prompt: 1 } },
  models: ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"],
  route: "fallback",
  plugins: [{ id: "web", max_results: 5 }, { id: "file-parser", pdf: { engine: "mistral-ocr" } }],
  reasoning: { effort: "high", exclude: false },
  modalities: ["text"],
  modelKwargs: { debug: { echo_upstream_body: true }, temperature: 0.3 },
};

describe("options", () => {
  it("sends every option under its wire name, modelKwargs last, and nothing unset", async () => {
    await modelOn(emulator.current, { model: "openai/gpt-4o", ...EVERY_OPTION }).invoke("hi");
    expect(lastChatBody(emulator.current)).toEqual({
      model: "openai/gpt-4o",
      temperature: 0.3,
      max_tokens: 256,
      top_p: 0.9,
      top_k: 40,
      min_p: 0.05,
      top_a: 0.1,
      frequency_penalty: 0.5,
      presence_penalty: -0.5,
      repetition_penalty: 1.1,
      seed: 7,
      stop: ["\n\n"],
      logit_bias: { "50256": -100 },
      user: "user-42",
      session_id: "session-1",
      trace: { trace_id: "trace-9", generation_name: "answer" },
      transforms: ["middle-out"],
      prediction: { type: "content", content: "const x = 1;" },
      provider: EVERY_OPTION.provider,
      models: EVERY_OPTION.models,
      route: "fallback",
      plugins: EVERY_OPTION.plugins,
      reasoning: { effort: "high", exclude: false },
      modalities: ["text"],
      debug: { echo_upstream_body: true },
      messages: [{ role: "user", content: "hi" }],
    });
  });

  it("lets invoke, stream, batch, bind and withConfig override the constructor for one call", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o", temperature: 0, provider: { sort: "price" } });
    await model.withConfig({ temperature: 0.9, provider: { sort: "latency" } }).invoke("hi");
    expect(lastChatBody(emulator.current)).toMatchObject({ temperature: 0.9, provider: { sort: "latency" } });
    await model.invoke("hi", { model: "anthropic/claude-sonnet-4.5", maxTokens: 5 });
    expect(lastChatBody(emulator.current)).toMatchObject({ model: "anthropic/claude-sonnet-4.5", max_tokens: 5, temperature: 0 });
    for await (const _chunk of await model.stream("hi", { topP: 0.5 })) void _chunk;
    expect(lastChatBody(emulator.current)).toMatchObject({ top_p: 0.5, stream: true });
    await model.batch(["hi"], { seed: 3 });
    expect(lastChatBody(emulator.current)).toMatchObject({ seed: 3 });
    await model.withConfig({ plugins: [{ id: "moderation" }] }).invoke("hi");
    expect(lastChatBody(emulator.current)).toMatchObject({ plugins: [{ id: "moderation" }] });
    await model.invoke("hi");
    expect(lastChatBody(emulator.current)).toEqual({
      model: "openai/gpt-4o",
      temperature: 0,
      provider: { sort: "price" },
      messages: [{ role: "user", content: "hi" }],
    });
  });

  it("honours disableStreaming: stream() then makes one non-streamed request", async () => {
    const chunks = [];
    for await (const chunk of await modelOn(emulator.current, { disableStreaming: true, scenario: "say:4" }).stream("What is 2 + 2?")) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.content)).toEqual(["4"]);
    expect(lastChatBody(emulator.current)).not.toHaveProperty("stream");
  });

  it("reports exactly the six ls_* params, per call", () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o", temperature: 0.1, maxTokens: 10, stop: ["x"] });
    expect(model.getLsParams({})).toEqual({
      ls_provider: "openrouter",
      ls_model_name: "openai/gpt-4o",
      ls_model_type: "chat",
      ls_temperature: 0.1,
      ls_max_tokens: 10,
      ls_stop: ["x"],
    });
    expect(model.getLsParams({ model: "x/y", temperature: 1 } as never)).toMatchObject({ ls_model_name: "x/y", ls_temperature: 1 });
    expect(model._llmType()).toBe("openrouter");
    expect(model.lc_secrets).toEqual({ apiKey: "OPENROUTER_API_KEY" });
    expect(model.lc_serializable).toBe(true);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["no model", {}, /needs a model/],
    ["empty model", { model: " " }, /"model" must be a non-empty model slug/],
    ["model of the wrong type", { model: 4 }, /"model" must be a non-empty model slug/],
    ["temperature as a string", { model: "a/b", temperature: "0.5" }, /"temperature" must be a finite number; got "0.5"/],
    ["maxTokens of 0", { model: "a/b", maxTokens: 0 }, /"maxTokens" must be an integer ≥ 1/],
    ["unknown route", { model: "a/b", route: "cheapest" }, /"route" must be "fallback" or "sort"/],
    ["provider as a string", { model: "a/b", provider: "OpenAI" }, /"provider" must be an object/],
    ["models as a string", { model: "a/b", models: "openai/gpt-4o" }, /"models" must be an array of strings/],
    ["plugins without id", { model: "a/b", plugins: [{ max_results: 5 }] }, /"plugins" must be an array of plugin objects/],
    ["negative maxRetries", { model: "a/b", maxRetries: -1 }, /"maxRetries" must be an integer ≥ 0/],
    ["negative timeout", { model: "a/b", timeout: -5 }, /"timeout" must be a number of milliseconds > 0/],
    ["baseURL without a scheme", { model: "a/b", baseURL: "openrouter.ai/api/v1" }, /"baseURL" must be an absolute http\(s\) URL/],
    ["stop as a number", { model: "a/b", stop: 3 }, /"stop" must be an array of strings/],
    ["defaultHeaders with a number", { model: "a/b", defaultHeaders: { "x-a": 1 } }, /"defaultHeaders" must be an object of string values/],
  ])("rejects %s at construction, naming the fix", (_label, fields, message) => {
    expect(() => new ChatOpenRouter({ apiKey: CANARY_API_KEY, ...fields } as ChatOpenRouterFields)).toThrow(message);
  });

  it("rejects a bad call option before any request", async () => {
    const model = modelOn(emulator.current);
    await expect(model.invoke("hi", { temperature: "hot" } as never)).rejects.toThrow(/call option "temperature" must be a finite number/);
    await expect(model.invoke("hi", { tool_choice: 42 } as never)).rejects.toThrow(/tool_choice/);
    await expect(model.invoke("hi", { modelKwargs: { budget: 1n } })).rejects.toThrow(
      /^ChatOpenRouter could not serialise the request to JSON/
    );
    expect(emulator.current.chatRequests()).toHaveLength(0);
  });

  it("refuses a baseURL with credentials, at construction, without quoting them (also from OPENROUTER_BASE_URL)", () => {
    const secret = "s3cr3t-proxy-password";
    const attempt = (fields: Partial<ChatOpenRouterFields>) => {
      try {
        new ChatOpenRouter({ model: "a/b", apiKey: CANARY_API_KEY, ...fields });
      } catch (error) {
        return error as Error;
      }
      throw new Error("constructed");
    };
    const direct = attempt({ baseURL: `http://user:${secret}@proxy.local/api/v1` });
    expect(direct).toBeInstanceOf(TypeError);
    expect(direct.message).toMatch(/option "baseURL" must be a URL without credentials/);
    expect(direct.message).toContain("http://***@proxy.local/api/v1");
    expect(direct.message).not.toContain(secret);
    vi.stubEnv("OPENROUTER_BASE_URL", `https://${secret}@proxy.local/api/v1`);
    try {
      const fromEnv = attempt({});
      expect(fromEnv.message).toMatch(/needs a URL without credentials.*: OPENROUTER_BASE_URL is "https:\/\/\*\*\*@proxy.local/);
      expect(fromEnv.message).not.toContain(secret);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("options 0.4.11 has: sessionId, trace, transforms, prediction, appCategories", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("sends trace, transforms, prediction and sessionId from a call, over the model's", async () => {
    const model = modelOn(emulator.current, { sessionId: "model-session", transforms: ["middle-out"], trace: { trace_id: "t-model" } });
    await model.invoke("hi", {
      sessionId: "call-session",
      trace: { trace_id: "t-call", span_name: "step" },
      transforms: [],
      prediction: { type: "content", content: "Hello" },
    });
    expect(lastChatBody(emulator.current)).toMatchObject({
      session_id: "call-session",
      trace: { trace_id: "t-call", span_name: "step" },
      transforms: [],
      prediction: { type: "content", content: "Hello" },
    });
    await model.invoke("hi");
    expect(lastChatBody(emulator.current)).toMatchObject({ session_id: "model-session", transforms: ["middle-out"], trace: { trace_id: "t-model" } });
    expect(lastChatBody(emulator.current)).not.toHaveProperty("prediction");
  });

  it("takes sessionId from OPENROUTER_SESSION_ID when unset; an empty id (option or variable) sends none", async () => {
    vi.stubEnv("OPENROUTER_SESSION_ID", "env-session");
    const fromEnv = modelOn(emulator.current);
    expect(fromEnv.sessionId).toBe("env-session");
    await fromEnv.invoke("hi");
    expect(lastChatBody(emulator.current)["session_id"]).toBe("env-session");
    // a call opts out with ""
    await fromEnv.invoke("hi", { sessionId: "" });
    expect(lastChatBody(emulator.current)).not.toHaveProperty("session_id");
    // the option wins over the variable, also when it is ""
    await modelOn(emulator.current, { sessionId: "own" }).invoke("hi");
    expect(lastChatBody(emulator.current)["session_id"]).toBe("own");
    await modelOn(emulator.current, { sessionId: "" }).invoke("hi");
    expect(lastChatBody(emulator.current)).not.toHaveProperty("session_id");
    vi.stubEnv("OPENROUTER_SESSION_ID", "");
    expect(modelOn(emulator.current).sessionId).toBeUndefined();
  });

  it("sends appCategories comma-joined as X-OpenRouter-Categories, and no header when empty", async () => {
    await modelOn(emulator.current, { appCategories: ["cli-agent", "programming-app"] }).invoke("hi");
    expect(emulator.current.lastRequest()!.headers["x-openrouter-categories"]).toBe("cli-agent,programming-app");
    await modelOn(emulator.current, { appCategories: [] }).invoke("hi");
    expect(emulator.current.lastRequest()!.headers).not.toHaveProperty("x-openrouter-categories");
  });

  it("sends LangChain's attribution by default, the app's when set (docs: App attribution)", async () => {
    const model = modelOn(emulator.current);
    expect([model.siteUrl, model.siteName]).toEqual(["https://docs.langchain.com", "LangChain"]);
    await model.invoke("hi");
    expect(emulator.current.lastRequest()!.headers).toMatchObject({
      "http-referer": "https://docs.langchain.com",
      "x-openrouter-title": "LangChain",
      "x-title": "LangChain",
    });
    await modelOn(emulator.current, { siteName: "My App" }).invoke("hi");
    expect(emulator.current.lastRequest()!.headers).toMatchObject({ "http-referer": "https://docs.langchain.com", "x-title": "My App" });
    await modelOn(emulator.current, { siteUrl: "", siteName: "" }).invoke("hi");
    expect(emulator.current.lastRequest()!.headers).not.toHaveProperty("http-referer");
    expect(emulator.current.lastRequest()!.headers).not.toHaveProperty("x-title");
  });

  it("sends no stop for an empty list (the standard tests' stopSequences: [])", async () => {
    await modelOn(emulator.current, { stop: [] }).invoke("hi");
    expect(lastChatBody(emulator.current)).not.toHaveProperty("stop");
    await modelOn(emulator.current, { stop: ["END"] }).invoke("hi", { stop: [] });
    expect(lastChatBody(emulator.current)).not.toHaveProperty("stop");
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["transforms as a string", { transforms: "middle-out" }, /"transforms" must be an array of strings/],
    ["trace as a string", { trace: "t-1" }, /"trace" must be an object/],
    ["prediction without content", { prediction: { type: "content" } }, /"prediction" must be an object such as \{ type: "content"/],
    ["appCategories as a string", { appCategories: "cli-agent" }, /"appCategories" must be an array of category strings/],
    ["sessionId as a number", { sessionId: 7 }, /"sessionId" must be a string/],
  ])("rejects %s, naming the fix", (_label, fields, message) => {
    expect(() => new ChatOpenRouter({ model: "a/b", apiKey: CANARY_API_KEY, ...fields } as ChatOpenRouterFields)).toThrow(message);
  });
});

describe("current OpenRouter request fields, typed (api.md §2.1)", () => {
  const CURRENT: Partial<ChatOpenRouterFields> = {
    maxCompletionTokens: 512,
    verbosity: "low",
    serviceTier: "flex",
    requestMetadata: { team: "search", ticket: "T-1" },
    debug: { echo_upstream_body: true },
    preset: "my-preset",
    maxToolCalls: 5,
    stopServerToolsWhen: [{ type: "step_count_is", count: 3 }],
    promptCacheOptions: { mode: "explicit", ttl: "1h" },
    audio: { voice: "alloy", format: "wav" },
    xSearchFilter: { allowed_x_handles: ["openrouter"] },
  };
  const WIRE = {
    max_completion_tokens: 512,
    verbosity: "low",
    service_tier: "flex",
    metadata: { team: "search", ticket: "T-1" },
    debug: { echo_upstream_body: true },
    preset: "my-preset",
    max_tool_calls: 5,
    stop_server_tools_when: [{ type: "step_count_is", count: 3 }],
    prompt_cache_options: { mode: "explicit", ttl: "1h" },
    audio: { voice: "alloy", format: "wav" },
    x_search_filter: { allowed_x_handles: ["openrouter"] },
  };

  it("sends each under its wire name from the constructor, a call's over it, and none when unset", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o", ...CURRENT });
    await model.invoke("hi");
    expect(lastChatBody(emulator.current)).toMatchObject(WIRE);
    await model.invoke("hi", { verbosity: "high", requestMetadata: { team: "ads" }, maxToolCalls: 1 });
    expect(lastChatBody(emulator.current)).toMatchObject({ ...WIRE, verbosity: "high", metadata: { team: "ads" }, max_tool_calls: 1 });
    await modelOn(emulator.current, { model: "openai/gpt-4o" }).invoke("hi");
    const plain = lastChatBody(emulator.current);
    for (const field of Object.keys(WIRE)) expect(plain).not.toHaveProperty(field);
  });

  it("LangChain's tracing metadata stays LangChain's: it never reaches the body", async () => {
    await modelOn(emulator.current, { model: "openai/gpt-4o", metadata: { langsmith: "x" } }).invoke("hi", { metadata: { run: "y" } });
    expect(lastChatBody(emulator.current)).not.toHaveProperty("metadata");
  });

  it("a preset as the model slug is sent as given", async () => {
    await modelOn(emulator.current, { model: "@preset/my-preset" }).invoke("hi");
    expect(lastChatBody(emulator.current)["model"]).toBe("@preset/my-preset");
  });

  it.each([
    ["requestMetadata with a number", { requestMetadata: { n: 1 } }, /"requestMetadata" must be an object of string values/],
    ["audio without a format", { audio: { voice: "alloy" } }, /"audio" must be an object such as \{ voice: "alloy", format: "wav" \}/],
    ["maxCompletionTokens 0", { maxCompletionTokens: 0 }, /"maxCompletionTokens" must be an integer ≥ 1/],
  ])("rejects %s, naming the fix", (_label, fields, message) => {
    expect(() => new ChatOpenRouter({ model: "a/b", apiKey: CANARY_API_KEY, ...fields } as ChatOpenRouterFields)).toThrow(message);
  });
});

describe("header features: router metadata, the response cache, attribution from the environment", () => {
  afterEach(() => vi.unstubAllEnvs());
  const lastHeaders = () => emulator.current.chatRequests().at(-1)!.headers;
  const streamed = async (model: ChatOpenRouter, input: string) => {
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await model.stream(input)) merged = merged === undefined ? chunk : merged.concat(chunk);
    return merged!;
  };

  it("routerMetadata: true asks for the routing decision, which comes back in response_metadata on invoke and stream", async () => {
    const model = modelOn(emulator.current, { routerMetadata: true });
    const invoked = await model.invoke("hi");
    expect(lastHeaders()["x-openrouter-metadata"]).toBe("enabled");
    expect(invoked.response_metadata["openrouter_metadata"]).toMatchObject({ strategy: "direct", endpoints: { total: 1 } });
    const chunk = await streamed(model, "hi");
    expect(chunk.response_metadata["openrouter_metadata"]).toEqual(invoked.response_metadata["openrouter_metadata"]);
    await modelOn(emulator.current).invoke("hi");
    expect(lastHeaders()).not.toHaveProperty("x-openrouter-metadata");
  });

  it("responseCache sends OpenRouter's cache headers; the answer's cache status and age land in response_metadata", async () => {
    const model = modelOn(emulator.current, { responseCache: { ttl: 60 } });
    const first = await model.invoke("Tell me a joke.");
    expect(lastHeaders()).toMatchObject({ "x-openrouter-cache": "true", "x-openrouter-cache-ttl": "60" });
    expect(first.response_metadata).toMatchObject({ cache_status: "MISS", cache_ttl: 60 });
    const second = await model.invoke("Tell me a joke.");
    expect(second.response_metadata).toMatchObject({ cache_status: "HIT", cache_age: expect.any(Number) });
    const cleared = await model.invoke("Tell me a joke.", { responseCache: { ttl: 60, clear: true } });
    expect(lastHeaders()["x-openrouter-cache-clear"]).toBe("true");
    expect(cleared.response_metadata["cache_status"]).toBe("MISS");
    const chunk = await streamed(model, "Tell me a joke.");
    expect(chunk.response_metadata["cache_status"]).toBe("MISS");
    expect((await streamed(model, "Tell me a joke.")).response_metadata["cache_status"]).toBe("HIT");
  });

  it("the generation id and provider headers reach response_metadata where they add to the body's id and provider", async () => {
    const answer = await modelOn(emulator.current).invoke("hi");
    // the emulator's headers repeat the body: nothing doubled
    expect(answer.response_metadata).not.toHaveProperty("generation_id");
    expect(answer.response_metadata).not.toHaveProperty("provider_name");
    const headers = headerFactsOf(new Headers({ "X-Generation-Id": "gen-2", "X-Provider-Name": "Groq", "X-OpenRouter-Cache-Age": "12" }));
    expect(fromWireMetadata({ id: "gen-1", provider: "OpenAI", headers })).toMatchObject({ generation_id: "gen-2", provider_name: "Groq", cache_age: 12 });
    expect(fromWireMetadata({ headers })).toMatchObject({ generation_id: "gen-2", provider_name: "Groq" });
  });

  it("takes the app's URL and title from OPENROUTER_APP_URL and OPENROUTER_APP_TITLE, the options over them", async () => {
    vi.stubEnv("OPENROUTER_APP_URL", "https://myapp.example");
    vi.stubEnv("OPENROUTER_APP_TITLE", "My App");
    const model = modelOn(emulator.current);
    expect(model).toMatchObject({ siteUrl: "https://myapp.example", siteName: "My App" });
    await model.invoke("hi");
    expect(lastHeaders()).toMatchObject({ "http-referer": "https://myapp.example", "x-openrouter-title": "My App" });
    await modelOn(emulator.current, { siteName: "" }).invoke("hi");
    expect(lastHeaders()).not.toHaveProperty("x-openrouter-title");
  });
});

describe("the model's public fields are what the next request sends", () => {
  it("reads every request option as a field", () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o", ...EVERY_OPTION, appCategories: ["cli-agent"], streamUsage: false });
    for (const [option, value] of Object.entries(EVERY_OPTION)) expect(model[option as keyof ChatOpenRouter]).toEqual(value);
    expect(model).toMatchObject({ model: "openai/gpt-4o", appCategories: ["cli-agent"], streamUsage: false, maxRetries: 2, timeout: undefined });
    expect(model.baseURL).toBe(emulator.current.baseURL);
    expect(model.apiKey).toBe(CANARY_API_KEY);
  });

  it("sends request options assigned after construction, with call options still overriding them", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o", temperature: 0 });
    model.model = "anthropic/claude-sonnet-4.5";
    model.temperature = 0.5;
    model.topP = 0.9;
    model.sessionId = "assigned";
    model.provider = { sort: "latency" };
    model.modelKwargs = { debug: { echo_upstream_body: true } };
    await model.invoke("hi");
    expect(lastChatBody(emulator.current)).toEqual({
      model: "anthropic/claude-sonnet-4.5",
      temperature: 0.5,
      top_p: 0.9,
      session_id: "assigned",
      provider: { sort: "latency" },
      debug: { echo_upstream_body: true },
      messages: [{ role: "user", content: "hi" }],
    });
    await model.invoke("hi", { temperature: 1, model: "openai/gpt-4o" });
    expect(lastChatBody(emulator.current)).toMatchObject({ temperature: 1, model: "openai/gpt-4o", top_p: 0.9 });
    model.streamUsage = false;
    for await (const _chunk of await model.stream("hi")) void _chunk;
    expect(lastChatBody(emulator.current)).not.toHaveProperty("stream_options");
    // getLsParams, profile and invocationParams agree with what was sent
    expect(model.getLsParams({})).toMatchObject({ ls_model_name: "anthropic/claude-sonnet-4.5", ls_temperature: 0.5 });
    expect(model.profile.toolCalling).toBe(true);
    expect(model.invocationParams({})).toMatchObject({ model: "anthropic/claude-sonnet-4.5", top_p: 0.9 });
  });

  it("sends connection fields assigned after construction: apiKey, baseURL, siteUrl, siteName, appCategories, defaultHeaders", async () => {
    const model = new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: "sk-or-v1-first-key", baseURL: "http://127.0.0.1:9/api/v1" });
    model.baseURL = emulator.current.baseURL;
    model.apiKey = CANARY_API_KEY;
    model.siteUrl = "https://myapp.com";
    model.siteName = "My App";
    model.appCategories = ["cli-agent"];
    model.defaultHeaders = { "x-extra": "1" };
    await model.invoke("hi");
    expect(emulator.current.lastRequest()!.headers).toMatchObject({
      authorization: `Bearer ${CANARY_API_KEY}`,
      "http-referer": "https://myapp.com",
      "x-openrouter-title": "My App",
      "x-title": "My App",
      "x-openrouter-categories": "cli-agent",
      "x-extra": "1",
    });
    // an assigned key stays out of enumeration like the constructor's
    expect(JSON.stringify(model)).not.toContain(CANARY_API_KEY);
    expect(inspect(model, { depth: 10 })).not.toContain(CANARY_API_KEY);
    expect(Object.keys(model)).not.toContain("apiKey");
    model.apiKey = "";
    await expect(model.invoke("hi")).rejects.toThrow(OpenRouterAuthError);
    model.apiKey = CANARY_API_KEY;
    model.baseURL = "openrouter.ai/api/v1";
    await expect(model.invoke("hi")).rejects.toThrow(/"baseURL" must be an absolute http\(s\) URL/);
  });

  it("uses maxRetries and timeout assigned after construction", async () => {
    const model = new FastRetryChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURLFor("status:503@assigned"), maxRetries: 0 });
    await expect(model.invoke("hi")).rejects.toThrow();
    expect(emulator.current.chatRequests()).toHaveLength(1);
    model.maxRetries = 2;
    await expect(model.invoke("hi")).rejects.toThrow();
    expect(emulator.current.chatRequests()).toHaveLength(4);
    const slow = modelOn(emulator.current, { scenario: "slow:400" });
    slow.timeout = 50;
    slow.maxRetries = 0;
    await expect(slow.invoke("hi")).rejects.toThrow(OpenRouterTimeoutError);
  });

  it("lets withStructuredOutput see models and route assigned after construction (functionCalling under fallback)", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4.1" });
    model.models = ["openai/gpt-4.1", "anthropic/claude-sonnet-4.5"];
    model.route = "fallback";
    await model.withStructuredOutput(z.object({ title: z.string() }), { name: "movie" }).invoke("Inception");
    expect(lastChatBody(emulator.current)).toMatchObject({
      models: ["openai/gpt-4.1", "anthropic/claude-sonnet-4.5"],
      route: "fallback",
      tool_choice: { type: "function", function: { name: "movie" } },
    });
    expect(lastChatBody(emulator.current)).not.toHaveProperty("response_format");
  });
});
