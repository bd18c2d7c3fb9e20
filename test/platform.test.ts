// OpenRouterClient through real HTTP to the emulator: models, endpoints, generation, key, credits.
import { inspect } from "node:util";
import type { AIMessageChunk } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/server.js";
import {
  OpenRouterAuthError,
  OpenRouterClient,
  type OpenRouterClientFields,
  OpenRouterError,
  OpenRouterInsufficientCreditsError,
  OpenRouterNotFoundError,
  OpenRouterPermissionError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
  OpenRouterTimeoutError,
} from "../src/index.js";
import { CANARY_API_KEY, modelOn, useEmulator } from "./helpers/emulator.js";
import { fixtureJson } from "./helpers/fixtures.js";

const emulator = useEmulator();

/** A client on the emulator (optionally one scenario) with the canary key and fast 404 retries. */
function clientOn(server: Emulator, fields: OpenRouterClientFields & { scenario?: string } = {}): OpenRouterClient {
  const { scenario, ...rest } = fields;
  return new OpenRouterClient({
    apiKey: CANARY_API_KEY,
    baseURL: scenario === undefined ? server.baseURL : server.baseURLFor(scenario),
    generationRetryDelays: [1, 1, 1, 1],
    ...rest,
  });
}

function requestsTo(server: Emulator, path: string) {
  return server.requests.filter((request) => request.path === `/api/v1${path}`);
}

function expectNoCanary(value: unknown): void {
  expect(inspect(value, { depth: 10, showHidden: true })).not.toContain(CANARY_API_KEY);
  expect(JSON.stringify(value) ?? "").not.toContain(CANARY_API_KEY);
  if (value instanceof Error) expect(String(value.stack)).not.toContain(CANARY_API_KEY);
}

const ENV_KEYS = ["OPENROUTER_API_KEY", "OPENROUTER_BASE_URL"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of ENV_KEYS) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

describe("listModels", () => {
  it("returns the catalog as OpenRouter sends it (models-list.excerpt.json), with no key needed", async () => {
    const client = clientOn(emulator.current, { apiKey: "" });
    const models = await client.listModels();
    expect(models.map((model) => model.id)).toEqual([
      "anthropic/claude-sonnet-4.5",
      "google/gemini-2.5-flash-image-preview",
      "openai/gpt-4o-mini",
      "openai/gpt-4",
    ]);
    const recorded = fixtureJson<{ data: unknown[] }>("models-list.excerpt.json");
    expect(models[0]).toEqual(recorded.data[0]);
    expect(models[0]?.architecture?.input_modalities).toEqual(["text", "image", "file"]);
    expect(models[0]?.top_provider?.max_completion_tokens).toBe(64000);
    expect(models[0]?.supported_parameters).toContain("structured_outputs");
    expect(emulator.current.lastRequest()?.headers["authorization"]).toBeUndefined();
  });

  it("sends supportedParameters, category and outputModalities as query parameters", async () => {
    const client = clientOn(emulator.current);
    const withTools = await client.listModels({ supportedParameters: ["tools", "response_format"] });
    expect(withTools.map((model) => model.id)).toEqual(["anthropic/claude-sonnet-4.5", "openai/gpt-4o-mini"]);
    expect(emulator.current.lastRequest()?.search).toBe("?supported_parameters=tools%2Cresponse_format");
    expect((await client.listModels({ category: "programming" })).map((model) => model.id)).toEqual(["anthropic/claude-sonnet-4.5"]);
    expect(emulator.current.lastRequest()?.search).toBe("?category=programming");
    expect(await client.listModels({ outputModalities: ["embeddings"] })).toEqual([]);
    expect(emulator.current.lastRequest()?.search).toBe("?output_modalities=embeddings");
  });

  it("sends the key, attribution and default headers like ChatOpenRouter", async () => {
    const client = clientOn(emulator.current, { siteUrl: "https://example.com", siteName: "Example", defaultHeaders: { "x-extra": "1" } });
    await client.listModels({ headers: { "x-call": "2" } });
    expect(emulator.current.lastRequest()?.headers).toMatchObject({
      authorization: `Bearer ${CANARY_API_KEY}`,
      "http-referer": "https://example.com",
      "x-openrouter-title": "Example",
      "x-title": "Example",
      "x-extra": "1",
      "x-call": "2",
    });
  });

  it("rejects bad filters before any request", async () => {
    const client = clientOn(emulator.current);
    await expect(client.listModels({ supportedParameters: "tools" as unknown as string[] })).rejects.toThrow(
      /"supportedParameters" must be an array of strings/
    );
    await expect(client.listModels({ category: 3 as unknown as string })).rejects.toBeInstanceOf(TypeError);
    expect(emulator.current.requests).toHaveLength(0);
  });
});

