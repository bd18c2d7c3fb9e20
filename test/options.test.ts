import { describe, expect, it } from "vitest";
import { ChatOpenRouter, type ChatOpenRouterFields } from "../src/index.js";
import { CANARY_API_KEY, lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";

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
  provider: { order: ["Anthropic", "Google"], allow_fallbacks: true, sort: { by: "price", partition: "none" }, max_price: { prompt: 1 } },
  models: ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"],
  route: "fallback",
  plugins: [{ id: "web", max_results: 5 }, { id: "file-parser", pdf: { engine: "mistral-ocr" } }],
  reasoning: { effort: "high", exclude: false },
  modalities: ["text"],
  modelKwargs: { transforms: ["middle-out"], temperature: 0.3 },
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
      provider: EVERY_OPTION.provider,
      models: EVERY_OPTION.models,
      route: "fallback",
      plugins: EVERY_OPTION.plugins,
      reasoning: { effort: "high", exclude: false },
      modalities: ["text"],
      transforms: ["middle-out"],
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
    for await (const chunk of await modelOn(emulator.current, { disableStreaming: true }).stream("What is 2 + 2?")) chunks.push(chunk);
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
      /could not serialise the request to JSON/
    );
    expect(emulator.current.chatRequests()).toHaveLength(0);
  });
});
