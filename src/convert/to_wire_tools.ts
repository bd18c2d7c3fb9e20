// bindTools inputs → OpenRouter tools, and LangChain's tool_choice forms → OpenRouter's (api.md §2.3).
// The caller's objects are never modified: every tool that needs a change is a new object.
import { convertToOpenAITool, isLangChainTool } from "@langchain/core/utils/function_calling";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { isStandardJsonSchema } from "@langchain/core/utils/standard_schema";
import { type InteropZodType, isInteropZodSchema } from "@langchain/core/utils/types";
import type { OpenRouterFunctionTool, OpenRouterTool, OpenRouterToolChoice } from "../wire/types.js";
import { isRecord } from "../wire/is_record.js";
import { isCacheControl } from "./to_wire_data_part.js";

type Json = Record<string, unknown>;

const JSON_SCHEMA_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

function describe(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 100);
  } catch {
    return String(value);
  }
}

/** Core's Standard JSON Schema type, as its own guard names it (core does not re-export the type). */
type StandardJsonSchema = typeof isStandardJsonSchema extends (schema: unknown) => schema is infer T ? T : never;

/** True for a Zod (3 or 4) or Standard JSON Schema, which core turns into JSON schema. */
export function isSchemaLibraryObject(value: unknown): value is InteropZodType | StandardJsonSchema {
  return isInteropZodSchema(value) || isStandardJsonSchema(value);
}

/**
 * A JSON schema from a Zod (3 or 4), Standard Schema or JSON schema input, without the top-level
 * `$schema` key zod 4 adds (providers that validate the schema strictly reject unknown keys).
 */
export function toJsonSchemaObject(schema: unknown, what: string): Json {
  const converted: unknown = isSchemaLibraryObject(schema) ? toJsonSchema(schema) : schema;
  if (!isRecord(converted)) {
    throw new TypeError(
      `ChatOpenRouter needs ${what} to be a Zod schema, a Standard Schema or a JSON schema object; got ${describe(schema)}.`
    );
  }
  if (!("$schema" in converted)) return converted;
  const { $schema: _dropped, ...rest } = converted;
  return rest;
}

/** Throws unless the JSON schema describes an object, as tool parameters and structured output must. */
export function assertObjectSchema(schema: Json, what: string): void {
  const type = schema["type"];
  const isObject = type === "object" || (type === undefined && isRecord(schema["properties"]));
  if (!isObject) {
    throw new TypeError(
      `ChatOpenRouter needs ${what} to describe an object (JSON schema type "object"); got type ${describe(type ?? "(none)")}. ` +
        "Wrap the value in an object, e.g. z.object({ value: z.string() })."
    );
  }
}

function functionTool(name: unknown, description: unknown, parameters: unknown, position: number): OpenRouterFunctionTool {
  if (typeof name !== "string" || name.trim() === "") {
    throw new TypeError(
      `ChatOpenRouter needs a name for tool #${position + 1}: give it { name: "get_weather", ... } ` +
        '(or a JSON schema "title"); OpenRouter calls tools by name.'
    );
  }
  const fn: OpenRouterFunctionTool["function"] = { name };
  if (typeof description === "string" && description !== "") fn.description = description;
  if (parameters !== undefined && parameters !== null) {
    const schema = toJsonSchemaObject(parameters, `the parameters of tool "${name}"`);
    assertObjectSchema(schema, `the parameters of tool "${name}"`);
    fn.parameters = schema;
  }
  return { type: "function", function: fn };
}

function fromSchema(schema: unknown, position: number): OpenRouterFunctionTool {
  const json = toJsonSchemaObject(schema, `tool #${position + 1}`);
  const { title, description, ...parameters } = json;
  return functionTool(title, description, parameters, position);
}

/**
 * One bindTools input → one wire tool. Accepts LangChain tools (`tool()`, StructuredTool,
 * RunnableToolLike, `{ name, description, schema }`), OpenAI function tools, bare function
 * definitions (`{ name, parameters }`), Zod / Standard / JSON schemas with a title, and
 * OpenRouter server tools (`{ type: "openrouter:web_search", ... }`), which are sent as given.
 */
