// What code written for @langchain/openrouter 0.4.11 relies on, beyond the options: the
// constructor's forms, modelName, the exports its users import, serialized JSON, run metadata.
import { readFileSync } from "node:fs";
import { load } from "@langchain/core/load";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ChatOpenRouter,
  type ChatOpenRouterCallOptions,
  type ChatOpenRouterFields,
  type ChatOpenRouterInput,
  OPENROUTER_MODEL_PROFILES,
  type OpenRouter,
  type OpenRouterPlugin,
  type OpenRouterResponseFormat,
} from "../src/index.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "../src/chat_models/package_version.js";
import { CANARY_API_KEY, lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the constructor's forms", () => {
  it('takes the model as the first argument: new ChatOpenRouter("vendor/model", fields)', async () => {
    const model = new ChatOpenRouter("anthropic/claude-sonnet-4.5", { apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURL, temperature: 0 });
    expect(model.model).toBe("anthropic/claude-sonnet-4.5");
    await model.invoke("hi");
    expect(lastChatBody(emulator.current)).toMatchObject({ model: "anthropic/claude-sonnet-4.5", temperature: 0 });
    vi.stubEnv("OPENROUTER_API_KEY", CANARY_API_KEY);
    vi.stubEnv("OPENROUTER_BASE_URL", emulator.current.baseURL);
    await new ChatOpenRouter("openai/gpt-4o").invoke("hi");
    expect(lastChatBody(emulator.current)["model"]).toBe("openai/gpt-4o");
  });

  it("takes modelName as an alias of model, on the constructor and as a field", async () => {
    const model = modelOn(emulator.current, { model: undefined, modelName: "openai/gpt-4o" });
    expect([model.model, model.modelName]).toEqual(["openai/gpt-4o", "openai/gpt-4o"]);
    model.modelName = "openai/gpt-4.1";
    expect(model.model).toBe("openai/gpt-4.1");
    await model.invoke("hi");
    expect(lastChatBody(emulator.current)["model"]).toBe("openai/gpt-4.1");
  });

  it("throws when two different models are given", () => {
    const base = { apiKey: CANARY_API_KEY };
    expect(() => new ChatOpenRouter("a/b", { ...base, model: "c/d" } as never)).toThrow('ChatOpenRouter got two models, "a/b" and "c/d": give the model once.');
    expect(() => new ChatOpenRouter({ ...base, model: "a/b", modelName: "c/d" })).toThrow(/"model" "a\/b" and its alias "modelName" "c\/d": give one/);
    expect(() => new ChatOpenRouter("a/b", 5 as never)).toThrow(/second argument must be an options object/);
    expect(() => new ChatOpenRouter({ ...base })).toThrow(/needs a model/);
  });

  it("sends stopSequences (the standard tests' and ChatAnthropic's name) as stop", async () => {
    await modelOn(emulator.current, { stopSequences: ["END"] }).invoke("hi");
    expect(lastChatBody(emulator.current)["stop"]).toEqual(["END"]);
  });
});

describe("serialization", () => {
  const importMap = { chat_models__openrouter: { ChatOpenRouter } };

  it("writes modelName as model (0.4.11's lc_aliases), and loads JSON shaped as 0.4.11 writes it", async () => {
    const json = JSON.stringify(modelOn(emulator.current, { model: undefined, modelName: "openai/gpt-4o", temperature: 0.2 }));
    expect(JSON.parse(json).kwargs).toMatchObject({ model: "openai/gpt-4o", temperature: 0.2 });
    // 0.4.11's lc_id and kwargs: the same namespace and class name, snake_case keys, the key as a secret
    const published = JSON.stringify({
      lc: 1,
      type: "constructor",
      id: ["langchain", "chat_models", "openrouter", "ChatOpenRouter"],
      kwargs: { model: "anthropic/claude-sonnet-4.5", temperature: 0, max_tokens: 64, base_url: emulator.current.baseURL, site_name: "My App", api_key: { lc: 1, type: "secret", id: ["OPENROUTER_API_KEY"] } },
    });
    const loaded = await load<ChatOpenRouter>(published, { importMap, secretsMap: { OPENROUTER_API_KEY: CANARY_API_KEY } });
    expect(loaded).toMatchObject({ model: "anthropic/claude-sonnet-4.5", temperature: 0, maxTokens: 64, siteName: "My App" });
    await loaded.invoke("hi");
    expect(lastChatBody(emulator.current)).toMatchObject({ model: "anthropic/claude-sonnet-4.5", temperature: 0, max_tokens: 64 });
    expect(emulator.current.lastRequest()!.headers["x-title"]).toBe("My App");
  });
});

