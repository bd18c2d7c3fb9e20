/**
 * Deterministic values from a JSON schema, steered by the prompt text.
 *
 * Used for tool-call arguments and structured output. No randomness: the same
 * schema and prompt always give the same value.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ValueContext {
  /** The prompt text (or the segment of it relevant to this call). */
  prompt: string;
  /** Results of the tools already called: a string field named like a tool takes its result. */
  facts?: { name: string; content: string }[];
  /** Numbers found in the prompt, consumed in order. */
  numbers: number[];
  /** Next number to hand out. */
  numberIndex: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const KNOWN_CITIES = [
  "San Francisco",
  "New York",
  "Los Angeles",
  "Paris",
  "Tokyo",
  "London",
  "Berlin",
  "Madrid",
  "Rome",
  "Boston",
  "Seattle",
  "Chicago",
  "Sydney",
  "Toronto",
  "Amsterdam",
  "Beijing",
  "Mumbai",
  "Singapore",
  "Dubai",
  "Moscow",
  "Lisbon",
  "Vienna",
  "Prague",
  "Oslo",
  "Stockholm",
  "Dublin",
  "Zurich",
  "Munich",
  "Barcelona",
  "Cairo",
];

const CITY_ABBREVIATIONS: Record<string, string> = { SF: "San Francisco", NYC: "New York", LA: "Los Angeles" };

/** Cities named in a text, in order of appearance. */
export function findCities(text: string): string[] {
  const found: { city: string; at: number }[] = [];
  const lower = text.toLowerCase();
  for (const city of KNOWN_CITIES) {
    const at = lower.indexOf(city.toLowerCase());
    if (at >= 0) found.push({ city, at });
  }
  for (const [abbr, city] of Object.entries(CITY_ABBREVIATIONS)) {
    const m = new RegExp(`\\b${abbr}\\b`).exec(text);
    if (m && !found.some((f) => f.city === city)) found.push({ city, at: m.index });
  }
  // "in Springfield", "for Ulm": a capitalised word after a preposition.
  const re = /\b(?:in|for|at|of)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? "";
    if (name && !found.some((f) => f.city.startsWith(name) || name.startsWith(f.city)) && !STOP_CAPITALS.has(name)) {
      found.push({ city: name, at: m.index });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.city);
}

const STOP_CAPITALS = new Set(["The", "This", "That", "English", "French", "JSON", "I"]);

export function findNumbers(text: string): number[] {
  const out: number[] = [];
  const re = /-?\d+(?:\.\d+)?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(Number(m[0]));
  return out;
}

export function makeContext(prompt: string, facts?: { name: string; content: string }[]): ValueContext {
  return { prompt, numbers: findNumbers(prompt), numberIndex: 0, facts };
}

function exampleFrom(description: unknown): string | undefined {
  if (typeof description !== "string") return undefined;
  const m = /\be\.g\.?,?\s*(.+)$/i.exec(description);
  if (!m) return undefined;
  let text = (m[1] ?? "").trim();
  text = text.replace(/[)\].]+$/, "").trim();
  text = text.replace(/^["'`]|["'`]$/g, "");
  return text || undefined;
}

const LOCATION_NAME = /location|city|place|town|address|where|destination|origin/i;

function stringValue(name: string, schema: Record<string, unknown>, ctx: ValueContext): string {
  // "weather" ← the result of get_weather
  const fact = ctx.facts?.find((f) => f.name.toLowerCase().split(/[^a-z0-9]+/).includes(name.toLowerCase()));
  if (fact) return fact.content;
  const example = exampleFrom(schema["description"]);
  if (LOCATION_NAME.test(name) || LOCATION_NAME.test(String(schema["description"] ?? ""))) {
    const city = findCities(ctx.prompt)[0];
    if (city !== undefined) {
      if (example !== undefined && example.toLowerCase().startsWith(city.toLowerCase())) return example;
      return city;
    }
  }
  if (example !== undefined) return example;
  const format = schema["format"];
  if (format === "date") return "2025-01-01";
  if (format === "date-time") return "2025-01-01T00:00:00Z";
  if (format === "email") return "user@example.com";
  if (format === "uri" || format === "url") return "https://example.com";
  if (/time\s*zone|timezone|tz$/i.test(name)) return "UTC";
  if (/query|search|question|text|topic/i.test(name)) return ctx.prompt.slice(0, 80) || "example";
  if (/name/i.test(name)) return "Example";
  return "example";
}

function numberValue(schema: Record<string, unknown>, ctx: ValueContext, integer: boolean): number {
  const next = ctx.numbers[ctx.numberIndex];
  let value: number;
  if (next !== undefined) {
    ctx.numberIndex += 1;
    value = next;
  } else {
    const min = typeof schema["minimum"] === "number" ? schema["minimum"] : undefined;
    value = min ?? 1;
  }
  return integer ? Math.round(value) : value;
}

function schemaType(schema: Record<string, unknown>): string | undefined {
  const t = schema["type"];
  if (typeof t === "string") return t;
  if (Array.isArray(t)) {
    const first = t.find((x): x is string => typeof x === "string" && x !== "null");
    return first;
  }
  if (isRecord(schema["properties"])) return "object";
  if (schema["items"] !== undefined) return "array";
  return undefined;
}

/** A value satisfying `schema` (best effort for the common JSON-schema subset). */
export function valueForSchema(schema: unknown, ctx: ValueContext, name = "value", depth = 0): JsonValue {
  if (!isRecord(schema) || depth > 8) return "example";
  if (schema["const"] !== undefined) return toJson(schema["const"]);
  const enumValues = schema["enum"];
  if (Array.isArray(enumValues) && enumValues.length > 0) return toJson(enumValues[0]);
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const pick = options.find((o) => isRecord(o) && o["type"] !== "null") ?? options[0];
      return valueForSchema(pick, ctx, name, depth + 1);
    }
  }
  switch (schemaType(schema)) {
    case "object":
      return objectForSchema(schema, ctx, depth);
    case "array": {
      const min = typeof schema["minItems"] === "number" ? Math.max(1, schema["minItems"]) : 1;
      const out: JsonValue[] = [];
      for (let i = 0; i < min; i++) out.push(valueForSchema(schema["items"], ctx, name, depth + 1));
      return out;
    }
    case "integer":
      return numberValue(schema, ctx, true);
    case "number":
      return numberValue(schema, ctx, false);
    case "boolean":
      return true;
    case "null":
      return null;
    case "string":
      return stringValue(name, schema, ctx);
    default:
      return stringValue(name, schema, ctx);
  }
}

export function objectForSchema(schema: Record<string, unknown>, ctx: ValueContext, depth = 0): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  const properties = isRecord(schema["properties"]) ? schema["properties"] : {};
  const required = Array.isArray(schema["required"])
    ? schema["required"].filter((x): x is string => typeof x === "string")
    : [];
  const keys = [...required, ...Object.keys(properties).filter((k) => !required.includes(k))];
  for (const key of keys) out[key] = valueForSchema(properties[key], ctx, key, depth + 1);
  return out;
}

function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (isRecord(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return null;
}

/** Property names of an object schema (used for the movie special case). */
export function propertyNames(schema: unknown): string[] {
  if (!isRecord(schema) || !isRecord(schema["properties"])) return [];
  return Object.keys(schema["properties"]);
}
