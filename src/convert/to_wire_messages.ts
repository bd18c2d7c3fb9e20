// LangChain messages → OpenRouter messages: roles, names, tool calls, tool results, and the
// assistant fields OpenRouter needs back (reasoning_details, file annotations).
import type { BaseMessage } from "@langchain/core/messages";
import type { InvalidToolCall, ToolCall } from "@langchain/core/messages/tool";
import type { OpenRouterContentPart, OpenRouterMessage, OpenRouterToolCall } from "../wire/types.js";
import { textOnly, toWireContent, toWirePart } from "./to_wire_content.js";

type AssistantMessage = Extract<OpenRouterMessage, { role: "assistant" }>;

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
  const valid = (message as { tool_calls?: ToolCall[] }).tool_calls ?? [];
  for (const call of valid) {
    calls.push({
      id: call.id ?? "",
      type: "function",
      // args built by hand may already be the JSON text
      function: { name: call.name, arguments: typeof call.args === "string" ? call.args : JSON.stringify(call.args ?? {}) },
    });
  }
  // an unparsable call still went to the model; its result message needs the call beside it
  let invalid = (message as { invalid_tool_calls?: InvalidToolCall[] }).invalid_tool_calls ?? [];
  // a message assembled from streamEvents() keeps them only as content blocks
  if (invalid.length === 0 && Array.isArray(message.content)) {
    invalid = (message.content as { type?: unknown }[]).filter(
      (block): block is InvalidToolCall & { type: "invalid_tool_call" } => block?.type === "invalid_tool_call"
    );
  }
  for (const call of invalid) {
    calls.push({ id: call.id ?? "", type: "function", function: { name: call.name ?? "", arguments: call.args ?? "" } });
  }
  return calls;
}

