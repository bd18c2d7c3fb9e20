// The model's fields + call options → the request a call sends: its body's fields (pure; camelCase →
// snake_case) and the headers its options and features ask for.
// An option that is not set is left out of the body, never sent as null (api.md §2: absent means
// "the provider's default", while an explicit value is forwarded).
import { toResponsesRequest } from "../convert/to_responses_request.js";
import { toWireToolChoice, toWireTools, withStrict } from "../convert/to_wire_tools.js";
import type { RequestOptions } from "../wire/send_request.js";
import type { OpenRouterChatRequest, OpenRouterProviderPreferences, OpenRouterTool } from "../wire/types.js";
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
  ["trace", "trace"],
  ["transforms", "transforms"],
  ["prediction", "prediction"],
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
  ["maxCompletionTokens", "max_completion_tokens"],
  ["verbosity", "verbosity"],
  ["serviceTier", "service_tier"],
  ["requestMetadata", "metadata"],
  ["debug", "debug"],
  ["preset", "preset"],
  ["maxToolCalls", "max_tool_calls"],
  ["stopServerToolsWhen", "stop_server_tools_when"],
  ["promptCacheOptions", "prompt_cache_options"],
  ["audio", "audio"],
  ["xSearchFilter", "x_search_filter"],
] as const satisfies readonly (readonly [keyof ChatOpenRouterRequestOptions, string])[];

/** Call-option tool fields, sent under their own (wire) names. */
const CALL_FIELDS = ["parallel_tool_calls", "response_format"] as const;

// set, but meaning nothing: a session id of "" (also how one call opts out of the model's), no stop sequences
const isEmpty = (option: string, value: unknown): boolean =>
  (option === "sessionId" && value === "") || (option === "stop" && Array.isArray(value) && value.length === 0);

/**
 * The body fields for one call: `fields` (the model's, as they are now) overridden by `call` where
 * the call sets a value, then `modelKwargs` merged last. Messages and `stream` are added by the caller.
 */
export function invocationParams(
  fields: Partial<ChatOpenRouterRequestOptions>,
  call: Partial<ChatOpenRouterCallOptions> = {}
): Omit<OpenRouterChatRequest, "messages"> {
  const body: Record<string, unknown> = {};
  for (const [option, field] of BODY_FIELDS) {
    const value = call[option] !== undefined ? call[option] : fields[option];
    if (value !== undefined && value !== null && !isEmpty(option, value)) body[field] = value;
  }
  for (const field of CALL_FIELDS) {
    const value = call[field];
    if (value !== undefined && value !== null) body[field] = value;
  }
  let tools: OpenRouterTool[] | undefined = call.tools ? toWireTools(call.tools) : undefined;
  if (tools && typeof call.strict === "boolean") tools = withStrict(tools, call.strict);
  if (tools) body["tools"] = tools;
  const toolChoice = toWireToolChoice(call.tool_choice, tools);
  if (toolChoice !== undefined) body["tool_choice"] = toolChoice;
  // withStructuredOutput's json_schema is honoured only by endpoints that support it: route to those
  // unless the user said otherwise (provider.require_parameters, api.md §2.4). A response_format the
  // user passes by hand is sent as given.
  if (call.requireStructuredOutputs === true && call.response_format?.type === "json_schema") {
    const provider = body["provider"] as OpenRouterProviderPreferences | undefined;
    if (provider?.require_parameters == null) body["provider"] = { ...provider, require_parameters: true };
  }
  // merged last, so they win over the typed options; a call's keys over the constructor's, shallowly
  if (fields.modelKwargs) Object.assign(body, fields.modelKwargs);
  if (call.modelKwargs) Object.assign(body, call.modelKwargs);
  return body as Omit<OpenRouterChatRequest, "messages">;
}

/** Request options sent as headers rather than body fields (api.md §1.1). */
export const HEADER_OPTIONS = ["routerMetadata", "responseCache"] as const satisfies readonly (keyof ChatOpenRouterRequestOptions)[];

// OpenRouter strips `strict` from tools sent to Anthropic unless this beta is named (api.md §1.1,
// DOCS guides/routing/provider-selection); strict json_schema output needs it there too
const ANTHROPIC_STRICT_BETA = "structured-outputs-2025-11-13";

