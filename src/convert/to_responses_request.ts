// A chat completions request body (what invocationParams and toWireMessages build) → the Responses
// API request that asks the same (docs/responses_api.md), pure: messages become input items (a tool
// call a function_call item, a tool's answer a function_call_output, reasoning_details reasoning
// items with their encrypted content verbatim), tools are flattened, response_format becomes
// text.format, max_tokens max_output_tokens. A field the Responses API has no place for is refused
// with the fix, never dropped; the API is stateless, so `store` and `previous_response_id` are too.
import type {
  OpenRouterChatRequest,
  OpenRouterContentPart,
  OpenRouterMessage,
  OpenRouterReasoningDetail,
  OpenRouterResponsesInputItem,
  OpenRouterResponsesInputPart,
  OpenRouterResponsesReasoningItem,
  OpenRouterResponsesRequest,
  OpenRouterResponsesTool,
  OpenRouterResponsesToolChoice,
  OpenRouterTool,
  OpenRouterToolChoice,
} from "../wire/types.js";

/** Chat completions fields the Responses API has no place for: the option that sets each, refused with the fix. */
const CHAT_ONLY: Readonly<Record<string, string>> = {
  stop: "stop",
  logit_bias: "logitBias",
  logprobs: "logprobs",
  top_logprobs: "topLogprobs",
  seed: "seed",
  min_p: "minP",
  top_a: "topA",
  repetition_penalty: "repetitionPenalty",
  prediction: "prediction",
  web_search_options: "webSearchOptions",
  audio: "audio",
  include_reasoning: "includeReasoning",
  transforms: "transforms",
};

/** Fields renamed or moved on the way; every other field is sent as it is (provider, plugins, models, route, user…). */
const MAPPED = new Set(["messages", "max_tokens", "max_completion_tokens", "response_format", "verbosity", "tools", "tool_choice", "stream_options", "store", "previous_response_id"]);

function inputPartOf(part: OpenRouterContentPart): OpenRouterResponsesInputPart {
  switch (part.type) {
    case "text": {
      const { type: _type, text, ...rest } = part as { type: "text"; text: string };
      return { type: "input_text", text, ...rest };
    }
    case "image_url": {
      const { image_url, ...rest } = part as { type: "image_url"; image_url: { url: string; detail?: string } };
      return { ...rest, type: "input_image", image_url: image_url.url, detail: image_url.detail ?? "auto" };
    }
    case "file": {
      const { file, ...rest } = part as { type: "file"; file: { filename?: string; file_data?: string; file_id?: string } };
      const data = file.file_data ?? "";
      const source = /^https?:\/\//i.test(data) ? { file_url: data } : { file_data: data };
      return { ...rest, type: "input_file", ...(file.filename ? { filename: file.filename } : {}), ...source, ...(file.file_id ? { file_id: file.file_id } : {}) };
    }
    default:
      return part as OpenRouterResponsesInputPart;
  }
}

function contentOf(content: string | OpenRouterContentPart[] | null | undefined): string | OpenRouterResponsesInputPart[] {
  if (content == null) return "";
  return typeof content === "string" ? content : content.map(inputPartOf);
}

function textOf(content: string | OpenRouterContentPart[] | null | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && typeof part["text"] === "string" ? part["text"] : "")).join("");
}

/** reasoning_details → reasoning items, one per id (in order), each detail's part where it came from. */
function reasoningItemsOf(details: OpenRouterReasoningDetail[]): OpenRouterResponsesReasoningItem[] {
  const items = new Map<string, OpenRouterResponsesReasoningItem>();
  for (const detail of details) {
    // a server tool OpenRouter ran on chat completions has no Responses input item
    if (detail.type === "reasoning.server_tool_call") continue;
    const key = detail.id ?? "";
    let item = items.get(key);
    if (item === undefined) {
      item = { type: "reasoning", ...(detail.id ? { id: detail.id } : {}), summary: [] };
      items.set(key, item);
    }
    if (detail.type === "reasoning.summary" && typeof detail.summary === "string") item.summary!.push({ type: "summary_text", text: detail.summary });
    else if (detail.type === "reasoning.text" && typeof detail.text === "string") {
      (item.content ??= []).push({ type: "reasoning_text", text: detail.text });
      if (detail.signature) item.signature = detail.signature;
    } else if (detail.type === "reasoning.encrypted" && typeof detail.data === "string") item.encrypted_content = detail.data;
    if (detail.format && detail.format !== "openai-responses-v1") item.format = detail.format;
  }
  return [...items.values()];
}