/** Anthropic-style `tool_use` content blocks whose call is not in tool_calls (the block is not sent as content). */
function toolUseCallsOf(message: BaseMessage, known: OpenRouterToolCall[]): OpenRouterToolCall[] {
  if (!Array.isArray(message.content)) return [];
  const calls: OpenRouterToolCall[] = [];
  for (const block of message.content as { type?: unknown; id?: unknown; name?: unknown; input?: unknown }[]) {
    if (block?.type !== "tool_use" || typeof block.name !== "string") continue;
    const id = typeof block.id === "string" ? block.id : "";
    if (known.some((call) => call.id === id)) continue;
    calls.push({ id, type: "function", function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
  }
  return calls;
}

/** URLs of the images this assistant message generated (`additional_kwargs.images`). */
function ownImageUrls(kwargs: Record<string, unknown> | undefined): Set<string> {
  const urls = new Set<string>();
  const images = kwargs?.["images"];
  if (!Array.isArray(images)) return urls;
  for (const image of images as { image_url?: { url?: unknown } }[]) {
    if (typeof image?.image_url?.url === "string") urls.add(image.image_url.url);
  }
  return urls;
}

/**
 * The assistant's content without the blocks it generated itself: with `outputVersion: "v1"` the
 * content also holds reasoning, tool calls and generated images, which go back through their own
 * fields (or, for images, not at all, as with the default output), never as content.
 */
function sentContentOf(message: BaseMessage, kwargs: Record<string, unknown> | undefined): unknown {
  const content = message.content;
  if (!Array.isArray(content)) return content;
  const own = ownImageUrls(kwargs);
  if (own.size === 0) return content;
  return content.filter((block) => {
    const candidate = block as { type?: unknown; url?: unknown };
    return !(candidate?.type === "image" && typeof candidate.url === "string" && own.has(candidate.url));
  });
}

/**
 * `reasoning_details` as received, in order (api.md §2.2 "Echoing reasoning back"). The one
 * exception: an Anthropic text detail without its signature (a stream cut short) is dropped, since
 * upstream rejects it with "Invalid signature in thinking block".
 */
/** A `reasoning.text` detail with nothing a provider verifies: no signature, not Anthropic's or Gemini's format. */
function isPlainReasoningText(detail: unknown): boolean {
  if (typeof detail !== "object" || detail === null) return false;
  const { type, signature, format } = detail as { type?: unknown; signature?: unknown; format?: unknown };
  return type === "reasoning.text" && !signature && !(typeof format === "string" && /^(anthropic|google)/.test(format));
}

function echoedReasoningDetails(details: unknown[]): AssistantMessage["reasoning_details"] {
  return details.filter((detail) => {
    const candidate = detail as { type?: unknown; format?: unknown; signature?: unknown };
    return !(
      candidate?.type === "reasoning.text" &&
      candidate.format === "anthropic-claude-v1" &&
      (typeof candidate.signature !== "string" || candidate.signature === "")
    );
  }) as AssistantMessage["reasoning_details"];
}

/**
 * `reasoning_details` kept in additional_kwargs (invoke, stream) or, for a message assembled from
 * `streamEvents()`, in the `extras` of its reasoning blocks.
 */
function reasoningDetailsOf(message: BaseMessage): unknown {
  const kept = message.additional_kwargs?.["reasoning_details"];
  if (kept !== undefined || !Array.isArray(message.content)) return kept;
  let details: unknown[] | undefined;
  for (const block of message.content as { type?: unknown; extras?: { reasoning_details?: unknown } }[]) {
    const carried = block?.type === "reasoning" ? block.extras?.reasoning_details : undefined;
    if (Array.isArray(carried)) (details ??= []).push(...carried);
  }
  return details;
}

function assistantMessage(message: BaseMessage): AssistantMessage {
  const kwargs = message.additional_kwargs;
  const content = toWireContent(sentContentOf(message, kwargs), "assistant");
  const text = typeof content === "string" ? content : textOnly(content);
  const wire: AssistantMessage = { role: "assistant" };
  const toolCalls = toolCallsOf(message);
  toolCalls.push(...toolUseCallsOf(message, toolCalls));
  // with tool calls and no text, content is left out (request-tool-result-roundtrip.raw.json)
  if (text === undefined) wire.content = content;
  else if (text !== "" || toolCalls.length === 0) wire.content = text;
  if (message.name) wire.name = message.name;
  if (toolCalls.length > 0) wire.tool_calls = toolCalls;
  // reasoning must go back byte-exact for Anthropic signatures, Gemini thought signatures and
  // OpenAI encrypted reasoning, also beside tool calls; an empty array goes back empty (DeepSeek)
  const details = reasoningDetailsOf(message);
  if (Array.isArray(details)) {
    const echoed = echoedReasoningDetails(details);
    if (echoed && (echoed.length > 0 || details.length === 0)) wire.reasoning_details = echoed;
    // the plain text too, where the details are plain text (DeepSeek, Kimi, GLM: their interleaved
    // thinking wants it on a tool-call turn); never where a detail is signed or encrypted (Anthropic,
    // Gemini, OpenAI check those), and never without its details (api.md §2.2, pitfall 3)
    const text = kwargs?.["reasoning"];
    if (typeof text === "string" && text !== "" && echoed && echoed.length > 0 && echoed.every(isPlainReasoningText)) wire.reasoning = text;
  }
  // file annotations spare OpenRouter re-parsing the same PDF (DOCS multimodal/pdfs)
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
  if (role !== "user" && typeof content !== "string") {
    // system and developer content is text parts only (api.md §2.2)
    const other = content.find((part) => part.type !== "text");
    if (other) {
      throw new TypeError(
        `ChatOpenRouter cannot send a part of type ${other.type} in a ${role} message: ${role} content is text only. Move it to a user message.`
      );
    }
  }
  const wire = {
    role,
    // flattened to a string unless a part carries cache_control
    content: role !== "user" && typeof content !== "string" ? (textOnly(content) ?? content) : content,
  } as OpenRouterMessage;
  if (message.name) wire.name = message.name;
  return wire;
}

export function toWireMessages(messages: BaseMessage[]): OpenRouterMessage[] {
  return messages.map(toWireMessage);
}