describe("getModelEndpoints", () => {
  it("returns the providers serving a model (model-endpoints.spec-example.json)", async () => {
    const endpoints = await clientOn(emulator.current).getModelEndpoints("openai/gpt-4");
    expect(endpoints).toEqual(fixtureJson<{ data: unknown }>("model-endpoints.spec-example.json").data);
    expect(endpoints.endpoints[0]).toMatchObject({ provider_name: "OpenAI", tag: "openai", quantization: "fp16", uptime_last_1d: 99.8 });
  });

  it("encodes the slug (variants such as :free) and rejects ids without an author", async () => {
    const client = clientOn(emulator.current);
    const endpoints = await client.getModelEndpoints("openai/gpt-4o:free");
    expect(emulator.current.lastRequest()?.path).toBe("/api/v1/models/openai/gpt-4o%3Afree/endpoints");
    expect(endpoints.id).toBe("openai/gpt-4o:free");
    await expect(client.getModelEndpoints("gpt-4o")).rejects.toThrow(/needs a model id "author\/slug"/);
    expect(emulator.current.requests).toHaveLength(1);
  });
});

describe("getGeneration", () => {
  it("works right after invoke: retries OpenRouter's transient 404, then reports the same usage", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o", user: "user-42" });
    const answer = await model.invoke("Tell me a joke.");
    const generation = await clientOn(emulator.current).getGeneration(answer.id as string);
    expect(requestsTo(emulator.current, "/generation").map((request) => request.search)).toEqual([
      `?id=${answer.id}`,
      `?id=${answer.id}`,
    ]);
    expect(generation).toMatchObject({
      id: answer.id,
      model: answer.response_metadata["model_name"],
      provider_name: answer.response_metadata["provider"],
      tokens_prompt: answer.usage_metadata?.input_tokens,
      tokens_completion: answer.usage_metadata?.output_tokens,
      finish_reason: "stop",
      streamed: false,
      external_user: "user-42",
      is_byok: false,
    });
    expect(generation.total_cost).toBe((answer.response_metadata["usage"] as { cost: number }).cost);
  });

  it("works for a streamed answer's id", async () => {
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" });
    let final: AIMessageChunk | undefined;
    for await (const chunk of await model.stream("Write a short poem about the sea.")) final = final ? concat(final, chunk) : chunk;
    const generation = await clientOn(emulator.current).getGeneration(final?.id as string);
    expect(generation).toMatchObject({ id: final?.id, streamed: true, model: "anthropic/claude-4.5-sonnet-20250929", provider_name: "Anthropic" });
  });

  it("gives up after the bounded schedule with an OpenRouterNotFoundError naming the id", async () => {
    const answer = await modelOn(emulator.current).invoke("hi");
    const client = clientOn(emulator.current, { scenario: "generation-pending:10" });
    const error = await client.getGeneration(answer.id as string, { retryDelays: [1, 2] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterNotFoundError);
    const notFound = error as OpenRouterNotFoundError;
    expect(notFound.status).toBe(404);
    expect(notFound.message).toContain(`no generation ${answer.id} after 3 tries over 3 ms`);
    expect(OpenRouterError.isInstance(notFound.cause)).toBe(true);
    expect(requestsTo(emulator.current, "/generation")).toHaveLength(3);
    expectNoCanary(error);
  });

  it("with retryDelays [] tries once; an unknown id stays a 404", async () => {
    const error = await clientOn(emulator.current, { generationRetryDelays: [] })
      .getGeneration("not-a-generation")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterNotFoundError);
    expect((error as Error).message).toContain("after 1 try over 0 ms");
    expect(requestsTo(emulator.current, "/generation")).toHaveLength(1);
  });

  it("the spec example's id returns its documented stats (generation.spec-example.json)", async () => {
    const generation = await clientOn(emulator.current).getGeneration("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG");
    expect(generation).toEqual(fixtureJson<{ data: unknown }>("generation.spec-example.json").data);
  });

  it("does not retry other errors through the 404 loop", async () => {
    const error = await clientOn(emulator.current, { scenario: "status:402" })
      .getGeneration("gen-1-abc")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterInsufficientCreditsError);
    expect(requestsTo(emulator.current, "/generation")).toHaveLength(1);
  });

  it("abort stops the wait between tries", async () => {
    const client = clientOn(emulator.current, { scenario: "generation-pending:10", generationRetryDelays: [60_000] });
    const controller = new AbortController();
    const pending = client.getGeneration("gen-1-abc", { signal: controller.signal }).catch((caught: unknown) => caught);
    while (requestsTo(emulator.current, "/generation").length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error("stop"));
    expect(await pending).toEqual(new Error("stop"));
    expect(requestsTo(emulator.current, "/generation")).toHaveLength(1);
  });

  it("needs a key and an id before any request", async () => {
    await expect(clientOn(emulator.current, { apiKey: "" }).getGeneration("gen-1")).rejects.toBeInstanceOf(OpenRouterAuthError);
    await expect(clientOn(emulator.current).getGeneration("")).rejects.toThrow(/needs a generation id/);
    await expect(clientOn(emulator.current).getGeneration("gen-1", { retryDelays: [-1] })).rejects.toThrow(/milliseconds ≥ 0/);
    expect(emulator.current.requests).toHaveLength(0);
  });
});

