// Bad user input fails before any request, with a plain TypeError whose message names the option
// and the fix: OpenRouter never sees it, so it is not an OpenRouterError.
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { afterEach, describe, expect, it } from "vitest";
import {
  ChatOpenRouter,
  type ChatOpenRouterCallOptions,
  type ChatOpenRouterFields,
  OpenRouterClient,
  OpenRouterEmbeddings,
  OpenRouterError,
} from "../../src/index.js";
import { CANARY_API_KEY, modelOn, useEmulator } from "../helpers/emulator.js";

const emulator = useEmulator();

function construct(fields: Record<string, unknown>, env: Record<string, string> = {}): unknown {
  Object.assign(process.env, env);
  try {
    new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, ...fields } as ChatOpenRouterFields);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }
}

/** Whatever the call rejected with, after checking that nothing reached the server. */
async function rejection(call: () => Promise<unknown>): Promise<Error> {
  const error = await call().then(
    () => new Error("the call succeeded"),
    (caught: unknown) => caught as Error
  );
  expect(emulator.current.requests, "a request was sent").toEqual([]);
  return error;
}

describe("bad user input", () => {
  afterEach(() => {
    delete process.env["OPENROUTER_BASE_URL"];
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["a temperature that is a string", { temperature: "hot" }, /"temperature" must be a finite number; got "hot"/],
    ["a NaN temperature", { temperature: Number.NaN }, /"temperature" must be a finite number/],
    ["a fractional maxTokens", { maxTokens: 1.5 }, /"maxTokens" must be an integer ≥ 1/],
    ["a negative maxRetries", { maxRetries: -1 }, /"maxRetries" must be an integer ≥ 0; got -1/],
    ["an infinite maxRetries", { maxRetries: Number.POSITIVE_INFINITY }, /"maxRetries" must be an integer ≥ 0/],
    ["a negative timeout", { timeout: -5 }, /"timeout" must be a number of milliseconds > 0; got -5/],
    ["a zero timeout", { timeout: 0 }, /"timeout" must be a number of milliseconds > 0/],
    ["a baseURL without a scheme", { baseURL: "openrouter.ai/api/v1" }, /"baseURL" must be an absolute http\(s\) URL/],
    ["a baseURL with another scheme", { baseURL: "ftp://openrouter.ai/api/v1" }, /"baseURL" must be an absolute http\(s\) URL/],
    ["a stop that is a number", { stop: 5 }, /"stop" must be an array of strings/],
    ["provider preferences that are a string", { provider: "OpenAI" }, /"provider" must be an object/],
    ["headers with a number value", { defaultHeaders: { "X-Retry": 3 } }, /"defaultHeaders" must be an object of string values with header names/],
    ["a fetch that is not a function", { fetch: "node-fetch" }, /"fetch" must be a fetch function/],
    ["an empty model", { model: " " }, /"model" must be a non-empty model slug/],
    ["streamUsage as a string", { streamUsage: "yes" }, /"streamUsage" must be true or false/],
  ])("constructor: %s is a TypeError naming the option", (_, fields, message) => {
    const error = construct(fields);
    expect(error).toBeInstanceOf(TypeError);
    expect(OpenRouterError.isInstance(error)).toBe(false);
    expect((error as Error).message).toMatch(message);
  });

  it("an API key with a line break is a TypeError that does not print the key", () => {
    const error = construct({ apiKey: `${CANARY_API_KEY}\nX-Injected: 1` }) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain('"apiKey" must be a string without line breaks or characters outside Latin-1; got (hidden)');
    expect(error.message).not.toContain(CANARY_API_KEY);
  });

  it("an API key of the wrong type is a TypeError that does not print the key", () => {
    const error = construct({ apiKey: { key: CANARY_API_KEY } }) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain('"apiKey" must be a string; got (hidden)');
    expect(error.message).not.toContain(CANARY_API_KEY);
  });

  it("OPENROUTER_API_KEY with a line break inside fails at construction without printing it", () => {
    const error = construct({ apiKey: undefined }, { OPENROUTER_API_KEY: `${CANARY_API_KEY}\nX-Injected: 1` }) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain("OPENROUTER_API_KEY must be a string without line breaks");
    expect(error.message).not.toContain(CANARY_API_KEY);
  });

  it("a key with surrounding whitespace (a file's trailing newline) is trimmed and works", async () => {
    const model = modelOn(emulator.current, { apiKey: `  ${CANARY_API_KEY}\n` });
    await model.invoke("hi");
    expect(emulator.current.lastRequest()?.headers["authorization"]).toBe(`Bearer ${CANARY_API_KEY}`);
  });

  it("the platform client and embeddings make the same checks (one shared connection)", () => {
    expect(() => new OpenRouterClient({ apiKey: CANARY_API_KEY, siteName: "☕ bot" })).toThrow(/OpenRouterClient option "siteName" must be a string that fits in a header/);
    expect(() => new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small", apiKey: CANARY_API_KEY, defaultHeaders: { "X-A": "a\nb" } })).toThrow(
      /OpenRouterEmbeddings option "defaultHeaders" must be an object of string values with header names/
    );
    process.env["OPENROUTER_BASE_URL"] = "localhost:8080/api/v1";
    expect(() => new OpenRouterClient({ apiKey: CANARY_API_KEY })).toThrow(/OPENROUTER_BASE_URL is "localhost:8080\/api\/v1"/);
  });

  it("OPENROUTER_BASE_URL without a scheme fails at construction, not at the first request", () => {
    process.env["OPENROUTER_BASE_URL"] = "openrouter.ai/api/v1";
    const error = construct({}) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain("OPENROUTER_BASE_URL");
  });

  it.each<[string, Partial<ChatOpenRouterCallOptions>, RegExp]>([
    ["a negative maxRetries", { maxRetries: -2 }, /"maxRetries" must be an integer ≥ 0/],
    ["a negative timeout", { timeout: -1 }, /timeout/i],
    ["a temperature that is a string", { temperature: "0.2" as unknown as number }, /"temperature" must be a finite number/],
    ["headers with an object value", { headers: { "X-Title": {} as unknown as string } }, /"headers" must be an object of string values with header names/],
    ["a header value with a line break", { headers: { "X-Title": "a\nb" } }, /"headers" must be an object of string values with header names/],
    ["an unknown tool_choice", { tool_choice: 42 as unknown as string }, /tool_choice/],
  ])("call option: %s rejects before any request", async (_, options, message) => {
    for (const mode of ["invoke", "stream"] as const) {
      const model = modelOn(emulator.current);
      const error = await rejection(async () => (mode === "invoke" ? model.invoke("hi", options) : (await model.stream("hi", options)).next()));
      expect(OpenRouterError.isInstance(error)).toBe(false);
      expect(error.message).toMatch(message);
    }
  });

  // fetch itself rejects these only when it sends, and the retry loop took that for a network failure
  it.each<[string, Record<string, unknown>, string]>([
    ["a header value with a line break", { defaultHeaders: { "X-Title": "app\r\nX-Injected: 1" } }, "defaultHeaders"],
    ["a header name with a space", { defaultHeaders: { "X Title": "app" } }, "defaultHeaders"],
    ["a header value with an emoji", { defaultHeaders: { "X-Title": "☕ bot" } }, "defaultHeaders"],
    ["a siteName with an emoji (sent as X-OpenRouter-Title)", { siteName: "☕ Café bot" }, "siteName"],
    ["a siteUrl with a line break (sent as HTTP-Referer)", { siteUrl: "https://example.com\n" }, "siteUrl"],
  ])("constructor: %s is a TypeError naming the option, not a retried network failure", (_, fields, option) => {
    const error = construct(fields) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(`"${option}" must be`);
  });

  it("a Latin-1 siteName is accepted and sent", async () => {
    const model = modelOn(emulator.current, { siteName: "Café bot" });
    await model.invoke("hi");
    expect(emulator.current.lastRequest()?.headers["x-openrouter-title"]).toBe("Café bot");
  });

  it.each<[string, () => unknown[]]>([
    ["a BigInt inside an image part", () => [new HumanMessage({ content: [{ type: "image_url", image_url: { url: "https://x/y.png", detail: 1n } }] })]],
    ["a circular structure inside a content part", () => {
      const part: Record<string, unknown> = { type: "file", file: { filename: "a.pdf" } };
      (part["file"] as Record<string, unknown>)["self"] = part;
      return [new HumanMessage({ content: [part as never] })];
    }],
    ["a BigInt in reasoning details echoed back", () => [
      new HumanMessage("hi"),
      new AIMessage({ content: "ok", additional_kwargs: { reasoning_details: [{ type: "reasoning.text", text: "t", index: 0n }] } }),
      new HumanMessage("again"),
    ]],
    ["content that is a number", () => [new HumanMessage({ content: 42 as never })]],
    ["content that is a function", () => [{ role: "user", content: () => "hi" }]],
  ])("message content: %s rejects with a TypeError before any request", async (_, messages) => {
    for (const mode of ["invoke", "stream"] as const) {
      const model = modelOn(emulator.current);
      const error = await rejection(async () =>
        mode === "invoke" ? model.invoke(messages() as never) : (await model.stream(messages() as never)).next()
      );
      expect(error, error.stack).toBeInstanceOf(Error);
      expect(OpenRouterError.isInstance(error)).toBe(false);
      expect(error.message).toMatch(/ChatOpenRouter|content|message/i);
    }
  });

  it("modelKwargs with a circular value rejects with a TypeError naming JSON, before any request", async () => {
    const kwargs: Record<string, unknown> = {};
    kwargs["self"] = kwargs;
    const model = modelOn(emulator.current, { modelKwargs: kwargs });
    const error = await rejection(() => model.invoke("hi"));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain("could not serialise the request to JSON");
  });
});
