// Constructor fields + call options → the request body's fields (pure; camelCase → snake_case).
// An option that is not set is left out of the body, never sent as null (api.md §2: absent means
// "the provider's default", while an explicit value is forwarded).
import type { OpenRouterChatRequest, OpenRouterToolChoice } from "../wire/types.js";
import type { ChatOpenRouterCallOptions, ChatOpenRouterRequestOptions } from "./options.js";

/** Option name → body field, for options sent as they are. */
export const BODY_FIELDS = [
  ["model", "model"],
  ["temperature", "temperature"],
  ["maxTokens", "max_tokens"],
  ["topP", "top_p"],
  ["topK", "top_k"],
  ["minP", "min_p"],
  ["topA", "top_a"],
  ["frequencyPenalty", "frequency_penalty"],
  ["presencePenalty", "presence_penalty"],
  ["repetitionPenalty", "repetition_penalty"],
  ["seed", "seed"],
  ["stop", "stop"],
  ["logitBias", "logit_bias"],
  ["logprobs", "logprobs"],
  ["topLogprobs", "top_logprobs"],
  ["user", "user"],
  ["sessionId", "session_id"],
  ["provider", "provider"],
  ["models", "models"],
  ["route", "route"],
  ["plugins", "plugins"],
  ["reasoning", "reasoning"],
  ["includeReasoning", "include_reasoning"],
  ["modalities", "modalities"],
  ["imageConfig", "image_config"],
  ["cacheControl", "cache_control"],
  ["promptCacheKey", "prompt_cache_key"],
  ["webSearchOptions", "web_search_options"],
] as const satisfies readonly (readonly [keyof ChatOpenRouterRequestOptions, string])[];

/** Call-option tool fields, sent under their own (wire) names. */
const CALL_FIELDS = ["tools", "parallel_tool_calls", "response_format"] as const;

/** LangChain's tool_choice forms → OpenRouter's (`"any"` is `"required"`, a name forces that tool). */
export function toWireToolChoice(choice: ChatOpenRouterCallOptions["tool_choice"]): OpenRouterToolChoice | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === "string") {
    if (choice === "auto" || choice === "none" || choice === "required") return choice;
    if (choice === "any") return "required";
    return { type: "function", function: { name: choice } };
  }
  if (typeof choice === "object" && typeof (choice as { type?: unknown }).type === "string") return choice;
  throw new TypeError(
    `ChatOpenRouter does not understand tool_choice ${JSON.stringify(choice)}: use "auto", "none", "required", "any", a tool name, or { type: "function", function: { name } }.`
  );
}

/**
 * The body fields for one call: `defaults` (the constructor's) overridden by `call` where the call
 * sets a value, then `modelKwargs` merged last. Messages and `stream` are added by the caller.
 */
export function invocationParams(
  defaults: Partial<ChatOpenRouterRequestOptions>,
  call: Partial<ChatOpenRouterCallOptions> = {}
): Omit<OpenRouterChatRequest, "messages"> {
  const body: Record<string, unknown> = {};
  for (const [option, field] of BODY_FIELDS) {
    const value = call[option] !== undefined ? call[option] : defaults[option];
    if (value !== undefined && value !== null) body[field] = value;
  }
  for (const field of CALL_FIELDS) {
    const value = call[field];
    if (value !== undefined && value !== null) body[field] = value;
  }
  const toolChoice = toWireToolChoice(call.tool_choice);
  if (toolChoice !== undefined) body["tool_choice"] = toolChoice;
  const kwargs = call.modelKwargs ?? defaults.modelKwargs;
  if (kwargs) Object.assign(body, kwargs);
  return body as Omit<OpenRouterChatRequest, "messages">;
}
