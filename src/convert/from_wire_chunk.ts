// One streamed delta → the fields of one AIMessageChunk, shaped so that core's `concat` of all
// chunks equals the message a non-streamed call returns: ids, names and reasoning `format`/
// `signature`/`id` appear once per (type, index), never repeated and so never concatenated.
import type { ToolCallChunk } from "@langchain/core/messages/tool";
import type { OpenRouterDelta, OpenRouterReasoningDetail, OpenRouterResponseToolCall } from "../wire/types.js";

/** What a stream has already emitted; created once per stream by the caller. */
export interface ChunkState {
  /** Tool-call indices whose id / name were already emitted. */
  toolIds: Set<number>;
  toolNames: Set<number>;
  /** `${type}#${index}` keys of reasoning details whose constant fields were already emitted. */
  reasoningKeys: Set<string>;
}

export function newChunkState(): ChunkState {
  return { toolIds: new Set(), toolNames: new Set(), reasoningKeys: new Set() };
}

export interface DeltaFields {
  content: string;
  tool_call_chunks?: ToolCallChunk[];
  additional_kwargs?: Record<string, unknown>;
}

function toolCallChunksOf(calls: OpenRouterResponseToolCall[], state: ChunkState): ToolCallChunk[] {
  const chunks: ToolCallChunk[] = [];
  for (let position = 0; position < calls.length; position++) {
    const call = calls[position]!;
    const index = typeof call.index === "number" ? call.index : position;
    const chunk: ToolCallChunk = { index, type: "tool_call_chunk", args: call.function?.arguments ?? "" };
    // some providers repeat id and name on every fragment; core would concatenate the names
    if (call.id && !state.toolIds.has(index)) {
      state.toolIds.add(index);
      chunk.id = call.id;
    }
    const name = call.function?.name;
    if (name && !state.toolNames.has(index)) {
      state.toolNames.add(index);
      chunk.name = name;
    }
    chunks.push(chunk);
  }
  return chunks;
}

// Fields of a reasoning detail that are constant across its fragments; only `text`, `summary`
// and `data` grow. `type` is never concatenated by core's merge.
const CONSTANT_FIELDS = ["format", "id", "signature"] as const;

function reasoningFragmentsOf(details: OpenRouterReasoningDetail[], state: ChunkState): OpenRouterReasoningDetail[] {
  const fragments: OpenRouterReasoningDetail[] = [];
  for (let position = 0; position < details.length; position++) {
    const detail = details[position]!;
    const key = `${detail.type}#${detail.index ?? position}`;
    if (!state.reasoningKeys.has(key)) {
      state.reasoningKeys.add(key);
      fragments.push(detail);
      continue;
    }
    const fragment: OpenRouterReasoningDetail = { ...detail };
    for (const field of CONSTANT_FIELDS) {
      // an opening fragment may carry `signature: ""`; the real one comes later, once
      if (field === "signature" && typeof detail.signature === "string" && detail.signature) continue;
      delete fragment[field];
    }
    fragments.push(fragment);
  }
  return fragments;
}

/** The chunk fields of a delta, or undefined when the delta carries nothing (role-only, `""`). */
export function fromWireDelta(delta: OpenRouterDelta, state: ChunkState): DeltaFields | undefined {
  const content = typeof delta.content === "string" ? delta.content : "";
  const calls = delta.tool_calls;
  const reasoning = delta.reasoning;
  const details = delta.reasoning_details;
  const annotations = delta.annotations;
  const images = delta.images;
  const hasExtra =
    (calls != null && calls.length > 0) ||
    (typeof reasoning === "string" && reasoning !== "") ||
    (details != null && details.length > 0) ||
    (annotations != null && annotations.length > 0) ||
    (images != null && images.length > 0) ||
    delta.audio != null;
  if (!hasExtra) return content === "" ? undefined : { content };

  const fields: DeltaFields = { content };
  if (calls != null && calls.length > 0) fields.tool_call_chunks = toolCallChunksOf(calls, state);
  const extra: Record<string, unknown> = {};
  if (typeof reasoning === "string" && reasoning !== "") extra["reasoning"] = reasoning;
  if (details != null && details.length > 0) extra["reasoning_details"] = reasoningFragmentsOf(details, state);
  if (annotations != null && annotations.length > 0) extra["annotations"] = annotations;
  if (images != null && images.length > 0) extra["images"] = images;
  if (delta.audio != null) extra["audio"] = delta.audio;
  if (Object.keys(extra).length > 0) fields.additional_kwargs = extra;
  return fields;
}
