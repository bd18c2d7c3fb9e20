import { RunnableLambda } from "@langchain/core/runnables";
import { DynamicStructuredTool, StructuredTool, tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { z as z4 } from "zod/v4";
import { toWireTool, toWireToolChoice, toWireTools, withStrict } from "./to_wire_tools.js";

const WEATHER_PARAMETERS = {
  type: "object",
  properties: { location: { type: "string", description: "The city and state, e.g. San Francisco, CA" } },
  required: ["location"],
  additionalProperties: false,
};

const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather in a given location",
    parameters: WEATHER_PARAMETERS,
  },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe("toWireTool: every bindTools input form becomes an OpenAI function tool", () => {
  const description = "Get the current weather in a given location";
  const cases: [string, () => unknown][] = [
    ["tool() with a zod 4 schema", () =>
      tool(async () => "", { name: "get_weather", description, schema: z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }) })],
    ["tool() with a zod/v4 schema", () =>
      tool(async () => "", { name: "get_weather", description, schema: z4.object({ location: z4.string().describe("The city and state, e.g. San Francisco, CA") }) })],
    ["tool() with a zod 3 schema", () =>
      tool(async () => "", { name: "get_weather", description, schema: z3.object({ location: z3.string().describe("The city and state, e.g. San Francisco, CA") }) })],
    ["a DynamicStructuredTool", () =>
      new DynamicStructuredTool({ name: "get_weather", description, schema: z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }), func: async () => "" })],
    ["{ name, description, schema: zod }", () =>
      ({ name: "get_weather", description, schema: z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }) })],
    ["{ name, description, schema: JSON schema }", () => ({ name: "get_weather", description, schema: WEATHER_PARAMETERS })],
    ["a raw OpenAI function tool", () => WEATHER_TOOL],
    ["a bare function definition { name, description, parameters }", () => WEATHER_TOOL.function],
    ["a JSON schema with a title", () => ({ title: "get_weather", description, ...WEATHER_PARAMETERS })],
    ["a zod schema with a title in its metadata", () =>
      z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }).meta({ title: "get_weather", description })],
    ["a RunnableToolLike (asTool)", () =>
      RunnableLambda.from(async () => "").asTool({ name: "get_weather", description, schema: z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }) })],
  ];

  it.each(cases)("%s", (_label, make) => {
    expect(toWireTool(make())).toEqual(WEATHER_TOOL);
  });

  it("a StructuredTool subclass", () => {
    class GetWeather extends StructuredTool {
      name = "get_weather";
      description = description;
      schema = z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") });
      async _call(): Promise<string> {
        return "";
      }
    }
    expect(toWireTool(new GetWeather())).toEqual(WEATHER_TOOL);
  });

  it("a Standard Schema (not Zod) inside { name, schema }", () => {
    const standard = {
      "~standard": {
        version: 1,
        vendor: "handmade",
        validate: (value: unknown) => ({ value }),
        jsonSchema: { input: () => WEATHER_PARAMETERS, output: () => WEATHER_PARAMETERS },
      },
    };
    expect(toWireTool({ name: "get_weather", description, schema: standard })).toEqual(WEATHER_TOOL);
  });

  it("a zero-argument tool keeps its empty object schema", () => {
    const wire = toWireTool(tool(async () => "2024-01-01", { name: "get_date", description: "Gets the current date", schema: z.object({}) }));
    expect(wire).toEqual({
      type: "function",
      function: { name: "get_date", description: "Gets the current date", parameters: { type: "object", properties: {}, additionalProperties: false } },
    });
  });

  it("sends OpenRouter server tools verbatim (request-web-search-server-tool-full-params.json)", () => {
    const serverTool = {
      type: "openrouter:web_search",
      parameters: { allowed_domains: ["pydantic.dev"], max_uses: 1, user_location: { city: "London", type: "approximate" } },
    };
    expect(toWireTool(serverTool)).toBe(serverTool);
    expect(toWireTool({ type: "web_search_preview" })).toEqual({ type: "web_search_preview" });
  });

  it("keeps a tool's own strict flag and cache_control", () => {
    const wire = toWireTool({ ...WEATHER_TOOL, function: { ...WEATHER_TOOL.function, strict: true }, cache_control: { type: "ephemeral" } });
    expect(wire).toEqual({ ...WEATHER_TOOL, function: { ...WEATHER_TOOL.function, strict: true }, cache_control: { type: "ephemeral" } });
  });

  it("drops a cache_control that is not { type, ttl? }, as a strict flag that is not a boolean", () => {
    for (const cacheControl of ["ephemeral", { ttl: "1h" }, { type: "ephemeral", ttl: 60 }]) {
      expect(toWireTool({ ...WEATHER_TOOL, cache_control: cacheControl })).toEqual(WEATHER_TOOL);
    }
  });

  it("never modifies the caller's objects", () => {
    const rawTool = deepFreeze(structuredClone(WEATHER_TOOL));
    const jsonTool = deepFreeze({ name: "get_forecast", description, schema: structuredClone(WEATHER_PARAMETERS) });
    const wire = toWireTools([rawTool, jsonTool]);
    const strict = withStrict(wire, true);
    expect(rawTool).toEqual(WEATHER_TOOL);
    expect(jsonTool.schema).toEqual(WEATHER_PARAMETERS);
    expect(strict[0]).not.toBe(wire[0]);
    expect(wire[0]).toEqual(WEATHER_TOOL);
  });

  it("drops the $schema key zod 4 adds", () => {
    const wire = toWireTool({ name: "a", schema: z.object({ b: z.number() }) }) as { function: { parameters: Record<string, unknown> } };
    expect(wire.function.parameters).not.toHaveProperty("$schema");
  });
});