describe("exports 0.4.11's users import", () => {
  it("OPENROUTER_MODEL_PROFILES: every shipped catalog model's profile, by slug", () => {
    expect(Object.keys(OPENROUTER_MODEL_PROFILES).length).toBeGreaterThan(300);
    expect(OPENROUTER_MODEL_PROFILES["openai/gpt-4o"]).toEqual(modelOn(emulator.current, { model: "openai/gpt-4o" }).profile);
    expect(OPENROUTER_MODEL_PROFILES["openai/gpt-4o"]).toMatchObject({ toolCalling: true, structuredOutput: true, imageInputs: true });
    expect(Object.isFrozen(OPENROUTER_MODEL_PROFILES)).toBe(true);
  });

  it("the type names: ChatOpenRouterInput, the OpenRouter namespace, OpenRouterPlugin, OpenRouterResponseFormat", async () => {
    // written as a 0.4.11 user writes it; the type checker (npm run typecheck) is the test
    const provider: OpenRouter.ProviderPreferences = { order: ["Anthropic"], sort: "throughput", data_collection: "deny", quantizations: ["fp8"] };
    const sort: OpenRouter.ProviderSortConfig = { by: "price", partition: "none" };
    const plugins: OpenRouterPlugin[] = [{ id: "web", max_results: 3 }];
    const web: OpenRouter.WebPlugin = { id: "web", engine: "exa" };
    const pluginList: OpenRouter.PluginDefinition[] = [web, { id: "file-parser", pdf: { engine: "pdf-text" } }];
    const trace: OpenRouter.TraceConfig = { trace_id: "t", generation_name: "g" };
    const format: OpenRouterResponseFormat = { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } };
    const message: OpenRouter.Message = { role: "user", content: [{ type: "text", text: "hi" }] };
    const system: OpenRouter.SystemMessage = { role: "system", content: "be brief" };
    const choice: OpenRouter.ToolChoiceOption = { type: "function", function: { name: "get_weather" } };
    const usage: OpenRouter.ChatGenerationTokenUsage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    const body: OpenRouter.ChatGenerationParams = { model: "openai/gpt-4o", messages: [system, message], provider, plugins: pluginList, trace, response_format: format, tool_choice: choice };
    const input: ChatOpenRouterInput = { model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURL, provider: { ...provider, sort }, plugins, trace };
    const fields: ChatOpenRouterFields = input;
    const call: Partial<ChatOpenRouterCallOptions> = { response_format: format, prediction: { type: "content", content: "x" } };
    expect([usage.total_tokens, body.messages.length]).toEqual([3, 2]);
    await new ChatOpenRouter(fields).invoke("hi", call);
    expect(lastChatBody(emulator.current)).toMatchObject({ plugins, trace, response_format: format, prediction: { type: "content", content: "x" } });
  });

  it("callKeys lists every call option 0.4.11 lists", () => {
    const published = ["tools", "tool_choice", "response_format", "seed", "strict", "temperature", "maxTokens", "topP", "topK", "frequencyPenalty", "presencePenalty", "repetitionPenalty", "minP", "topA", "stop", "logitBias", "topLogprobs", "user", "transforms", "models", "route", "provider", "plugins", "sessionId", "trace", "prediction"];
    const callKeys = modelOn(emulator.current).callKeys;
    expect(callKeys).toEqual(expect.arrayContaining([...published, "signal", "timeout", "callbacks", "outputVersion"]));
    expect(new Set(callKeys).size).toBe(callKeys.length);
  });
});

describe("run metadata", () => {
  it(`stamps ${PACKAGE_NAME}'s version in metadata.versions, beside core's, as 0.4.11 does`, async () => {
    expect(PACKAGE_VERSION).toBe((JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version);
    const model = modelOn(emulator.current, { metadata: { app: "demo" } });
    expect(model.metadata).toMatchObject({ app: "demo", versions: { [PACKAGE_NAME]: PACKAGE_VERSION, "@langchain/core": expect.any(String) } });
    const seen: Record<string, unknown>[] = [];
    const callbacks = [{ handleChatModelStart: (...args: unknown[]) => void seen.push(args[6] as Record<string, unknown>) }];
    await model.invoke("hi", { callbacks });
    for await (const _chunk of await model.stream("hi", { callbacks })) void _chunk;
    expect(seen).toHaveLength(2);
    for (const metadata of seen) expect(metadata).toMatchObject({ app: "demo", versions: { [PACKAGE_NAME]: PACKAGE_VERSION } });
  });
});

describe("the version a 0.4.11 user moves to", () => {
  const numbers = (version: string): number[] => version.split(/[.-]/).slice(0, 3).map(Number);
  it("is above the published 0.4.11 it replaces", () => {
    const [major, minor, patch] = numbers(PACKAGE_VERSION);
    expect(major! * 1e6 + minor! * 1e3 + patch!).toBeGreaterThan(0 * 1e6 + 4 * 1e3 + 11);
  });
  it("has its own section in CHANGELOG.md, which the README links", () => {
    const changelog = readFileSync(new URL("../CHANGELOG.md", import.meta.url), "utf8");
    expect(changelog).toMatch(new RegExp(`^## ${PACKAGE_VERSION.replaceAll(".", "\\.")}\\b`, "m"));
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain(`This package is ${PACKAGE_VERSION}`);
  });
});