function inputItemsOf(messages: OpenRouterMessage[]): OpenRouterResponsesInputItem[] {
  const items: OpenRouterResponsesInputItem[] = [];
  for (const message of messages) {
    const wire = message as OpenRouterMessage & { role: string; tool_call_id?: string; content?: string | OpenRouterContentPart[] | null };
    if (wire.role === "tool") {
      const output = wire.content;
      items.push({ type: "function_call_output", call_id: wire.tool_call_id ?? "", output: typeof output === "string" ? output : textOf(output) });
    } else if (wire.role === "assistant") {
      const assistant = message as Extract<OpenRouterMessage, { role: "assistant" }>;
      if (Array.isArray(assistant.reasoning_details)) items.push(...reasoningItemsOf(assistant.reasoning_details));
      const text = textOf(assistant.content);
      // the docs require an id and a status on an assistant message sent back; nothing is stored to match them against
      if (text !== "") items.push({ type: "message", role: "assistant", id: `msg_${items.length}`, status: "completed", content: [{ type: "output_text", text, annotations: [] }] });
      for (const call of assistant.tool_calls ?? []) {
        items.push({ type: "function_call", id: `fc_${call.id}`, call_id: call.id, name: call.function.name, arguments: call.function.arguments });
      }
    } else {
      items.push({ type: "message", role: wire.role, content: contentOf(wire.content) });
    }
  }
  return items;
}

function toolsOf(tools: OpenRouterTool[]): OpenRouterResponsesTool[] {
  return tools.map((tool) => {
    if (tool.type !== "function" || !("function" in tool)) return tool as OpenRouterResponsesTool;
    const { name, description, parameters, strict } = (tool as { function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean | null } }).function;
    return { type: "function", name, ...(description !== undefined ? { description } : {}), ...(parameters !== undefined ? { parameters } : {}), ...(strict != null ? { strict } : {}) };
  });
}

function toolChoiceOf(choice: OpenRouterToolChoice): OpenRouterResponsesToolChoice {
  if (typeof choice === "object" && choice !== null && choice.type === "function" && "function" in choice) {
    return { type: "function", name: (choice as { function: { name: string } }).function.name };
  }
  return choice as OpenRouterResponsesToolChoice;
}

/** The Responses API request for a chat completions request body; throws a TypeError naming the fix for what it cannot send. */
export function toResponsesRequest(body: OpenRouterChatRequest, owner: string): OpenRouterResponsesRequest {
  if (body["store"] === true || (body["previous_response_id"] != null && body["previous_response_id"] !== "")) {
    throw new TypeError(
      `${owner} with useResponsesApi: OpenRouter's Responses API is stateless, so \`store\` and \`previous_response_id\` are refused: ` +
        "nothing is kept between requests, and the whole conversation is sent each time. Drop them and pass the messages instead."
    );
  }
  const refused = Object.keys(CHAT_ONLY).filter((field) => body[field] !== undefined);
  if (refused.length > 0) {
    const names = refused.map((field) => CHAT_ONLY[field]).join(", ");
    throw new TypeError(`${owner} with useResponsesApi: OpenRouter's Responses API has no place for ${names}. Unset ${refused.length > 1 ? "them" : "it"}, or use chat completions (useResponsesApi: false).`);
  }
  const request: OpenRouterResponsesRequest = { input: inputItemsOf(body.messages) };
  for (const [field, value] of Object.entries(body)) {
    if (!MAPPED.has(field) && value !== undefined) request[field] = value;
  }
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens !== undefined) request.max_output_tokens = maxTokens;
  if (body.tools !== undefined) request.tools = toolsOf(body.tools);
  if (body.tool_choice !== undefined) request.tool_choice = toolChoiceOf(body.tool_choice);
  const format = body.response_format;
  if (format !== undefined || body.verbosity !== undefined) {
    request.text = {};
    if (format?.type === "json_schema" && "json_schema" in format) {
      const { name, description, schema, strict } = (format as { json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean | null } }).json_schema;
      request.text.format = { type: "json_schema", name, schema: schema ?? {}, ...(description !== undefined ? { description } : {}), ...(strict != null ? { strict } : {}) };
    } else if (format !== undefined) {
      request.text.format = format as { type: string };
    }
    if (body.verbosity !== undefined) request.text.verbosity = body.verbosity;
  }
  return request;
}