/** Whether the body asks an Anthropic model for strict tools or a strict json schema. */
function anthropicStrict(body: Partial<OpenRouterChatRequest> | undefined): boolean {
  if (body === undefined) return false;
  const anthropic = [body.model, ...(body.models ?? [])].some((slug) => typeof slug === "string" && /^~?anthropic\//.test(slug));
  if (!anthropic) return false;
  const strictTool = body.tools?.some((tool) => tool.type === "function" && (tool as { function?: { strict?: unknown } }).function?.strict === true);
  const format = body.response_format;
  const strictFormat = format?.type === "json_schema" && (format as { json_schema?: { strict?: unknown } }).json_schema?.strict === true;
  return Boolean(strictTool || strictFormat);
}

/**
 * The headers a call's options ask for, the call's over the model's; none for an option left unset.
 * With `body`, also what its features need on the way: Anthropic's structured-outputs beta when a
 * strict tool or a strict json schema goes to an `anthropic/*` model (added to an `x-anthropic-beta`
 * the call already names).
 */
export function requestHeaders(
  fields: Partial<ChatOpenRouterRequestOptions> & { defaultHeaders?: Record<string, string> },
  call: Partial<ChatOpenRouterCallOptions> = {},
  body?: Partial<OpenRouterChatRequest>
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (anthropicStrict(body)) {
    // under the name the model's defaultHeaders give it (so this one replaces that one rather than
    // going twice; the call's own is dropped by chatRequest), with every beta either names
    let name: string | undefined;
    const betas: string[] = [];
    for (const [key, value] of [...Object.entries(fields.defaultHeaders ?? {}), ...Object.entries(call.headers ?? {})]) {
      if (key.toLowerCase() !== "x-anthropic-beta") continue;
      name ??= key;
      for (const beta of value.split(",")) if (beta.trim() && !betas.includes(beta.trim())) betas.push(beta.trim());
    }
    if (!betas.includes(ANTHROPIC_STRICT_BETA)) betas.push(ANTHROPIC_STRICT_BETA);
    headers[name ?? "x-anthropic-beta"] = betas.join(",");
  }
  const routerMetadata = call.routerMetadata ?? fields.routerMetadata;
  if (routerMetadata !== undefined) headers["X-OpenRouter-Metadata"] = routerMetadata ? "enabled" : "disabled";
  const cache = call.responseCache ?? fields.responseCache;
  if (cache !== undefined) {
    headers["X-OpenRouter-Cache"] = cache === false ? "false" : "true";
    if (typeof cache === "object") {
      if (cache.ttl !== undefined) headers["X-OpenRouter-Cache-TTL"] = String(cache.ttl);
      if (cache.clear) headers["X-OpenRouter-Cache-Clear"] = "true";
    }
  }
  return headers;
}

/** A call's POST to /chat/completions: the body, the header options' headers, then the call's own headers. */
export function chatRequest(
  model: Partial<ChatOpenRouterRequestOptions> & { defaultHeaders?: Record<string, string> },
  body: OpenRouterChatRequest,
  options: ChatOpenRouterCallOptions
): RequestOptions {
  const added = requestHeaders(model, options, body);
  const merged = Object.keys(added).some((name) => name.toLowerCase() === "x-anthropic-beta");
  const headers = { ...added };
  // the call's own headers win, except a beta list the added one already merged
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!(merged && name.toLowerCase() === "x-anthropic-beta")) headers[name] = value;
  }
  return { path: "/chat/completions", body, signal: options.signal, headers };
}

/** The `POST /responses` request standing for a chat request (useResponsesApi): the same headers, the body converted (convert/to_responses_request.ts). */
export function responsesRequest(
  model: Partial<ChatOpenRouterRequestOptions> & { defaultHeaders?: Record<string, string> },
  body: OpenRouterChatRequest,
  options: ChatOpenRouterCallOptions
): RequestOptions {
  return { ...chatRequest(model, body, options), path: "/responses", body: toResponsesRequest(body, "ChatOpenRouter") };
}
