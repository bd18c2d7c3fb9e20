// Bad options fail here, before any request, with a message that names the fix. These are plain
// TypeErrors, not OpenRouterErrors: OpenRouter never saw them.
import { headersProblem } from "../wire/connection.js";
import { unknownOption } from "./known_options.js";
import type { ChatOpenRouterCallOptions, ChatOpenRouterFields } from "./options.js";

type Check = (value: unknown) => string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const number: Check = (value) => (typeof value === "number" && Number.isFinite(value) ? undefined : "a finite number");
const integer = (min: number): Check => (value) =>
  Number.isInteger(value) && (value as number) >= min ? undefined : `an integer ≥ ${min}`;
const positiveNumber: Check = (value) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? undefined : "a number of milliseconds > 0";
const string: Check = (value) => (typeof value === "string" ? undefined : "a string");
const nonEmptyString: Check = (value) =>
  typeof value === "string" && value.trim() !== "" ? undefined : 'a non-empty model slug such as "openai/gpt-4o"';
const boolean: Check = (value) => (typeof value === "boolean" ? undefined : "true or false");
const object: Check = (value) => (isRecord(value) ? undefined : "an object");
const stringArray: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === "string") ? undefined : "an array of strings";
const numberRecord: Check = (value) =>
  isRecord(value) && Object.values(value).every((item) => typeof item === "number") ? undefined : "an object of token id → number";
const route: Check = (value) => (value === "fallback" || value === "sort" ? undefined : '"fallback" or "sort"');
const stop: Check = (value) => (typeof value === "string" ? undefined : stringArray(value));
const plugins: Check = (value) =>
  Array.isArray(value) && value.every((item) => isRecord(item) && typeof item["id"] === "string")
    ? undefined
    : 'an array of plugin objects with an id, e.g. [{ id: "web", max_results: 5 }]';
const reasoning: Check = (value) => {
  if (!isRecord(value)) return 'an object such as { effort: "high" } or { max_tokens: 2048 }';
  if (value["effort"] != null && typeof value["effort"] !== "string") return 'an object whose effort is a string such as "high"';
  if (value["max_tokens"] !== undefined && !(Number.isInteger(value["max_tokens"]) && (value["max_tokens"] as number) > 0)) {
    return "an object whose max_tokens is a positive integer";
  }
  return undefined;
};
const cacheControl: Check = (value) =>
  isRecord(value) && typeof value["type"] === "string" ? undefined : 'an object such as { type: "ephemeral", ttl: "1h" }';
const url: Check = (value) =>
  typeof value === "string" && /^https?:\/\/[^/]/i.test(value) ? undefined : 'an absolute http(s) URL such as "https://openrouter.ai/api/v1"';
const fetchFunction: Check = (value) => (typeof value === "function" ? undefined : "a fetch function");
const prediction: Check = (value) =>
  isRecord(value) && value["type"] === "content" && typeof value["content"] === "string"
    ? undefined
    : 'an object such as { type: "content", content: "the text the answer will mostly repeat" }';

const CHECKS: Record<string, Check> = {
  model: nonEmptyString,
  modelName: nonEmptyString,
  stopSequences: stop,
  temperature: number,
  maxTokens: integer(1),
  topP: number,
  topK: integer(0),
  minP: number,
  topA: number,
  frequencyPenalty: number,
  presencePenalty: number,
  repetitionPenalty: number,
  seed: integer(Number.MIN_SAFE_INTEGER),
  stop,
  logitBias: numberRecord,
  logprobs: boolean,
  topLogprobs: integer(0),
  user: string,
  sessionId: string,
  trace: object,
  transforms: stringArray,
  prediction,
  provider: object,
  models: stringArray,
  route,
  plugins,
  reasoning,
  includeReasoning: boolean,
  modalities: stringArray,
  imageConfig: object,
  cacheControl,
  promptCacheKey: string,
  webSearchOptions: object,
  streamUsage: boolean,
  modelKwargs: object,
  apiKey: string,
  baseURL: url,
  siteUrl: string,
  siteName: string,
  appCategories: stringArray,
  maxRetries: integer(0),
  timeout: positiveNumber,
  defaultHeaders: headersProblem,
  headers: headersProblem,
  fetch: fetchFunction,
  parallel_tool_calls: boolean,
  strict: boolean,
};

const warned = new Set<string>();

/**
 * Throws a TypeError naming the option, what it must be and what it got. An option ChatOpenRouter
 * does not take throws at construction, and warns once per name in a call.
 */
export function validateOptions(
  options: Partial<ChatOpenRouterFields> | Partial<ChatOpenRouterCallOptions>,
  where: "constructor" | "call"
): void {
  for (const key in options) {
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const unknown = unknownOption(key, where);
    if (unknown?.fatal) throw new TypeError(unknown.message);
    if (unknown) {
      if (!warned.has(`${where}:${key}`)) {
        warned.add(`${where}:${key}`);
        console.warn(unknown.message);
      }
      continue;
    }
    const check = CHECKS[key];
    const problem = check?.(value);
    if (problem) {
      let shown: string;
      try {
        shown = key === "apiKey" ? "(hidden)" : JSON.stringify(value) ?? String(value);
      } catch {
        shown = String(value);
      }
      throw new TypeError(`ChatOpenRouter ${where} option "${key}" must be ${problem}; got ${shown.slice(0, 80)}.`);
    }
  }
}
