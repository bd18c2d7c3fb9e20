// LangChain message content → OpenRouter content: a string, or content parts (api.md §2.2).
import type { OpenRouterContentPart } from "../wire/types.js";

type Block = Record<string, unknown> & { type?: unknown };

const PASSTHROUGH = new Set(["image_url", "input_audio", "file", "video_url"]);
// Blocks that describe the assistant's own output; they are sent through other fields.
const OUTPUT_ONLY = new Set(["reasoning", "tool_call", "tool_call_chunk", "invalid_tool_call", "thinking"]);

function describe(block: Block): string {
  return JSON.stringify(block).slice(0, 120);
}

/** One content block → one wire part, or undefined for output-only blocks. */
export function toWirePart(block: Block, where: string): OpenRouterContentPart | undefined {
  const type = block.type;
  if (type === "text" || type === "text-plain") {
    const text = typeof block["text"] === "string" ? block["text"] : "";
    const part: OpenRouterContentPart = { type: "text", text };
    if (block["cache_control"] !== undefined) part.cache_control = block["cache_control"] as never;
    return part;
  }
  if (typeof type === "string" && PASSTHROUGH.has(type)) {
    if (type === "image_url" && typeof block["image_url"] === "string") {
      return { type: "image_url", image_url: { url: block["image_url"] } };
    }
    return block as OpenRouterContentPart;
  }
  if (typeof type === "string" && OUTPUT_ONLY.has(type)) return undefined;
  // TODO(#5): LangChain v1 standard blocks (image, file, audio, video) are converted in the multimodal issue.
  throw new TypeError(
    `ChatOpenRouter cannot send the ${String(type)} content block in a ${where} message: ${describe(block)}. ` +
      "Use a text, image_url, file, input_audio or video_url part."
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
