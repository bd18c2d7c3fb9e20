// Standard unit checks (no network), mirroring @langchain/standard-tests' ChatModelUnitTests and
// adding what every @langchain/* chat model is held to: construction, LangSmith params, every tool
// form bindTools accepts, withStructuredOutput for each method, serialization, an aborted signal.
import { load } from "@langchain/core/load";
import { HumanMessage } from "@langchain/core/messages";
import { Runnable, type RunnableBinding, RunnableLambda } from "@langchain/core/runnables";
import { DynamicStructuredTool, tool } from "@langchain/core/tools";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { ChatOpenRouter, type ChatOpenRouterFields, OpenRouterAuthError } from "../../src/index.js";
import { CANARY_API_KEY } from "../helpers/emulator.js";
import { AdderTool, adderSchema, adderSchemaZod3, personSchema, STANDARD_PARAMS } from "./standard_inputs.js";

// nothing listens on port 9 here: a request that should not happen fails as a connection error
const NOWHERE = "http://127.0.0.1:9/api/v1";
const MODEL = "openai/gpt-4o-mini";

function standardModel(fields: Partial<ChatOpenRouterFields> = {}): ChatOpenRouter {
  return new ChatOpenRouter({ model: MODEL, baseURL: NOWHERE, apiKey: CANARY_API_KEY, ...STANDARD_PARAMS, ...fields } as ChatOpenRouterFields);
}

