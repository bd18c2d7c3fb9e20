// withStructuredOutput through real HTTP to the emulator: each method × invoke/stream × schema
// kind, the automatic method from the model catalog, tracing metadata, and failures.
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import * as coreErrors from "@langchain/core/errors";
import { AIMessage } from "@langchain/core/messages";
import { OutputParserException } from "@langchain/core/output_parsers";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { refreshModelCatalog } from "../src/index.js";
import { lastChatBody, modelOn, scenarioText, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

const INCEPTION = { title: "Inception", year: 2010, director: "Christopher Nolan", rating: 8.8 };
const PROMPT = "Provide details about the movie Inception";

const zod4Movie = z.object({
  title: z.string().describe("The title of the movie"),
  year: z.number().describe("The year the movie was released"),
  director: z.string().describe("The director of the movie"),
  rating: z.number().describe("The movie's rating out of 10"),
});
const zod3Movie = z3.object({
  title: z3.string().describe("The title of the movie"),
  year: z3.number().describe("The year the movie was released"),
  director: z3.string().describe("The director of the movie"),
  rating: z3.number().describe("The movie's rating out of 10"),
});
const jsonMovie = {
  title: "movie",
  type: "object",
  properties: {
    title: { type: "string", description: "The title of the movie" },
    year: { type: "number", description: "The year the movie was released" },
    director: { type: "string", description: "The director of the movie" },
    rating: { type: "number", description: "The movie's rating out of 10" },
  },
  required: ["title", "year", "director", "rating"],
  additionalProperties: false,
};

const METHODS = ["jsonSchema", "functionCalling", "jsonMode"] as const;
const SCHEMAS = [
  ["zod 4", zod4Movie],
  ["zod 3", zod3Movie],
  ["JSON schema", jsonMovie],
] as const;

function wireShape(method: (typeof METHODS)[number], body: Record<string, unknown>): unknown {
  if (method === "jsonSchema") return (body["response_format"] as { type: string }).type;
  if (method === "functionCalling") return body["tool_choice"];
  return (body["response_format"] as { type: string }).type;
}
const EXPECTED_WIRE = { jsonSchema: "json_schema", functionCalling: { type: "function", function: { name: "movie" } }, jsonMode: "json_object" };

describe.each(METHODS)("method %s", (method) => {
  describe.each(SCHEMAS)("with a %s schema", (_kind, schema) => {
    it("invoke returns the validated object", async () => {
      const structured = modelOn(emulator.current, { model: "openai/gpt-4.1" }).withStructuredOutput(schema as typeof jsonMovie, { name: "movie", method });
      expect(await structured.invoke(PROMPT)).toEqual(INCEPTION);
      expect(wireShape(method, lastChatBody(emulator.current))).toEqual(EXPECTED_WIRE[method]);
    });

    it("stream yields partial objects, ending with the full object", async () => {
      const structured = modelOn(emulator.current, { model: "openai/gpt-4.1" }).withStructuredOutput(schema as typeof jsonMovie, { name: "movie", method });
      const parts: Record<string, unknown>[] = [];
      for await (const part of await structured.stream(PROMPT)) parts.push(part);
      expect(parts.length).toBeGreaterThan(3);
      expect(parts.at(-1)).toEqual(INCEPTION);
      expect(Object.keys(parts[0]!).length).toBeLessThan(4);
      expect(lastChatBody(emulator.current)["stream"]).toBe(true);
    });
  });
});

describe("what each method sends", () => {
  it("jsonSchema: response_format json_schema with name, schema and strict, routed with require_parameters", async () => {
    await modelOn(emulator.current, { model: "openai/gpt-4.1", provider: { order: ["OpenAI"] } })
      .withStructuredOutput(zod4Movie, { name: "movie", method: "jsonSchema", strict: true })
      .invoke(PROMPT);
    const body = lastChatBody(emulator.current);
    expect(body["response_format"]).toEqual({
      type: "json_schema",
      json_schema: {
        name: "movie",
        strict: true,
        schema: {
          type: "object",
          properties: jsonMovie.properties,
          required: ["title", "year", "director", "rating"],
          additionalProperties: false,
        },
      },
    });
    expect(body["provider"]).toEqual({ order: ["OpenAI"], require_parameters: true });
    expect(body).not.toHaveProperty("tools");
  });

  it("jsonSchema keeps the user's require_parameters: false", async () => {
    await modelOn(emulator.current, { model: "openai/gpt-4.1", provider: { require_parameters: false } })
      .withStructuredOutput(zod4Movie, { name: "movie", method: "jsonSchema" })
      .invoke(PROMPT);
    expect(lastChatBody(emulator.current)["provider"]).toEqual({ require_parameters: false });
  });

  it("functionCalling: one forced tool with the schema, strict on the tool", async () => {
    await modelOn(emulator.current).withStructuredOutput(zod4Movie, { name: "movie", method: "functionCalling", strict: true }).invoke(PROMPT);
    const body = lastChatBody(emulator.current);
    expect(body["tools"]).toEqual([
      {
        type: "function",
        function: {
          name: "movie",
          description: "A function available to call.",
          parameters: { type: "object", properties: jsonMovie.properties, required: jsonMovie.required, additionalProperties: false },
          strict: true,
        },
      },
    ]);
    expect(body["tool_choice"]).toEqual({ type: "function", function: { name: "movie" } });
    expect(body).not.toHaveProperty("provider");
  });

  it("jsonMode: json_object, and the schema in the leading system message", async () => {
    await modelOn(emulator.current)
      .withStructuredOutput(zod4Movie, { method: "jsonMode" })
      .invoke([
        { role: "system", content: "You are a film buff." },
        { role: "user", content: PROMPT },
      ]);
    const messages = lastChatBody(emulator.current)["messages"] as { role: string; content: string }[];
    expect(messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(messages[0]!.content).toMatch(/^You are a film buff\.\n\nRespond with a single JSON object and nothing else/);
    expect(messages[0]!.content).toContain('"director":{"type":"string","description":"The director of the movie"}');
  });

  it("includeRaw returns the message beside the parsed object", async () => {
    const result = await modelOn(emulator.current).withStructuredOutput(zod4Movie, { name: "movie", includeRaw: true }).invoke(PROMPT);
    expect(result.parsed).toEqual(INCEPTION);
    expect(result.raw).toBeInstanceOf(AIMessage);
    expectTypeOf(result.parsed).toEqualTypeOf<z.infer<typeof zod4Movie>>();
  });

  it("the result type follows the schema", async () => {
    const movie = await modelOn(emulator.current).withStructuredOutput(zod4Movie).invoke(PROMPT);
    expectTypeOf(movie).toEqualTypeOf<z.infer<typeof zod4Movie>>();
    expect(movie.year).toBe(2010);
  });
});

describe("the automatic method, from the model catalog", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["openai/gpt-4.1 lists structured_outputs → jsonSchema", { model: "openai/gpt-4.1" }, "json_schema"],
    ["anthropic/claude-haiku-4.5 lists tools only → functionCalling", { model: "anthropic/claude-haiku-4.5" }, "tools"],
    ["qwen/qwen-vl-plus lists response_format only → jsonMode", { model: "qwen/qwen-vl-plus" }, "json_object"],
    ["an unknown model → functionCalling", { model: "no-such/model" }, "tools"],
    ["a variant is its base model's: openai/gpt-4.1:floor → jsonSchema", { model: "openai/gpt-4.1:floor" }, "json_schema"],
    ["an alias is its family's newest: ~openai/gpt-latest (openai/gpt-5.2) → jsonSchema", { model: "~openai/gpt-latest" }, "json_schema"],
    ["a preset on a model is the model's → jsonSchema", { model: "openai/gpt-4.1@preset/support" }, "json_schema"],
    ["a bare preset (its backend unknown) → functionCalling", { model: "@preset/support" }, "tools"],
    ["fallback models → functionCalling", { model: "openai/gpt-4.1", models: ["openai/gpt-4.1", "anthropic/claude-sonnet-4.5"] }, "tools"],
    ['route: "fallback" → functionCalling', { model: "openai/gpt-4.1", route: "fallback" }, "tools"],
  ];
  it.each(cases)("%s", async (_label, fields, sent) => {
    expect(await modelOn(emulator.current, fields).withStructuredOutput(zod4Movie, { name: "movie" }).invoke(PROMPT)).toEqual(INCEPTION);
    const body = lastChatBody(emulator.current);
    const wire = body["tools"] ? "tools" : (body["response_format"] as { type: string }).type;
    expect(wire).toBe(sent);
  });
});

