// LangChain message content → OpenRouter content: a string, or content parts (api.md §2.2).
import type { OpenRouterContentPart } from "../wire/types.js";
import { cacheControlOf, DATA_BLOCK_TYPES, toWireDataPart } from "./to_wire_data_part.js";

type Block = Record<string, unknown> & { type?: unknown };

// OpenAI-style parts OpenRouter takes as they are (a `file` part is legacy when it has a `file` member).
const PASSTHROUGH = new Set(["image_url", "input_audio", "video_url", "input_video"]);
// Blocks that describe the assistant's own output; they are sent through other fields, or not at all.
const OUTPUT_ONLY = new Set([
  "reasoning",
  "thinking",
  "redacted_thinking",
  "refusal",
  "tool_call",
  "tool_call_chunk",
  "invalid_tool_call",
  "server_tool_call",
  "server_tool_call_chunk",
  "server_tool_call_result",
  // Anthropic's form of a tool call; to_wire_messages sends it as one
  "tool_use",
]);

function describe(block: Block): string {
  return JSON.stringify(block).slice(0, 120);
}

/** One content block → one wire part, or undefined for output-only blocks. */
export function toWirePart(block: Block, where: string): OpenRouterContentPart | undefined {
  const type = block.type;
  if (type === "text") {
    const text = typeof block["text"] === "string" ? block["text"] : "";
    const part: OpenRouterContentPart = { type: "text", text };
    const cacheControl = cacheControlOf(block);
    if (cacheControl) part.cache_control = cacheControl;
    return part;
  }
  if (typeof type === "string" && PASSTHROUGH.has(type)) {
    if (type === "image_url" && typeof block["image_url"] === "string") {
      return { type: "image_url", image_url: { url: block["image_url"] } };
    }
    return block as OpenRouterContentPart;
  }
  if (type === "file" && typeof block["file"] === "object" && block["file"] !== null) return block as OpenRouterContentPart;
  if (typeof type === "string" && DATA_BLOCK_TYPES.has(type)) return toWireDataPart(block, where);
  if (type === "non_standard" && typeof block["value"] === "object" && block["value"] !== null) {
    // LangChain's envelope for a provider-specific block: its value is the wire part
    return block["value"] as OpenRouterContentPart;
  }
  if (typeof type === "string" && OUTPUT_ONLY.has(type)) return undefined;
  throw new TypeError(
    `ChatOpenRouter cannot send the ${String(type)} content block in a ${where} message: ${describe(block)}. ` +
      "Use text, image, file, audio or video blocks (or the OpenAI-style text, image_url, file, input_audio and video_url parts)."
  );
}

/** Message content → wire content; all-text content of non-user roles may be flattened by the caller. */
export function toWireContent(content: unknown, where: string): string | OpenRouterContentPart[] {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) {
    throw new TypeError(`ChatOpenRouter expects ${where} message content to be a string or an array of content blocks.`);
  }
  const parts: OpenRouterContentPart[] = [];
  for (const block of content as unknown[]) {
    if (typeof block === "string") {
      parts.push({ type: "text", text: block });
      continue;
    }
    if (typeof block !== "object" || block === null) {
      throw new TypeError(`ChatOpenRouter cannot send ${String(block)} as ${where} content: use content blocks.`);
    }
    const part = toWirePart(block as Block, where);
    if (part) parts.push(part);
  }
  return parts;
}

/** The text of content that holds only text parts, else undefined. */
export function textOnly(parts: OpenRouterContentPart[]): string | undefined {
  let text = "";
  for (const part of parts) {
    if (part.type !== "text" || "cache_control" in part) return undefined;
    text += (part as { text: string }).text;
  }
  return text;
}
