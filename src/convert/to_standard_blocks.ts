// A ChatOpenRouter message → LangChain v1 standard content blocks: what `message.contentBlocks`
// returns, and what `outputVersion: "v1"` puts in `content`. Reads the raw OpenRouter fields kept
// in additional_kwargs (from_wire_message.ts), so a message and the concat of its stream give the
// same blocks.
import type { ContentBlock } from "@langchain/core/messages";
import type { InvalidToolCall, ToolCall } from "@langchain/core/messages/tool";
import type { OpenRouterAnnotation, OpenRouterImage, OpenRouterReasoningDetail } from "../wire/types.js";
import { isRecord } from "../wire/is_record.js";
import { serverToolBlocks } from "./to_server_tool_blocks.js";

/** The parts of an AIMessage (or chunk) the blocks are made from. */
export interface MessageFields {
  content: unknown;
  additional_kwargs?: Record<string, unknown>;
  tool_calls?: ToolCall[];
  invalid_tool_calls?: InvalidToolCall[];
}

/**
 * Core's `ContentBlock.Refusal`, which its types name from 1.3 on; the peer range starts at 1.2, so
 * the shape is declared here (on 1.3+ the two are the same type structurally).
 */
interface RefusalBlock extends ContentBlock {
  readonly type: "refusal";
  refusal: string;
}

type Block = ContentBlock.Standard | RefusalBlock;

const nonEmpty = (value: unknown): value is string => typeof value === "string" && value !== "";

/**
 * Reasoning as the user reads it: `message.reasoning` (one block), else the readable details
 * (`reasoning.text` text, `reasoning.summary`), one block each. Signatures and encrypted data are
 * not readable; they stay in additional_kwargs.reasoning_details for the round trip.
 */
function reasoningBlocks(kwargs: Record<string, unknown>): Block[] {
  // reasoning_content: where the earlier @langchain/openrouter (and core's own translator) kept it
  const whole = nonEmpty(kwargs["reasoning"]) ? kwargs["reasoning"] : kwargs["reasoning_content"];
  if (nonEmpty(whole)) return [{ type: "reasoning", reasoning: whole }];
  const details = kwargs["reasoning_details"];
  if (!Array.isArray(details)) return [];
  const blocks: Block[] = [];
  for (const detail of details as OpenRouterReasoningDetail[]) {
    const readable = detail?.type === "reasoning.summary" ? detail.summary : detail?.type === "reasoning.text" ? detail.text : undefined;
    if (nonEmpty(readable)) blocks.push({ type: "reasoning", reasoning: readable });
  }
  return blocks;
}

/** An OpenRouter annotation as a LangChain citation (url_citation, or a file-parser `file`). */
export function citationOf(annotation: OpenRouterAnnotation): ContentBlock.Citation | ContentBlock.NonStandard {
  const cited = annotation.url_citation;
  if (annotation.type === "url_citation" && isRecord(cited)) {
    const citation: ContentBlock.Citation = { type: "citation", source: "url", url: cited.url };
    if (typeof cited.title === "string") citation.title = cited.title;
    if (typeof cited.start_index === "number") citation.startIndex = cited.start_index;
    if (typeof cited.end_index === "number") citation.endIndex = cited.end_index;
    if (typeof cited.content === "string") citation.citedText = cited.content;
    return citation;
  }
  const file = annotation.file;
  if (annotation.type === "file" && isRecord(file)) {
    const citation: ContentBlock.Citation = { type: "citation", source: "file" };
    if (typeof file.name === "string") citation.title = file.name;
    const texts = ((file.content ?? []) as unknown[]).flatMap((part) =>
      isRecord(part) && typeof part["text"] === "string" ? [part["text"]] : []
    );
    if (texts.length > 0) citation.citedText = texts.join("\n");
    return citation;
  }
  return { type: "non_standard", value: annotation };
}

function textBlocks(content: unknown, annotations: unknown): Block[] {
  const citations = Array.isArray(annotations) ? (annotations as OpenRouterAnnotation[]).map(citationOf) : [];
  const blocks: Block[] = [];
  if (typeof content === "string") {
    if (content !== "" || citations.length > 0) blocks.push({ type: "text", text: content });
  } else if (Array.isArray(content)) {
    for (const part of content) {
      if (typeof part === "string") blocks.push({ type: "text", text: part });
      else if (isRecord(part) && part["type"] === "text" && typeof part["text"] === "string") {
        blocks.push({ type: "text", text: part["text"] });
      } else if (isRecord(part) && part["type"] === "image_url") {
        const url = typeof part["image_url"] === "string" ? part["image_url"] : isRecord(part["image_url"]) ? part["image_url"]["url"] : undefined;
        if (typeof url === "string") blocks.push({ type: "image", url });
      } else if (isRecord(part) && typeof part["type"] === "string") blocks.push(part as Block);
    }
    if (citations.length > 0 && !blocks.some((block) => block.type === "text")) blocks.unshift({ type: "text", text: "" });
  }
  const first = blocks.find((block): block is ContentBlock.Text => block.type === "text");
  if (first && citations.length > 0) first.annotations = [...(first.annotations ?? []), ...citations];
  return blocks;
}

/** A generated image as a v1 image block, or undefined when it has no URL. */
export function imageBlockOf(image: OpenRouterImage | null | undefined): ContentBlock.Multimodal.Image | undefined {
  const url = image?.image_url?.url;
  if (typeof url !== "string") return undefined;
  // the data URL stays whole; its MIME type is also given for consumers that want it
  const mimeType = /^data:([^;,]+)[;,]/.exec(url)?.[1];
  return mimeType ? { type: "image", url, mimeType } : { type: "image", url };
}

function imageBlocks(images: unknown): Block[] {
  if (!Array.isArray(images)) return [];
  const blocks: Block[] = [];
  for (const image of images as OpenRouterImage[]) {
    const block = imageBlockOf(image);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** Audio output (`additional_kwargs.audio`: base64 `data`, `transcript`, `id`, `expires_at`, the requested `format`) → a v1 audio block, as streamEvents finishes it. */
function audioBlockOf(audio: unknown): Block | undefined {
  if (!isRecord(audio) || typeof audio["data"] !== "string" || audio["data"] === "") return undefined;
  const { data, ...fields } = audio;
  const block: Record<string, unknown> = { type: "audio", data };
  if (typeof fields["format"] === "string") block["mimeType"] = `audio/${fields["format"]}`;
  if (typeof fields["id"] === "string") block["id"] = fields["id"];
  if (Object.keys(fields).length > 0) block["extras"] = fields;
  return block as Block;
}

/** v1 blocks, in reading order: reasoning, server tools run (call, result), text (with citations), images, tool calls, audio, refusal. */
export function toStandardBlocks(message: MessageFields): Block[] {
  const kwargs = message.additional_kwargs ?? {};
  const blocks: Block[] = [
    ...reasoningBlocks(kwargs),
    ...serverToolBlocks(kwargs["reasoning_details"]),
    ...textBlocks(message.content, kwargs["annotations"]),
    ...imageBlocks(kwargs["images"]),
  ];
  for (const call of message.tool_calls ?? []) {
    blocks.push({ type: "tool_call", id: call.id, name: call.name, args: call.args });
  }
  for (const call of message.invalid_tool_calls ?? []) {
    blocks.push({ type: "invalid_tool_call", id: call.id, name: call.name, args: call.args, error: call.error });
  }
  const audio = audioBlockOf(kwargs["audio"]);
  if (audio) blocks.push(audio);
  if (nonEmpty(kwargs["refusal"])) blocks.push({ type: "refusal", refusal: kwargs["refusal"] });
  return blocks;
}