describe("ls_structured_output_format reports the method used and the schema", () => {
  class Recorder extends BaseCallbackHandler {
    name = "recorder";
    formats: unknown[] = [];
    override handleChatModelStart(..._args: unknown[]): void {
      const extra = _args[4] as { options?: { ls_structured_output_format?: unknown } } | undefined;
      this.formats.push(extra?.options?.ls_structured_output_format);
    }
  }
  const schema = { type: "object", properties: jsonMovie.properties, required: jsonMovie.required, additionalProperties: false };
  it.each([
    [undefined, "openai/gpt-4.1", "jsonSchema"],
    [undefined, "anthropic/claude-haiku-4.5", "functionCalling"],
    ["jsonMode", "openai/gpt-4.1", "jsonMode"],
  ] as const)("method %s on %s → %s", async (method, model, reported) => {
    const recorder = new Recorder();
    await modelOn(emulator.current, { model }).withStructuredOutput(zod4Movie, { name: "movie", method }).invoke(PROMPT, { callbacks: [recorder] });
    expect(recorder.formats).toEqual([{ kwargs: { method: reported }, schema }]);
  });
});

describe("failures", () => {
  it("an answer that fails validation raises an OutputParserException carrying the raw text (invoke and stream)", async () => {
    const picky = z.object({ title: z.string().min(40) });
    for (const method of ["jsonSchema", "functionCalling"] as const) {
      const structured = modelOn(emulator.current).withStructuredOutput(picky, { name: "picky", method });
      const error = await structured.invoke("Any title").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OutputParserException);
      expect((error as OutputParserException).llmOutput).toBe('{"title":"example"}');
      expect((error as Error).message).toMatch(/does not match the schema: title: .*40/);
      const streamError = await (async () => {
        for await (const _part of await structured.stream("Any title")) void _part;
      })().catch((caught: unknown) => caught);
      expect(streamError).toBeInstanceOf(OutputParserException);
    }
  });

  it("includeRaw keeps the raw message and gives parsed: null when validation fails", async () => {
    const result = await modelOn(emulator.current)
      .withStructuredOutput(z.object({ title: z.string().min(40) }), { name: "picky", includeRaw: true })
      .invoke("Any title");
    expect(result.parsed).toBeNull();
    expect(result.raw).toBeInstanceOf(AIMessage);
  });

  it("bad schemas and options fail before any request, naming the fix", () => {
    const model = modelOn(emulator.current);
    expect(() => model.withStructuredOutput(z.object({ a: z.string(), b: z.string().optional() }), { method: "jsonSchema", strict: true })).toThrow(
      /strict: true needs a schema OpenAI's strict mode accepts, but \$\.b is optional.*\.nullable\(\) instead of \.optional\(\).*strict: false/
    );
    expect(() => model.withStructuredOutput(z.string() as never)).toThrow(/describe an object.*z\.object/);
    expect(() => model.withStructuredOutput("movie" as never)).toThrow(/Zod schema, a Standard Schema or a JSON schema object/);
    expect(() => model.withStructuredOutput(zod4Movie, { name: "my movie!" })).toThrow(/name "my movie!" must be 1–64 letters/);
    expect(() => model.withStructuredOutput(zod4Movie, { method: "json_mode" })).toThrow(/method "json_mode" is not one of "jsonSchema", "functionCalling", "jsonMode"/);
    expect(() => model.withStructuredOutput(zod4Movie, { method: "jsonMode", strict: true })).toThrow(/needs method "jsonSchema" or "functionCalling"/);
    expect(emulator.current.requests).toHaveLength(0);
  });
});

