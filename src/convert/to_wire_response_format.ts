// A structured-output schema → OpenRouter's response_format (api.md §2.4), and the check that a
// schema passes OpenAI's strict mode before a request is spent on finding out.
import type { OpenRouterResponseFormat } from "../wire/types.js";
import { isRecord } from "../wire/is_record.js";

type Json = Record<string, unknown>;

/** The name rule of `json_schema.name` and of function names (api.md §2.3, §2.4). */
export const SCHEMA_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export interface JsonSchemaFormatOptions {
  name: string;
  description?: string;
  strict?: boolean;
}

/** `{ type: "json_schema", json_schema: { name, schema, description?, strict? } }`. */
export function toWireJsonSchemaFormat(schema: Json, options: JsonSchemaFormatOptions): OpenRouterResponseFormat {
  const jsonSchema: { name: string; description?: string; schema: Json; strict?: boolean } = { name: options.name, schema };
  if (options.description) jsonSchema.description = options.description;
  if (options.strict !== undefined) jsonSchema.strict = options.strict;
  return { type: "json_schema", json_schema: jsonSchema };
}

export const JSON_OBJECT_FORMAT: OpenRouterResponseFormat = { type: "json_object" };

function* subschemas(schema: Json, path: string): Generator<[Json, string]> {
  const properties = schema["properties"];
  if (isRecord(properties)) {
    for (const [key, value] of Object.entries(properties)) if (isRecord(value)) yield [value, `${path}.${key}`];
  }
  const items = schema["items"];
  if (isRecord(items)) yield [items, `${path}[]`];
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[keyword];
    if (Array.isArray(options)) {
      for (let index = 0; index < options.length; index++) {
        const option: unknown = options[index];
        if (isRecord(option)) yield [option, `${path}.${keyword}[${index}]`];
      }
    }
  }
  for (const keyword of ["$defs", "definitions"]) {
    const definitions = schema[keyword];
    if (isRecord(definitions)) {
      for (const [key, value] of Object.entries(definitions)) if (isRecord(value)) yield [value, `${path}.${keyword}.${key}`];
    }
  }
}

/**
 * The first reason OpenAI's strict structured outputs would reject the schema, with where it is,
 * or undefined. Strict mode needs an object root, `additionalProperties: false` on every object
 * and every property listed in `required`.
 */
export function strictSchemaProblem(schema: Json, path = "$", depth = 0): string | undefined {
  if (depth === 0 && schema["type"] !== "object") return `the root (${path}) must be an object`;
  if (depth > 32) return undefined;
  const properties = schema["properties"];
  if (schema["type"] === "object" || isRecord(properties)) {
    if (schema["additionalProperties"] !== false) return `${path} needs additionalProperties: false`;
    const required = Array.isArray(schema["required"]) ? schema["required"] : [];
    for (const key of Object.keys(isRecord(properties) ? properties : {})) {
      if (!required.includes(key)) return `${path}.${key} is optional, and strict mode needs every property required`;
    }
  }
  for (const [child, childPath] of subschemas(schema, path)) {
    const problem = strictSchemaProblem(child, childPath, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}
