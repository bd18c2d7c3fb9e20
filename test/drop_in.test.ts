// What code written for @langchain/openrouter 0.4.11 relies on, beyond the options: the
// constructor's forms, modelName, serialized JSON, run metadata.
import { readFileSync } from "node:fs";
import { load } from "@langchain/core/load";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChatOpenRouter } from "../src/index.js";
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
