/** Reads a chat-completions request body into what the responder decides from. */
import { isRecord } from "./schema_values.js";

export interface FunctionTool {
  name: string;
  description: string;
  parameters: unknown;
}

/** A tool message at the end of the conversation, with the name of the call it answers. */
export interface ToolResult {
  name: string;
  content: string;
}

export interface ChatRequest {
  body: Record<string, unknown>;
  messages: unknown[];
  /** Text of the last user message. */
  prompt: string;
  /** System and developer messages, joined. */
  system: string;
  /** The conversation ends with tool results. */
  lastIsTool: boolean;
  tools: FunctionTool[];
  responseFormat: Record<string, unknown> | undefined;
  /** Served model: the canonical slug where known. */
  model: string;
  provider: string;
  /** Seeds ids: the whole body. */
  bodyKey: string;
  /** Seeds reasoning: the body without `stream`/`stream_options`, so both modes get the same. */
  answerKey: string;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Text of a message content (string or array of parts). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  return arr(content)
    .map((part) => (isRecord(part) && typeof part["text"] === "string" ? part["text"] : ""))
    .filter((text) => text !== "")
    .join("\n");
}

const CANONICAL_MODELS: Record<string, string> = {
  "anthropic/claude-sonnet-4.5": "anthropic/claude-4.5-sonnet-20250929",
  "anthropic/claude-haiku-4.5": "anthropic/claude-4.5-haiku-20251001",
  "anthropic/claude-opus-4.1": "anthropic/claude-4.1-opus-20250805",
  "openai/gpt-4o": "openai/gpt-4o-2024-08-06",
  "openai/gpt-4o-mini": "openai/gpt-4o-mini-2024-07-18",
  "openai/gpt-5-mini": "openai/gpt-5-mini-2025-08-07",
  "openai/gpt-5": "openai/gpt-5-2025-08-07",
  "openrouter/auto": "openai/gpt-4o-mini-2024-07-18",
};

const PROVIDER_BY_AUTHOR: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google AI Studio",
  "meta-llama": "DeepInfra",
  mistralai: "Mistral",
};

const PROVIDER_DISPLAY: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  "amazon-bedrock": "Amazon Bedrock",
  "google-vertex": "Google",
  "google-ai-studio": "Google AI Studio",
  deepinfra: "DeepInfra",
  mistral: "Mistral",
  together: "Together",
  groq: "Groq",
  fireworks: "Fireworks",
  azure: "Azure",
};

function servedModel(body: Record<string, unknown>): string {
  const models = arr(body["models"]).filter((model): model is string => typeof model === "string");
  const requested = models[0] ?? str(body["model"]) ?? "openrouter/auto";
  return CANONICAL_MODELS[requested] ?? requested;
}

function providerName(body: Record<string, unknown>, model: string): string {
  const preferences = body["provider"];
  if (isRecord(preferences)) {
    const first = str(arr(preferences["order"])[0]) ?? str(arr(preferences["only"])[0]);
    if (first !== undefined) return PROVIDER_DISPLAY[first.toLowerCase()] ?? first;
  }
  const author = model.split("/")[0] ?? "";
  return PROVIDER_BY_AUTHOR[author] ?? "Emulator";
}

function functionTools(body: Record<string, unknown>): FunctionTool[] {
  const out: FunctionTool[] = [];
  for (const tool of arr(body["tools"])) {
    if (!isRecord(tool) || tool["type"] !== "function" || !isRecord(tool["function"])) continue;
    const fn = tool["function"];
    const name = str(fn["name"]);
    if (name === undefined) continue;
    out.push({ name, description: str(fn["description"]) ?? "", parameters: fn["parameters"] });
  }
  return out;
}

export function readChatRequest(body: Record<string, unknown>): ChatRequest {
  const messages = arr(body["messages"]);
  const lastUser = [...messages].reverse().find((message) => isRecord(message) && message["role"] === "user");
  const system = messages
    .filter((message) => isRecord(message) && (message["role"] === "system" || message["role"] === "developer"))
    .map((message) => (isRecord(message) ? contentText(message["content"]) : ""))
    .join("\n");
  const last = messages[messages.length - 1];
  const model = servedModel(body);
  return {
    body,
    messages,
    prompt: isRecord(lastUser) ? contentText(lastUser["content"]) : "",
    system,
    lastIsTool: isRecord(last) && last["role"] === "tool",
    tools: functionTools(body),
    responseFormat: isRecord(body["response_format"]) ? body["response_format"] : undefined,
    model,
    provider: providerName(body, model),
    bodyKey: JSON.stringify(body),
    answerKey: JSON.stringify({ ...body, stream: undefined, stream_options: undefined }),
  };
}

/** The tool messages ending the conversation, named after the calls they answer. */
export function trailingToolResults(messages: unknown[]): ToolResult[] {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (!isRecord(message) || message["role"] !== "assistant") continue;
    for (const call of arr(message["tool_calls"])) {
      if (isRecord(call) && typeof call["id"] === "string" && isRecord(call["function"])) {
        names.set(call["id"], str(call["function"]["name"]) ?? "tool");
      }
    }
  }
  const out: ToolResult[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (!isRecord(message) || message["role"] !== "tool") break;
    const id = str(message["tool_call_id"]) ?? "";
    out.unshift({ name: names.get(id) ?? str(message["name"]) ?? "tool", content: contentText(message["content"]) });
  }
  return out;
}

export function hasCacheControl(body: Record<string, unknown>): boolean {
  if (body["cache_control"] !== undefined) return true;
  for (const message of arr(body["messages"])) {
    if (!isRecord(message)) continue;
    if (message["cache_control"] !== undefined) return true;
    for (const part of arr(message["content"])) if (isRecord(part) && part["cache_control"] !== undefined) return true;
  }
  return false;
}

export function reasoningWanted(body: Record<string, unknown>): boolean {
  const reasoning = body["reasoning"];
  if (isRecord(reasoning)) {
    if (reasoning["exclude"] === true || reasoning["effort"] === "none" || reasoning["enabled"] === false) return false;
    if (typeof reasoning["effort"] === "string" || typeof reasoning["max_tokens"] === "number" || reasoning["enabled"] === true) return true;
  }
  return body["include_reasoning"] === true;
}

export function webSearchWanted(body: Record<string, unknown>): boolean {
  if (arr(body["plugins"]).some((plugin) => isRecord(plugin) && plugin["id"] === "web" && plugin["enabled"] !== false)) return true;
  if (isRecord(body["web_search_options"]) || str(body["model"])?.endsWith(":online")) return true;
  return arr(body["tools"]).some(
    (tool) => isRecord(tool) && (tool["type"] === "openrouter:web_search" || tool["type"] === "web_search" || tool["type"] === "web_search_preview"),
  );
}

/** `max_tokens`, else `max_completion_tokens`, when a number. */
export function maxTokens(body: Record<string, unknown>): number | undefined {
  const value = typeof body["max_tokens"] === "number" ? body["max_tokens"] : body["max_completion_tokens"];
  return typeof value === "number" ? value : undefined;
}
