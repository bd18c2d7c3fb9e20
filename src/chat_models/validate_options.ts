// Bad options fail here, before any request, with a message that names the fix. These are plain
// TypeErrors, not OpenRouterErrors: OpenRouter never saw them.
import { headersProblem } from "../wire/connection.js";
import { isRecord } from "../wire/is_record.js";
import {
  boolean,
  type Check,
  type Checks,
  checkOptions,
  finiteNumber,
  integer,
  milliseconds,
  modelSlug,
  object,
  string,
  stringArray,
} from "../wire/option_checks.js";
import { unknownOption } from "./known_options.js";
import type { ChatOpenRouterCallOptions, ChatOpenRouterFields, ChatOpenRouterRequestOptions } from "./options.js";

const stop: Check = (value) => (typeof value === "string" ? undefined : stringArray(value));
const numberRecord: Check = (value) =>
  isRecord(value) && Object.values(value).every((item) => typeof item === "number") ? undefined : "an object of token id → number";
const route: Check = (value) => (value === "fallback" || value === "sort" ? undefined : '"fallback" or "sort"');
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
const prediction: Check = (value) =>
  isRecord(value) && value["type"] === "content" && typeof value["content"] === "string"
    ? undefined
    : 'an object such as { type: "content", content: "the text the answer will mostly repeat" }';

/** The request options' checks (constructor and call alike). */
const REQUEST_CHECKS: Checks<ChatOpenRouterRequestOptions> = {
  model: modelSlug("openai/gpt-4o"),
  temperature: finiteNumber,
  maxTokens: integer(1),
  topP: finiteNumber,
  topK: integer(0),
  minP: finiteNumber,
  topA: finiteNumber,
  frequencyPenalty: finiteNumber,
  presencePenalty: finiteNumber,
  repetitionPenalty: finiteNumber,
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
  maxCompletionTokens: integer(1),
  verbosity: string,
  serviceTier: string,
  requestMetadata: (value) =>
    isRecord(value) && Object.values(value).every((item) => typeof item === "string")
      ? undefined
      : 'an object of string values (at most 16), e.g. { team: "search" }',
  debug: object,
  preset: string,
  maxToolCalls: integer(1),
  stopServerToolsWhen: (value) =>
    Array.isArray(value) && value.every((item) => isRecord(item) && typeof item["type"] === "string")
      ? undefined
      : 'an array of conditions with a type, e.g. [{ type: "step_count_is", count: 3 }]',
  promptCacheOptions: (value) => (isRecord(value) && typeof value["mode"] === "string" ? undefined : 'an object such as { mode: "explicit", ttl: "1h" }'),
  audio: (value) =>
    isRecord(value) && typeof value["voice"] === "string" && typeof value["format"] === "string"
      ? undefined
      : 'an object such as { voice: "alloy", format: "wav" }',
  xSearchFilter: object,
  routerMetadata: boolean,
  responseCache: (value) => {
    if (typeof value === "boolean") return undefined;
    const ok =
      isRecord(value) &&
      (value["ttl"] === undefined || (Number.isInteger(value["ttl"]) && (value["ttl"] as number) >= 1 && (value["ttl"] as number) <= 86_400)) &&
      (value["clear"] === undefined || typeof value["clear"] === "boolean");
    return ok ? undefined : "true, false, or { ttl: seconds from 1 to 86400, clear: true }";
  },
  streamUsage: boolean,
  modelKwargs: object,
  useResponsesApi: boolean,
};

/** The constructor's own options; the connection's are checked once, by createConnection. */
const CONSTRUCTOR_CHECKS: Readonly<Record<string, Check>> = {
  ...REQUEST_CHECKS,
  modelName: REQUEST_CHECKS.model,
  stopSequences: stop,
  streaming: boolean,
} satisfies Partial<Checks<ChatOpenRouterFields>>;

/** A call's options: the request's, and the call-only ones (core checks none of these). */
const CALL_CHECKS: Readonly<Record<string, Check>> = {
  ...REQUEST_CHECKS,
  timeout: milliseconds,
  maxRetries: integer(0),
  headers: headersProblem,
  parallel_tool_calls: boolean,
  strict: boolean,
  requireStructuredOutputs: boolean,
} satisfies Partial<Checks<ChatOpenRouterCallOptions>>;

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
    if ((options as Record<string, unknown>)[key] === undefined) continue;
    const unknown = unknownOption(key, where);
    if (unknown?.fatal) throw new TypeError(unknown.message);
    if (unknown && !warned.has(`${where}:${key}`)) {
      warned.add(`${where}:${key}`);
      console.warn(unknown.message);
    }
  }
  checkOptions(options, where === "call" ? CALL_CHECKS : CONSTRUCTOR_CHECKS, `ChatOpenRouter ${where} option`);
}