describe("Standard Schema", () => {
  it("validates with the schema's own validate", async () => {
    const standard = {
      "~standard": {
        version: 1 as const,
        vendor: "handmade",
        validate: (value: unknown) =>
          typeof (value as { year?: unknown }).year === "number"
            ? { value: { ...(value as object), checked: true } as Record<string, unknown> }
            : { issues: [{ message: "year must be a number", path: ["year"] }] },
        jsonSchema: { input: () => jsonMovie, output: () => jsonMovie },
      },
    };
    const result = await modelOn(emulator.current).withStructuredOutput(standard, { name: "movie", method: "jsonSchema" }).invoke(PROMPT);
    expect(result).toEqual({ ...INCEPTION, checked: true });
  });
});

describe("model profile and catalog refresh", () => {
  it("reads the profile from the shipped catalog without any request", () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o-mini" });
    expect(model.profile).toMatchObject({ toolCalling: true, structuredOutput: true, imageInputs: true, maxInputTokens: 128000, maxOutputTokens: 16384 });
    expect(modelOn(emulator.current, { model: "no-such/model" }).profile).toEqual({});
    expect(emulator.current.requests).toHaveLength(0);
  });

  it("refreshModelCatalog replaces the catalog for that base URL with GET /models", async () => {
    const profiles = await refreshModelCatalog({ baseURL: emulator.current.baseURL, apiKey: "sk-or-v1-test" });
    // the emulator's list: models-list.excerpt.json's three models, then models-list.spec-example.json's one
    expect([...profiles.keys()]).toEqual([
      "anthropic/claude-sonnet-4.5",
      "google/gemini-2.5-flash-image-preview",
      "openai/gpt-4o-mini",
      "openai/gpt-4",
    ]);
    expect(emulator.current.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /api/v1/models"]);
    // gpt-4.1 is not in that list: it is unknown on this base URL now
    const refreshed = modelOn(emulator.current, { model: "openai/gpt-4.1" });
    expect(refreshed.profile).toEqual({});
    await refreshed.withStructuredOutput(zod4Movie, { name: "movie" }).invoke(PROMPT);
    expect(lastChatBody(emulator.current)["tools"]).toBeDefined();
    expect(modelOn(emulator.current, { model: "openai/gpt-4o-mini" }).profile).toEqual(profiles.get("openai/gpt-4o-mini"));
    // other base URLs keep the shipped snapshot
    expect(modelOn(emulator.current, { model: "openai/gpt-4.1", scenario: "ok" }).profile.structuredOutput).toBe(true);
  });

  it("refreshModelCatalog({ source: \"user\" }) reads GET /models/user: the models the key may use", async () => {
    const profiles = await refreshModelCatalog({ baseURL: emulator.current.baseURL, apiKey: "sk-or-v1-test", source: "user" });
    expect([...profiles.keys()]).toEqual(["anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash-image-preview", "openai/gpt-4o-mini"]);
    expect(emulator.current.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /api/v1/models/user"]);
    expect(modelOn(emulator.current, { model: "openai/gpt-4" }).profile).toEqual({});
    await expect(refreshModelCatalog({ baseURL: emulator.current.baseURL, source: "all" as never })).rejects.toThrow(/"source" must be "models" or "user"/);
  });

  it("refreshModelCatalog resolves its connection as every client does: an empty OPENROUTER_BASE_URL is unset, options are checked", async () => {
    const saved = process.env["OPENROUTER_BASE_URL"];
    process.env["OPENROUTER_BASE_URL"] = "";
    try {
      // unset → the default URL, which this machine cannot reach: a connection error, not a fetch of "/models"
      const failure = await refreshModelCatalog({ maxRetries: 0, timeout: 2_000, fetch: async (url) => {
        throw new TypeError(`offline: ${String(url)}`);
      } }).catch((error: unknown) => error);
      expect(String((failure as Error).cause ?? failure)).toContain("offline: https://openrouter.ai/api/v1/models");
    } finally {
      if (saved === undefined) delete process.env["OPENROUTER_BASE_URL"];
      else process.env["OPENROUTER_BASE_URL"] = saved;
    }
    await expect(refreshModelCatalog({ baseURL: "openrouter.ai/api/v1" })).rejects.toThrow(/OpenRouterClient option "baseURL" must be an absolute http\(s\) URL/);
  });

  it("refreshModelCatalog surfaces OpenRouter errors and keeps the old catalog", async () => {
    const baseURL = emulator.current.baseURLFor("status:503");
    await expect(refreshModelCatalog({ baseURL, maxRetries: 0 })).rejects.toMatchObject({ status: 503 });
  });
});

describe("a refusal under withStructuredOutput: core's ModelRefusalError with the refusal text", () => {
  const Joke = z.object({ setup: z.string(), punchline: z.string() });
  const core = coreErrors as Partial<{ ModelRefusalError: { isInstance(value: unknown): boolean } }>;

  it.each(["jsonSchema", "functionCalling", "jsonMode"] as const)("%s, on invoke and on stream", async (method) => {
    const model = modelOn(emulator.current, { scenario: scenarioText("refuse", "I can't help with that request.") });
    const structured = model.withStructuredOutput(Joke, { method });
    const failures = [
      await structured.invoke("Tell me a joke.").catch((caught: unknown) => caught),
      await (async () => {
        for await (const _ of await structured.stream("Tell me a joke.")) {
          // read to the end
        }
      })().catch((caught: unknown) => caught),
    ];
    for (const error of failures) {
      expect((error as Error).message).toContain("I can't help with that request.");
      if (core.ModelRefusalError) {
        expect(core.ModelRefusalError.isInstance(error)).toBe(true);
        expect((error as { rawMessage?: AIMessage }).rawMessage?.additional_kwargs["refusal"]).toBe("I can't help with that request.");
      } else {
        expect(error).toBeInstanceOf(OutputParserException);
      }
    }
  });

  it("plain invoke keeps the refusal where it was, and as a v1 refusal block", async () => {
    const answer = await modelOn(emulator.current, { scenario: scenarioText("refuse", "No.") }).invoke("Tell me a joke.");
    expect(answer.additional_kwargs["refusal"]).toBe("No.");
    expect(answer.contentBlocks).toContainEqual(expect.objectContaining({ type: "refusal", refusal: "No." }));
  });
});
