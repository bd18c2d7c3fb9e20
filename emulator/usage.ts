/**
 * Usage and pricing of an answer (with the prompt cache: `cache_control` writes on the first
 * request, reads on an identical repeat), and the native finish reason each provider family uses.
 */
import type { FinishReason, ReasoningFamily } from "./answer.js";
import { contentText, hasCacheControl, type ChatRequest } from "./chat_request.js";
import { round9, tokenCount } from "./deterministic.js";
import { isRecord, type JsonValue } from "./schema_values.js";
import type { EmulatorState } from "./state.js";

export interface UsageInput {
  request: ChatRequest;
  /** Tokens the answer's parts count: content, tool calls, reasoning, images. */
  completionTokens: number;
  reasoningTokens: number;
  imageTokens: number;
  /** [prompt, completion] to report instead of the counts. */
  fixedUsage: [number, number] | undefined;
  webSearch: boolean;
  /** Server tools run besides web search (datetime, web_fetch…). */
  serverToolCalls?: number;
}

function promptTokensOf(request: ChatRequest): number {
  const { messages, tools, body } = request;
  const chars = messages.reduce<number>((sum, message) => sum + (isRecord(message) ? contentText(message["content"]).length : 0), 0);
  return Math.ceil(chars / 4) + 3 * messages.length + (tools.length > 0 ? tokenCount(JSON.stringify(body["tools"])) : 0);
}

/** Cached and written prompt tokens; records the prompt in the cache. */
function cacheTokens(request: ChatRequest, promptTokens: number, state: EmulatorState): { cached: number; written: number } {
  if (!hasCacheControl(request.body)) return { cached: 0, written: 0 };
  const key = JSON.stringify(request.messages);
  const cacheable = Math.max(1, Math.floor(promptTokens * 0.9));
  if (state.promptCache.has(key)) return { cached: cacheable, written: 0 };
  state.promptCache.add(key);
  return { cached: 0, written: cacheable };
}

export function usageOf(input: UsageInput, state: EmulatorState): Record<string, JsonValue> {
  const { request, reasoningTokens, imageTokens, webSearch } = input;
  const [promptTokens, completionTokens] = input.fixedUsage ?? [promptTokensOf(request), input.completionTokens];
  const cache = cacheTokens(request, promptTokens, state);
  const promptCost = round9(promptTokens * 0.000003 - cache.cached * 0.0000027 + cache.written * 0.00000075);
  const completionCost = round9(completionTokens * 0.000015);
  const searchCost = webSearch ? 0.004 : 0;
  const usage: Record<string, JsonValue> = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost: round9(promptCost + completionCost + searchCost),
    is_byok: false,
    prompt_tokens_details: { cached_tokens: cache.cached, cache_write_tokens: cache.written, audio_tokens: 0, video_tokens: 0 },
    cost_details: {
      upstream_inference_cost: round9(promptCost + completionCost),
      upstream_inference_prompt_cost: promptCost,
      upstream_inference_completions_cost: completionCost,
    },
    completion_tokens_details: { reasoning_tokens: reasoningTokens, image_tokens: imageTokens, audio_tokens: 0 },
  };
  const calls = (webSearch ? 1 : 0) + (input.serverToolCalls ?? 0);
  if (calls > 0) {
    usage["server_tool_use_details"] = webSearch
      ? { web_search_requests: 1, tool_calls_requested: calls, tool_calls_executed: calls }
      : { tool_calls_requested: calls, tool_calls_executed: calls };
  }
  return usage;
}

/** `native_finish_reason` by family: [for "stop", for "length"]; tool calls are "tool_calls" everywhere. */
const NATIVE_FINISH: { applies(model: string, family: ReasoningFamily | null): boolean; stop: string; length: string }[] = [
  { applies: (_model, family) => family === "openai", stop: "completed", length: "completed" },
  { applies: (model) => model.startsWith("anthropic/"), stop: "end_turn", length: "max_tokens" },
  { applies: (model) => model.startsWith("google/"), stop: "STOP", length: "MAX_TOKENS" },
];

export function nativeFinishReason(finishReason: FinishReason, model: string, family: ReasoningFamily | null): string {
  if (finishReason === "tool_calls") return "tool_calls";
  const row = NATIVE_FINISH.find((candidate) => candidate.applies(model, family));
  return row ? row[finishReason] : finishReason;
}