export function toWireTool(tool: unknown, position = 0): OpenRouterTool {
  if (isSchemaLibraryObject(tool)) return fromSchema(tool, position);
  if (!isRecord(tool)) {
    throw new TypeError(
      `ChatOpenRouter cannot bind tool #${position + 1} (${describe(tool)}): pass a LangChain tool, ` +
        '{ name, description, schema }, or { type: "function", function: { name, parameters } }.'
    );
  }
  const record = tool;
  const type = record["type"];
  if (type === "function" || isRecord(record["function"])) {
    const fn = record["function"];
    if (!isRecord(fn)) {
      throw new TypeError(
        `ChatOpenRouter cannot bind tool #${position + 1}: a { type: "function" } tool needs a "function" object with a name.`
      );
    }
    const wire = functionTool(fn["name"], fn["description"], fn["parameters"], position);
    if (typeof fn["strict"] === "boolean") wire.function.strict = fn["strict"];
    if (isCacheControl(record["cache_control"])) wire.cache_control = record["cache_control"];
    return wire;
  }
  // server tools and OpenAI-style shorthands (`web_search`): OpenRouter runs them (api.md §2.3)
  if (typeof type === "string" && !JSON_SCHEMA_TYPES.has(type)) return record as OpenRouterTool;
  if (isLangChainTool(record)) {
    const { function: fn } = convertToOpenAITool(record);
    return functionTool(fn.name, fn.description, fn.parameters, position);
  }
  if ("schema" in record && typeof record["name"] === "string") {
    return functionTool(record["name"], record["description"], record["schema"], position);
  }
  if ("parameters" in record || (typeof record["name"] === "string" && !JSON_SCHEMA_TYPES.has(String(type)))) {
    return functionTool(record["name"], record["description"], record["parameters"], position);
  }
  if (typeof type === "string" || isRecord(record["properties"])) return fromSchema(record, position);
  throw new TypeError(
    `ChatOpenRouter cannot bind tool #${position + 1} (${describe(tool)}): pass a LangChain tool, ` +
      '{ name, description, schema }, or { type: "function", function: { name, parameters } }.'
  );
}

// lists this module made: bindTools converts once, and each call then sends the list as it is
const CONVERTED = new WeakSet<readonly OpenRouterTool[]>();

/** bindTools inputs → wire tools; two function tools may not share a name. A list this function returned is returned as it is. */
export function toWireTools(tools: readonly unknown[]): OpenRouterTool[] {
  if (!Array.isArray(tools)) {
    throw new TypeError("ChatOpenRouter.bindTools expects an array of tools, e.g. bindTools([getWeather]).");
  }
  if (CONVERTED.has(tools)) return tools as OpenRouterTool[];
  const wire = tools.map((tool, position) => toWireTool(tool, position));
  const seen = new Set<string>();
  for (const name of functionNamesOf(wire)) {
    if (seen.has(name)) {
      throw new TypeError(`ChatOpenRouter got two tools named "${name}": give every tool a unique name.`);
    }
    seen.add(name);
  }
  CONVERTED.add(wire);
  return wire;
}

/** The names of the function tools (server tools have none). */
export function functionNamesOf(tools: readonly OpenRouterTool[]): string[] {
  const names: string[] = [];
  for (const tool of tools) {
    if (tool.type === "function" && isRecord(tool["function"])) names.push(String(tool["function"]["name"]));
  }
  return names;
}

/** Every function tool with `function.strict` set; server tools are left as they are. */
export function withStrict(tools: readonly OpenRouterTool[], strict: boolean): OpenRouterTool[] {
  return tools.map((tool) => {
    if (tool.type !== "function" || !isRecord(tool["function"])) return tool;
    const fn = tool as OpenRouterFunctionTool;
    return { ...fn, function: { ...fn.function, strict } };
  });
}

function unknownChoice(choice: unknown): TypeError {
  return new TypeError(
    `ChatOpenRouter does not understand tool_choice ${describe(choice)}: use "auto", "none", "required", "any", ` +
      'a tool name, or { type: "function", function: { name } }.'
  );
}

function forced(name: string, tools: readonly OpenRouterTool[] | undefined): OpenRouterToolChoice {
  if (tools !== undefined) {
    const names = functionNamesOf(tools);
    if (!names.includes(name)) {
      const serverTool = tools.find((tool) => tool.type === name);
      if (serverTool) return { type: name };
      throw new TypeError(
        `ChatOpenRouter tool_choice names "${name}", but the bound tools are ${names.length > 0 ? names.map((n) => `"${n}"`).join(", ") : "none"}: ` +
          "bind that tool or choose one of these."
      );
    }
  }
  return { type: "function", function: { name } };
}

/**
 * LangChain's tool_choice forms → OpenRouter's: `"any"` is `"required"`, a tool name forces that
 * tool, Anthropic's `{ type: "tool", name }` is translated, the wire objects pass. With `tools`
 * given, a forced name must be one of them.
 */
export function toWireToolChoice(choice: unknown, tools?: readonly OpenRouterTool[]): OpenRouterToolChoice | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === "string") {
    if (choice === "auto" || choice === "none" || choice === "required") return choice;
    if (choice === "any") return "required";
    if (choice.trim() === "") throw unknownChoice(choice);
    if (choice.startsWith("openrouter:")) return { type: choice };
    return forced(choice, tools);
  }
  if (!isRecord(choice)) throw unknownChoice(choice);
  const type = choice["type"];
  const fn = choice["function"];
  if (type === "function") {
    if (!isRecord(fn) || typeof fn["name"] !== "string" || fn["name"] === "") throw unknownChoice(choice);
    return forced(fn["name"], tools);
  }
  if (type === "tool" && typeof choice["name"] === "string") return forced(choice["name"], tools);
  if (type === undefined && typeof choice["name"] === "string") return forced(choice["name"], tools);
  if (type === "auto" || type === "none" || type === "required") return type;
  if (type === "any") return "required";
  if (typeof type === "string" && type.startsWith("openrouter:")) return { ...choice, type };
  throw unknownChoice(choice);
}