describe("getKeyInfo and getCredits", () => {
  it("key: limit, remaining, usage and free tier (key.spec-example.json), the label masked", async () => {
    const key = await clientOn(emulator.current).getKeyInfo();
    expect(key).toMatchObject({ limit: 100, limit_remaining: 74.5, limit_reset: "monthly", usage: 25.5, is_free_tier: false });
    expect(key.label).toBe("sk-or-v1-ca...log");
    expect(emulator.current.lastRequest()?.path).toBe("/api/v1/key");
  });

  it("credits: total credits and usage (credits.spec-example.json)", async () => {
    expect(await clientOn(emulator.current).getCredits()).toEqual({ total_credits: 100.5, total_usage: 25.75 });
  });

  it("need a key before any request", async () => {
    const client = clientOn(emulator.current, { apiKey: "" });
    await expect(client.getKeyInfo()).rejects.toThrow("OpenRouterClient.getKeyInfo needs an API key");
    await expect(client.getCredits()).rejects.toBeInstanceOf(OpenRouterAuthError);
    expect(emulator.current.requests).toHaveLength(0);
  });
});

describe("transport: retries, timeouts, typed errors, no key in any error", () => {
  it("retries 429 with Retry-After like the chat model", async () => {
    const client = clientOn(emulator.current, { scenario: "flaky:2:retry-after:0" });
    expect(await client.getCredits()).toEqual({ total_credits: 100.5, total_usage: 25.75 });
    expect(requestsTo(emulator.current, "/credits")).toHaveLength(3);
    const once = clientOn(emulator.current, { scenario: "flaky:1:retry-after:0@per-call", maxRetries: 5 });
    await expect(once.getCredits({ maxRetries: 0 })).rejects.toBeInstanceOf(OpenRouterRateLimitError);
  });

  it("times out a stalled request", async () => {
    const client = clientOn(emulator.current, { scenario: "stall", timeout: 50, maxRetries: 0 });
    await expect(client.listModels()).rejects.toBeInstanceOf(OpenRouterTimeoutError);
  });

  const CASES: [scenario: string, expected: new (...args: never[]) => OpenRouterError][] = [
    ["status:401", OpenRouterAuthError],
    ["status:402", OpenRouterInsufficientCreditsError],
    ["fixture:error-403-provider-region-blocked.transcribed.json", OpenRouterPermissionError],
    ["status:404", OpenRouterNotFoundError],
    ["status:429", OpenRouterRateLimitError],
    ["html:502", OpenRouterProviderError],
    ["error-in-200", OpenRouterProviderError],
    ["truncate", OpenRouterError],
  ];
  for (const [scenario, expected] of CASES) {
    it(`${scenario} → ${expected.name} from every method, without the key`, async () => {
      const client = clientOn(emulator.current, { scenario, maxRetries: 0, generationRetryDelays: [] });
      const calls = [
        () => client.listModels(),
        () => client.getModelEndpoints("openai/gpt-4"),
        () => client.getGeneration("gen-1-abc"),
        () => client.getKeyInfo(),
        () => client.getCredits(),
      ];
      for (const call of calls) {
        const error = await call().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(expected);
        expectNoCanary(error);
      }
    });
  }

  it("the key is not reachable through the client", () => {
    const client = clientOn(emulator.current);
    expectNoCanary(client);
    expect(Object.values(client).join(" ")).not.toContain(CANARY_API_KEY);
  });
});

