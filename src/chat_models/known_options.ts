// Which option names ChatOpenRouter takes where, and what to say about any other: a typo or an
// option of another integration is never silently dropped. The constructor throws; a call warns
// once per name, since call options also carry whatever LangChain, LangGraph and createAgent add.
import type { BaseChatModelCallOptions, BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import type { RunnableConfig } from "@langchain/core/runnables";
import type { ToolRuntime } from "@langchain/core/tools";
import { BODY_FIELDS, HEADER_OPTIONS } from "./invocation_params.js";
import type { ChatOpenRouterCallOptions, ChatOpenRouterFields } from "./options.js";

/** Request options: constructor and call alike. */
const REQUEST_OPTIONS = [...BODY_FIELDS.map(([option]) => option), ...HEADER_OPTIONS, "streamUsage", "modelKwargs", "useResponsesApi"] as const;

/** Ours, constructor only: aliases and the connection. */
const CONSTRUCTOR_ONLY = [
  "modelName",
  "stopSequences",
  "streaming",
  "apiKey",
  "baseURL",
  "siteUrl",
  "siteName",
  "appCategories",
  "timeout",
  "maxRetries",
  "defaultHeaders",
  "fetch",
] as const satisfies readonly (keyof ChatOpenRouterFields)[];

/** Ours, call only. */
const CALL_ONLY = [
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "strict",
  "response_format",
  "requireStructuredOutputs",
  "headers",
  "maxRetries",
] as const satisfies readonly (keyof ChatOpenRouterCallOptions)[];

// core's BaseChatModelParams (BaseLanguageModelParams, AsyncCallerParams, BaseLangChainParams)
const LANGCHAIN_CONSTRUCTOR_KEYS = [
  "verbose",
  "callbacks",
  "callbackManager",
  "tags",
  "metadata",
  "cache",
  "maxConcurrency",
  "maxRetries",
  "onFailedAttempt",
  "disableStreaming",
  "outputVersion",
] as const satisfies readonly (keyof BaseChatModelParams)[];

// core's BaseChatModelCallOptions (RunnableConfig, BaseLanguageModelCallOptions)
const LANGCHAIN_CALL_KEYS = [
  "callbacks",
  "tags",
  "metadata",
  "runName",
  "runId",
  "configurable",
  "recursionLimit",
  "maxConcurrency",
  "timeout",
  "signal",
  "stop",
  "maxRetries",
  "ls_structured_output_format",
  "tool_choice",
  "outputVersion",
  // maxRetries became a call option after core 1.2; ours either way
] as const satisfies readonly (keyof BaseChatModelCallOptions | "maxRetries")[];

// core's ToolRuntime beyond RunnableConfig: the config createAgent's and LangGraph's ToolNode give a
// tool, which it passes on when it calls the model
const TOOL_RUNTIME_KEYS = [
  "state",
  "toolCallId",
  "toolCall",
  "config",
  "context",
  "store",
  "writer",
] as const satisfies readonly Exclude<keyof ToolRuntime, keyof RunnableConfig>[];

// the type checker keeps these lists complete for the core this package is built against
type Missing<Type, List extends readonly string[]> = Exclude<keyof Type, List[number]>;
const complete: [
  | Missing<BaseChatModelParams, typeof LANGCHAIN_CONSTRUCTOR_KEYS>
  | Missing<BaseChatModelCallOptions, typeof LANGCHAIN_CALL_KEYS>
  | Exclude<Missing<ToolRuntime, typeof TOOL_RUNTIME_KEYS>, keyof RunnableConfig>,
] extends [never]
  ? true
  : never = true;
void complete;

/** In call options, but not in core's types: set by core itself, LangGraph and createAgent. */
const RUNTIME_CALL_KEYS = [
  // BaseChatModel.generate: each prompt's index in a batch
  "promptIndex",
  // Runnable.streamEvents passes its own options on to stream()
  "version",
  "encoding",
  // LangGraph's Runtime (LangGraphRunnableConfig), merged into calls made inside a node
  "context",
  "store",
  "writer",
  "interrupt",
  "heartbeat",
  "executionInfo",
  "serverInfo",
  "control",
  // LangGraph's PregelOptions, when a graph's config reaches the model
  "streamMode",
  "inputKeys",
  "outputKeys",
  "interruptBefore",
  "interruptAfter",
  "debug",
  "subgraphs",
  "checkpointDuring",
  "durability",
  // createAgent's providerStrategy binds Anthropic's and Google's structured-output options to
  // every model, beside the response_format this package reads
  "outputConfig",
  "responseSchema",
];

const CONSTRUCTOR_KEYS = new Set<string>([
  "model",
  ...REQUEST_OPTIONS,
  ...CONSTRUCTOR_ONLY,
  ...LANGCHAIN_CONSTRUCTOR_KEYS,
]);
const CALL_KEYS = new Set<string>([
  ...REQUEST_OPTIONS,
  ...CALL_ONLY,
  ...LANGCHAIN_CALL_KEYS,
  ...TOOL_RUNTIME_KEYS,
  ...RUNTIME_CALL_KEYS,
]);

/** The option names a call takes, ours and LangChain's (ChatOpenRouter#callKeys). */
export const CALL_OPTION_NAMES: readonly string[] = [...new Set<string>([...REQUEST_OPTIONS, ...CALL_ONLY])];

// names other integrations use for what is one of ours here
const FOREIGN_NAMES: Record<string, string> = {
  maxoutputtokens: '"maxTokens"',
  maxcompletiontokens: '"maxTokens"',
  maxtokenstosample: '"maxTokens"',
  openaiapikey: '"apiKey"',
  configuration: '"baseURL", "defaultHeaders" or "fetch" (ChatOpenAI\'s configuration fields are top-level options here)',
};

const normalise = (name: string): string => name.toLowerCase().replace(/[_-]/g, "");

/** Edit distance with adjacent transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known option `name` most likely meant, quoted, or undefined when none is close. */
export function closestOption(name: string, known: Iterable<string>): string | undefined {
  const target = normalise(name);
  const foreign = FOREIGN_NAMES[target];
  if (foreign) return foreign;
  let best: { option: string; distance: number } | undefined;
  for (const option of known) {
    const apart = distance(target, normalise(option));
    if (apart < (best?.distance ?? Infinity)) best = { option, distance: apart };
  }
  const allowed = Math.max(1, Math.floor(target.length / 3));
  return best && best.distance <= allowed && best.distance < target.length ? `"${best.option}"` : undefined;
}

const BIND_TOOLS = new Set(["tools", "tool_choice", "parallel_tool_calls", "strict"]);

function callOptionAtConstruction(key: string): string {
  if (BIND_TOOLS.has(key)) return `use model.bindTools(tools, { tool_choice, strict, parallel_tool_calls })`;
  if (key === "response_format") return "use model.withStructuredOutput(schema) or model.withConfig({ response_format })";
  if (key === "headers") return "for headers on every request, use defaultHeaders";
  return "pass it to invoke, stream or batch, or bind it with model.withConfig({ … })";
}

/** Options of OpenAI's stateful Responses API, which OpenRouter's stateless one has no use for. */
const STATEFUL = new Set(["store", "previousResponseId", "previous_response_id", "conversation"]);

/** What is wrong with option `key` given `where`: `fatal` throws, else a once-per-name warning. */
export function unknownOption(key: string, where: "constructor" | "call"): { message: string; fatal: boolean } | undefined {
  // a call's `store` is LangGraph's (a tool's runtime passes it on): only the constructor refuses it
  if (STATEFUL.has(key) && !CONSTRUCTOR_KEYS.has(key) && (where === "constructor" || !CALL_KEYS.has(key))) {
    return {
      message:
        `ChatOpenRouter has no option "${key}": OpenRouter's Responses API (useResponsesApi: true) is stateless, so nothing is kept ` +
        "between requests to refer back to. The whole conversation is sent each time: pass the earlier messages instead.",
      fatal: where === "constructor",
    };
  }
  if (where === "constructor") {
    if (CONSTRUCTOR_KEYS.has(key)) return undefined;
    if (CALL_KEYS.has(key)) {
      return { message: `ChatOpenRouter constructor option "${key}" is a call option: ${callOptionAtConstruction(key)}.`, fatal: true };
    }
    const suggestion = closestOption(key, CONSTRUCTOR_KEYS);
    return {
      message:
        `ChatOpenRouter has no constructor option "${key}"` +
        (suggestion ? `; did you mean ${suggestion}?` : ".") +
        ` A request body field this package does not know goes in modelKwargs: { ${key}: … }.`,
      fatal: true,
    };
  }
  if (CALL_KEYS.has(key)) return undefined;
  if (CONSTRUCTOR_KEYS.has(key)) {
    const instead = key === "modelName" ? 'use "model"' : key === "stopSequences" ? 'use "stop"' : `set it on the model (model.${key} = …)`;
    return { message: `ChatOpenRouter ignored the call option "${key}": it cannot change per call; ${instead}.`, fatal: false };
  }
  const suggestion = closestOption(key, CALL_KEYS);
  return {
    message:
      `ChatOpenRouter ignored the call option "${key}": it is not an option` +
      (suggestion ? `; did you mean ${suggestion}?` : ".") +
      ` A request body field this package does not know goes in modelKwargs: { ${key}: … }.`,
    fatal: false,
  };
}
