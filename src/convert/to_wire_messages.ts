// LangChain messages → OpenRouter messages: roles, names, tool calls, tool results, and the
// assistant fields OpenRouter needs back (reasoning_details, file annotations).
import type { BaseMessage } from "@langchain/core/messages";
import type { OpenRouterContentPart, OpenRouterMessage, OpenRouterToolCall } from "../wire/types.js";
import { textOnly, toWireContent, toWirePart } from "./to_wire_content.js";

type AssistantMessage = Extract<OpenRouterMessage, { role: "assistant" }>;

interface LangChainToolCall {
  id?: string;
  name: string;
  args: unknown;
}

interface LangChainInvalidToolCall {
  id?: string;
  name?: string;
  args?: string;
}

function roleOf(message: BaseMessage): string {
  const type = message.type;
  switch (type) {
    case "system":
      return "system";
    case "human":
      return "user";
    case "ai":
      return "assistant";
    case "tool":
      return "tool";
    case "generic": {
      const role = (message as BaseMessage & { role?: string }).role;
      if (role === "human") return "user";
      if (role === "ai") return "assistant";
      if (role === "system" || role === "developer" || role === "user" || role === "assistant" || role === "tool") return role;
      throw new TypeError(`ChatOpenRouter cannot send a ChatMessage with role "${role}": use system, developer, user, assistant or tool.`);
    }
    default:
      throw new TypeError(`ChatOpenRouter cannot send a ${type} message: use system, human, ai or tool messages.`);
  }
}

function toolCallsOf(message: BaseMessage): OpenRouterToolCall[] {
  const calls: OpenRouterToolCall[] = [];
  const valid = (message as { tool_calls?: LangChainToolCall[] }).tool_calls ?? [];
  for (const call of valid) {
    calls.push({
      id: call.id ?? "",
      type: "function",
      // args built by hand may already be the JSON text
      function: { name: call.name, arguments: typeof call.args === "string" ? call.args : JSON.stringify(call.args ?? {}) },
    });
  }
  // an unparsable call still went to the model; its result message needs the call beside it
  const invalid = (message as { invalid_tool_calls?: LangChainInvalidToolCall[] }).invalid_tool_calls ?? [];
  for (const call of invalid) {
    calls.push({ id: call.id ?? "", type: "function", function: { name: call.name ?? "", arguments: call.args ?? "" } });
  }
  return calls;
}

function assistantMessage(message: BaseMessage): AssistantMessage {
  const content = toWireContent(message.content, "assistant");
  const text = typeof content === "string" ? content : textOnly(content);
  const wire: AssistantMessage = { role: "assistant" };
  const toolCalls = toolCallsOf(message);
  // with tool calls and no text, content is left out (request-tool-result-roundtrip.raw.json)
  if (text === undefined) wire.content = content;
  else if (text !== "" || toolCalls.length === 0) wire.content = text;
  if (message.name) wire.name = message.name;
  if (toolCalls.length > 0) wire.tool_calls = toolCalls;
  const kwargs = message.additional_kwargs;
  // reasoning must go back byte-exact for Anthropic signatures, Gemini thought signatures and
  // OpenAI encrypted reasoning (api.md §2.2 "Echoing reasoning back")
  if (Array.isArray(kwargs?.["reasoning_details"])) {
    wire.reasoning_details = kwargs["reasoning_details"] as AssistantMessage["reasoning_details"];
  }
  if (Array.isArray(kwargs?.["annotations"])) {
    const files = (kwargs["annotations"] as { type?: unknown }[]).filter((annotation) => annotation?.type === "file");
    if (files.length > 0) wire.annotations = files as AssistantMessage["annotations"];
  }
  return wire;
}

/**
 * A tool result → wire content: text stays text, images and files stay parts, and anything else
 * a tool returned (objects, numbers, unknown blocks) is sent as its JSON text.
 */
function toolContent(content: unknown): string | OpenRouterContentPart[] {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return JSON.stringify(content) ?? "";
  const parts: OpenRouterContentPart[] = [];
  for (const block of content as unknown[]) {
    if (typeof block === "string") {
      parts.push({ type: "text", text: block });
      continue;
    }
    let part: OpenRouterContentPart | undefined;
    let sendable = typeof block === "object" && block !== null;
    try {
      if (sendable) part = toWirePart(block as Record<string, unknown>, "tool");
    } catch {
      sendable = false;
    }
    // an output-only block (reasoning, tool_call) has nothing to send
    if (sendable && part === undefined) continue;
    parts.push(part ?? { type: "text", text: JSON.stringify(block) ?? String(block) });
  }
  return textOnly(parts) ?? parts;
}

export function toWireMessage(message: BaseMessage): OpenRouterMessage {
  const role = roleOf(message);
  if (role === "assistant") return assistantMessage(message);
  if (role === "tool") {
    const toolCallId = (message as BaseMessage & { tool_call_id?: string }).tool_call_id;
    if (!toolCallId) {
      throw new TypeError("ChatOpenRouter needs tool_call_id on every ToolMessage: set it to the id of the tool call it answers.");
    }
    return { role: "tool", tool_call_id: toolCallId, content: toolContent(message.content) };
  }
  const content = toWireContent(message.content, role);
  const wire = {
    role,
    // system and developer content is text only (api.md §2.2); flatten when we can
    content: role !== "user" && typeof content !== "string" ? (textOnly(content) ?? content) : content,
  } as OpenRouterMessage;
  if (message.name) wire.name = message.name;
  return wire;
}

export function toWireMessages(messages: BaseMessage[]): OpenRouterMessage[] {
  return messages.map(toWireMessage);
}