describe("construction", () => {
  it("reads OPENROUTER_API_KEY and OPENROUTER_BASE_URL once, at construction", async () => {
    process.env["OPENROUTER_API_KEY"] = CANARY_API_KEY;
    process.env["OPENROUTER_BASE_URL"] = `${emulator.current.baseURL}/`;
    const client = new OpenRouterClient();
    delete process.env["OPENROUTER_API_KEY"];
    expect(client.baseURL).toBe(emulator.current.baseURL);
    await client.getCredits();
    expect(emulator.current.lastRequest()?.headers["authorization"]).toBe(`Bearer ${CANARY_API_KEY}`);
  });

  it("rejects bad options with a TypeError naming the option", () => {
    expect(() => new OpenRouterClient({ baseURL: "openrouter.ai" })).toThrow(/OpenRouterClient option "baseURL" must be an absolute http\(s\) URL/);
    expect(() => new OpenRouterClient({ timeout: 0 })).toThrow(/"timeout"/);
    expect(() => new OpenRouterClient({ apiKey: 42 as unknown as string })).toThrow(/"apiKey" must be a string; got \(hidden\)/);
    expect(() => new OpenRouterClient({ generationRetryDelays: [Number.NaN] })).toThrow(/generationRetryDelays/);
  });
});

describe("catalog calls", () => {
  it("listModels sends inputModalities, endpoints, sort, offset and limit, and names an unknown option", async () => {
    const client = clientOn(emulator.current);
    const sorted = await client.listModels({ outputModalities: ["all"], sort: "context-high-to-low", offset: 1, limit: 2 });
    expect(emulator.current.lastRequest()?.search).toBe("?output_modalities=all&sort=context-high-to-low&offset=1&limit=2");
    expect(sorted).toHaveLength(2);
    const lengths = sorted.map((model) => model.context_length ?? 0);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    await client.listModels({ inputModalities: ["image"], endpoints: ["/api/v1/chat/completions"] });
    expect(emulator.current.lastRequest()?.search).toBe("?input_modalities=image&endpoints=%2Fapi%2Fv1%2Fchat%2Fcompletions");
    const before = emulator.current.requests.length;
    await expect(client.listModels({ order: "x" } as never)).rejects.toThrow(/OpenRouterClient.listModels got unknown option "order"; known: signal, maxRetries, headers, category,/);
    await expect(client.listModels({ limit: -1 })).rejects.toThrow(/"limit" must be an integer/);
    expect(emulator.current.requests).toHaveLength(before);
  });

  it("listUserModels lists the models the key may use, with the same filters, and needs a key", async () => {
    const client = clientOn(emulator.current);
    const models = await client.listUserModels();
    expect(models.map((model) => model.id)).not.toContain("openai/gpt-4");
    expect(models.map((model) => model.id)).toContain("openai/gpt-4o-mini");
    await client.listUserModels({ supportedParameters: ["tools"] });
    expect(requestsTo(emulator.current, "/models/user").at(-1)?.search).toBe("?supported_parameters=tools");
    const error = await clientOn(emulator.current, { apiKey: "sk-or-v1-invalid" }).listUserModels().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterAuthError);
    expect((error as OpenRouterError).status).toBe(401);
  });

  it("getModel finds a model by id, canonical slug or variant, and a missing one is a 404", async () => {
    const client = clientOn(emulator.current);
    expect((await client.getModel("openai/gpt-4o-mini")).id).toBe("openai/gpt-4o-mini");
    expect((await client.getModel("openai/gpt-4o-mini:free")).id).toBe("openai/gpt-4o-mini");
    expect(emulator.current.lastRequest()?.search).toBe("?output_modalities=all");
    const error = await client.getModel("nobody/nothing").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterNotFoundError);
    expect((error as OpenRouterError).status).toBe(404);
    await expect(client.getModel("gpt-4o")).rejects.toBeInstanceOf(TypeError);
  });

  it("getModel resolves a ~author/family-latest alias to the family's newest model, and a preset on a model to the model", async () => {
    const client = clientOn(emulator.current);
    expect((await client.getModel("~anthropic/claude-sonnet-latest")).id).toBe("anthropic/claude-sonnet-4.5");
    expect((await client.getModel("openai/gpt-4o-mini@preset/support-bot")).id).toBe("openai/gpt-4o-mini");
    await expect(client.getModel("~openai/nothing-latest")).rejects.toBeInstanceOf(OpenRouterNotFoundError);
  });

  it("listProviders, listZdrEndpoints and listEmbeddingModels return their typed lists", async () => {
    const client = clientOn(emulator.current);
    const providers = await client.listProviders();
    expect(providers.map((provider) => provider.slug)).toContain("openai");
    expect(providers[0]).toMatchObject({ name: expect.any(String), privacy_policy_url: expect.stringContaining("https://") });
    const zdr = await client.listZdrEndpoints();
    expect(zdr.length).toBeGreaterThan(0);
    expect(zdr.every((endpoint) => endpoint.tag !== "openai")).toBe(true);
    expect(requestsTo(emulator.current, "/endpoints/zdr")).toHaveLength(1);
    const embedding = await client.listEmbeddingModels();
    expect(embedding.map((model) => model.id)).toContain("openai/text-embedding-3-small");
    expect(embedding.every((model) => model.architecture?.output_modalities?.includes("embeddings"))).toBe(true);
    const missing = clientOn(emulator.current, { scenario: "status:404", maxRetries: 0 });
    for (const call of [() => missing.listProviders(), () => missing.listZdrEndpoints(), () => missing.listEmbeddingModels()]) {
      await expect(call()).rejects.toBeInstanceOf(OpenRouterNotFoundError);
    }
    const error = await clientOn(emulator.current, { scenario: "status:401" }).listEmbeddingModels().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterAuthError);
  });

  it("getGenerationContent returns what a generation answered; an unknown id is a 404, no key a 401", async () => {
    const answer = await modelOn(emulator.current).invoke("hi");
    const client = clientOn(emulator.current);
    const content = await client.getGenerationContent(answer.id as string);
    expect(content).toMatchObject({ id: answer.id, output: { role: "assistant", content: answer.content } });
    expect(requestsTo(emulator.current, "/generation/content").at(-1)?.search).toBe(`?id=${answer.id}`);
    await expect(client.getGenerationContent("gen-unknown")).rejects.toBeInstanceOf(OpenRouterNotFoundError);
    const error = await clientOn(emulator.current, { apiKey: "sk-or-v1-invalid" }).getGenerationContent("gen-1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterAuthError);
    await expect(clientOn(emulator.current, { apiKey: "" }).getGenerationContent("gen-1")).rejects.toBeInstanceOf(OpenRouterAuthError);
  });
});