function boundTools(runnable: unknown): unknown[] {
  return ((runnable as RunnableBinding<unknown, unknown>).config as { tools: unknown[] }).tools;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("construction", () => {
  it("with the standard params and the key from OPENROUTER_API_KEY", () => {
    vi.stubEnv("OPENROUTER_API_KEY", CANARY_API_KEY);
    const model = new ChatOpenRouter({ model: MODEL, ...STANDARD_PARAMS } as ChatOpenRouterFields);
    expect(model.apiKey).toBe(CANARY_API_KEY);
    expect(model).toMatchObject({ model: MODEL, temperature: 0, maxTokens: 100, timeout: 60, maxRetries: 2 });
  });

  it("with an explicit key, which wins over the environment", () => {
    vi.stubEnv("OPENROUTER_API_KEY", "sk-or-v1-from-env");
    expect(standardModel({ apiKey: "test" }).apiKey).toBe("test");
  });

  it("with streaming: true (LangChain's convention: invoke goes through the stream)", () => {
    expect(standardModel({ streaming: true } as Partial<ChatOpenRouterFields>).streaming).toBe(true);
  });

  it("without any key: OpenRouterAuthError naming both ways to give one", () => {
    vi.stubEnv("OPENROUTER_API_KEY", "");
    expect(() => new ChatOpenRouter({ model: MODEL })).toThrow(OpenRouterAuthError);
    expect(() => new ChatOpenRouter({ model: MODEL })).toThrow(/pass \{ apiKey \} or set OPENROUTER_API_KEY/);
  });
});

describe("standard params", () => {
  it("getLsParams returns exactly the six ls_* keys with the constructor's values", () => {
    const params = standardModel({ stop: ["\n\n"] }).getLsParams({} as never);
    expect(Object.keys(params).sort()).toEqual(["ls_max_tokens", "ls_model_name", "ls_model_type", "ls_provider", "ls_stop", "ls_temperature"]);
    expect(params).toEqual({
      ls_provider: "openrouter",
      ls_model_name: MODEL,
      ls_model_type: "chat",
      ls_temperature: 0,
      ls_max_tokens: 100,
      ls_stop: ["\n\n"],
    });
  });

  it("getLsParams takes the call's model, temperature, maxTokens and stop over the constructor's", () => {
    const params = standardModel().getLsParams({ model: "anthropic/claude-sonnet-4.5", temperature: 0.7, maxTokens: 5, stop: ["END"] } as never);
    expect(params).toMatchObject({ ls_model_name: "anthropic/claude-sonnet-4.5", ls_temperature: 0.7, ls_max_tokens: 5, ls_stop: ["END"] });
  });

  it("sends temperature 0 as 0 (not dropped as falsy), maxTokens as max_tokens, and no client-only option", () => {
    expect(standardModel().invocationParams({} as never)).toEqual({ model: MODEL, temperature: 0, max_tokens: 100 });
  });
});

describe("bindTools accepts every tool form", () => {
  const forms: [string, unknown, string][] = [
    ["a StructuredTool subclass", new AdderTool(), "AdderTool"],
    ["tool() with zod 4", tool(async () => "3", { name: "add", description: "Add two integers", schema: adderSchema }), "add"],
    ["tool() with zod 3", tool(async () => "3", { name: "add", description: "Add two integers", schema: adderSchemaZod3 }), "add"],
    ["a DynamicStructuredTool", new DynamicStructuredTool({ name: "add", description: "Add two integers", schema: adderSchema, func: async () => "3" }), "add"],
    ["a Runnable made a tool with asTool", RunnableLambda.from(() => "3").asTool({ name: "math_addition", description: "Add two integers", schema: adderSchema }), "math_addition"],
    ["StructuredToolParams { name, description, schema } (zod 4)", { name: "add", description: "Add two integers", schema: adderSchema }, "add"],
    ["StructuredToolParams with a zod 3 schema", { name: "add", description: "Add two integers", schema: adderSchemaZod3 }, "add"],
    ["StructuredToolParams with a JSON schema", { name: "add", description: "Add two integers", schema: toJsonSchema(adderSchema) }, "add"],
    [
      "an OpenAI-formatted function tool",
      { type: "function", function: { name: "math_addition", description: "Add two integers", parameters: toJsonSchema(adderSchema) } },
      "math_addition",
    ],
  ];

  it.each(forms)("%s → one OpenAI function tool with the adder's parameters", (_label, input, name) => {
    const bound = standardModel().bindTools([input as never]);
    expect(Runnable.isRunnable(bound)).toBe(true);
    const tools = boundTools(bound);
    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({
      type: "function",
      function: {
        name,
        description: "Add two integers",
        parameters: { type: "object", properties: { a: { type: "integer" }, b: { type: "integer" } }, required: ["a", "b"] },
      },
    });
  });

  it("an OpenRouter server tool, sent as it is", () => {
    expect(boundTools(standardModel().bindTools([{ type: "openrouter:web_search" } as never]))).toEqual([{ type: "openrouter:web_search" }]);
  });

  it("a zero-argument tool: an object schema with no properties", () => {
    const now = tool(async () => "12:00", { name: "get_time_now", description: "The current time", schema: z.object({}) });
    expect(boundTools(standardModel().bindTools([now]))).toMatchObject([
      { type: "function", function: { name: "get_time_now", parameters: { type: "object", properties: {} } } },
    ]);
  });

  it("several tools of different forms at once, in order", () => {
    const names = boundTools(standardModel().bindTools([new AdderTool(), { name: "person", description: "A person", schema: personSchema }])).map(
      (wire) => (wire as { function: { name: string } }).function.name
    );
    expect(names).toEqual(["AdderTool", "person"]);
  });
});

describe("withStructuredOutput returns a runnable", () => {
  const schemas: [string, unknown][] = [
    ["zod 4", personSchema],
    ["zod 3", z3.object({ name: z3.string().describe("Name of the person"), age: z3.number().int().describe("Age of the person") })],
    ["JSON schema", { title: "person", ...toJsonSchema(personSchema) }],
  ];
  describe.each(["jsonSchema", "functionCalling", "jsonMode"] as const)("method %s", (method) => {
    it.each(schemas)("for a %s schema, with and without includeRaw", (_kind, schema) => {
      const model = standardModel();
      expect(Runnable.isRunnable(model.withStructuredOutput(schema as typeof personSchema, { method, name: "person" }))).toBe(true);
      expect(Runnable.isRunnable(model.withStructuredOutput(schema as typeof personSchema, { method, name: "person", includeRaw: true }))).toBe(true);
    });
  });

  it("and with no method, choosing one from the model", () => {
    expect(Runnable.isRunnable(standardModel().withStructuredOutput(personSchema))).toBe(true);
  });
});

describe("serialization", () => {
  const importMap = { chat_models__openrouter: { ChatOpenRouter } };
  const fields = { model: "anthropic/claude-sonnet-4.5", temperature: 0.3, maxTokens: 64, stop: ["END"], siteName: "My App", provider: { sort: "price" as const } };

  it("toJSON → load with the secrets map gives an equivalent model, and the JSON holds no key", async () => {
    const model = new ChatOpenRouter({ ...fields, apiKey: CANARY_API_KEY, baseURL: NOWHERE });
    const json = JSON.stringify(model);
    expect(json).not.toContain(CANARY_API_KEY);
    expect(JSON.parse(json)).toMatchObject({
      lc: 1,
      type: "constructor",
      id: ["langchain", "chat_models", "openrouter", "ChatOpenRouter"],
      kwargs: { api_key: { lc: 1, type: "secret", id: ["OPENROUTER_API_KEY"] } },
    });
    const loaded = await load<ChatOpenRouter>(json, { secretsMap: { OPENROUTER_API_KEY: "sk-or-v1-loaded" }, importMap });
    expect(loaded).toBeInstanceOf(ChatOpenRouter);
    expect(loaded.apiKey).toBe("sk-or-v1-loaded");
    expect(loaded).toMatchObject({ model: fields.model, temperature: 0.3, maxTokens: 64, stop: ["END"], siteName: "My App", baseURL: NOWHERE });
    expect(loaded.invocationParams({} as never)).toEqual(model.invocationParams({} as never));
    expect(JSON.stringify(loaded)).toBe(json);
  });

  it("a key from the environment is written as the same secret marker, and loads from the environment when allowed", async () => {
    vi.stubEnv("OPENROUTER_API_KEY", CANARY_API_KEY);
    const json = JSON.stringify(new ChatOpenRouter({ ...fields, baseURL: NOWHERE }));
    expect(json).not.toContain(CANARY_API_KEY);
    expect(JSON.parse(json).kwargs.api_key).toEqual({ lc: 1, type: "secret", id: ["OPENROUTER_API_KEY"] });
    await expect(load(json, { importMap })).rejects.toThrow(/OPENROUTER_API_KEY/);
    const loaded = await load<ChatOpenRouter>(json, { importMap, secretsFromEnv: true });
    expect(loaded.apiKey).toBe(CANARY_API_KEY);
  });
});

describe("an already-aborted signal", () => {
  it.each(["invoke", "stream", "batch"] as const)("rejects %s at once with AbortError, sending nothing", async (method) => {
    const controller = new AbortController();
    controller.abort();
    const model = standardModel({ maxRetries: 0 });
    const run = async (): Promise<unknown> => {
      if (method === "invoke") return model.invoke([new HumanMessage("Hello")], { signal: controller.signal });
      if (method === "batch") return model.batch(["Hello"], { signal: controller.signal });
      for await (const chunk of await model.stream("Hello", { signal: controller.signal })) void chunk;
      return undefined;
    };
    const error = await run().catch((caught: unknown) => caught);
    // a request would have failed as OpenRouterConnectionError (nothing listens at NOWHERE)
    expect((error as Error).name).toBe("AbortError");
  });
});