describe("toWireTool: bad tools fail before any request, naming the fix", () => {
  it("a tool without a name", () => {
    expect(() => toWireTool({ description: "no name", parameters: WEATHER_PARAMETERS })).toThrow(/needs a name for tool #1/);
    expect(() => toWireTool({ type: "function", function: { parameters: WEATHER_PARAMETERS } })).toThrow(/needs a name/);
    expect(() => toWireTool(z.object({ a: z.string() }))).toThrow(/needs a name/);
  });

  it("a schema that is not an object", () => {
    expect(() => toWireTool({ name: "count", schema: z.string() })).toThrow(/describe an object.*z\.object/);
    expect(() => toWireTool({ name: "count", parameters: { type: "array", items: { type: "string" } } })).toThrow(/describe an object/);
  });

  it("something that is not a tool", () => {
    expect(() => toWireTool("get_weather")).toThrow(/cannot bind tool #1/);
    expect(() => toWireTool({ foo: 1 })).toThrow(/cannot bind tool #1/);
    expect(() => toWireTool({ type: "function" })).toThrow(/needs a "function" object/);
  });

  it("two tools with one name", () => {
    expect(() => toWireTools([WEATHER_TOOL, WEATHER_TOOL.function])).toThrow(/two tools named "get_weather"/);
  });

  it("a non-array", () => {
    expect(() => toWireTools(WEATHER_TOOL as never)).toThrow(/expects an array/);
  });
});

describe("withStrict", () => {
  it("sets function.strict on function tools only", () => {
    const server = { type: "openrouter:web_search" };
    expect(withStrict([WEATHER_TOOL as never, server as never], true)).toEqual([
      { ...WEATHER_TOOL, function: { ...WEATHER_TOOL.function, strict: true } },
      server,
    ]);
  });
});

describe("toWireToolChoice: every LangChain form", () => {
  const tools = toWireTools([WEATHER_TOOL, { type: "openrouter:web_search" }]);
  const forced = { type: "function", function: { name: "get_weather" } };
  const cases: [string, unknown, unknown][] = [
    ["undefined", undefined, undefined],
    ["null", null, undefined],
    ['"auto"', "auto", "auto"],
    ['"none"', "none", "none"],
    ['"required"', "required", "required"],
    ['"any" → "required"', "any", "required"],
    ["a tool name", "get_weather", forced],
    ["the wire object", forced, forced],
    ['Anthropic\'s { type: "tool", name }', { type: "tool", name: "get_weather" }, forced],
    ['{ type: "any" }', { type: "any" }, "required"],
    ['{ type: "auto" }', { type: "auto" }, "auto"],
    ["a bare { name }", { name: "get_weather" }, forced],
    ["a server tool type", "openrouter:web_search", { type: "openrouter:web_search" }],
    ["a server tool object", { type: "openrouter:web_search" }, { type: "openrouter:web_search" }],
  ];
  it.each(cases)("%s", (_label, choice, expected) => {
    expect(toWireToolChoice(choice, tools)).toEqual(expected);
  });

  it("a name without the tools list is trusted", () => {
    expect(toWireToolChoice("anything")).toEqual({ type: "function", function: { name: "anything" } });
  });

  it("unknown forms raise a clear error", () => {
    for (const choice of [42, "", { type: "function" }, { type: "function", function: {} }, { type: "banana" }, ["auto"], true]) {
      expect(() => toWireToolChoice(choice, tools)).toThrow(/does not understand tool_choice/);
    }
  });

  it("a name that no bound tool has", () => {
    expect(() => toWireToolChoice("get_time", tools)).toThrow(/names "get_time", but the bound tools are "get_weather"/);
  });
});
