// One streamed delta → the fields of one AIMessageChunk, shaped so that core's `concat` of all
// chunks equals the message a non-streamed call returns: ids, names and reasoning `format`/
// `signature`/`id` appear once per (type, index), never repeated and so never concatenated.
import type { ToolCallChunk } from "@langchain/core/messages/tool";
import type { OpenRouterDelta, OpenRouterReasoningDetail, OpenRouterResponseToolCall } from "../wire/types.js";
import { fallbackToolCallId } from "./from_wire_tool_calls.js";

/** What a stream has already emitted; created once per stream by the caller. */
export interface ChunkState {
  /** The stream's generation id, once known: the caller sets it from the first chunk. */
  generationId?: string;
  /** Wire tool-call index → the lane (our tool_call_chunk index) and the call id seen on it. */
  toolLanes: Map<number, { lane: number; id?: string }>;
  /** Lanes whose id / name were already emitted. */
  toolIds: Set<number>;
  toolNames: Set<number>;
  /** `${type}#${index}` keys of reasoning details whose constant fields were already emitted. */
  reasoningKeys: Set<string>;
}

export function newChunkState(): ChunkState {
  return { toolLanes: new Map(), toolIds: new Set(), toolNames: new Set(), reasoningKeys: new Set() };
}

export interface DeltaFields {
  content: string;
  tool_call_chunks?: ToolCallChunk[];
  additional_kwargs?: Record<string, unknown>;
}

/**
 * The lane of a fragment. Lanes follow the wire index, except that a new call id on an index
 * already in use opens a new lane: some providers send every parallel call, complete, at index 0.
 */
function laneOf(call: OpenRouterResponseToolCall, position: number, state: ChunkState): number {
  const index = typeof call.index === "number" ? call.index : position;
  const id = call.id || undefined;
  const known = state.toolLanes.get(index);
  if (known !== undefined && (id === undefined || known.id === undefined || known.id === id)) {
    if (known.id === undefined && id !== undefined) known.id = id;
    return known.lane;
  }
  const lane = nextLane(state);
  state.toolLanes.set(index, { lane, id });
  return lane;
}

function nextLane(state: ChunkState): number {
  let lane = 0;
  for (const entry of state.toolLanes.values()) lane = Math.max(lane, entry.lane + 1);
  return lane;
}

function toolCallChunksOf(calls: OpenRouterResponseToolCall[], state: ChunkState): ToolCallChunk[] {
  const chunks: ToolCallChunk[] = [];
  for (let position = 0; position < calls.length; position++) {
    const call = calls[position]!;
    const lane = laneOf(call, position, state);
    const raw: unknown = call.function?.arguments;
    const args = typeof raw === "string" ? raw : raw == null ? "" : JSON.stringify(raw);
    const chunk: ToolCallChunk = { index: lane, type: "tool_call_chunk", args };
    // some providers repeat id and name on every fragment; core would concatenate the names
    if (!state.toolIds.has(lane)) {
      state.toolIds.add(lane);
      // a call without an id still needs one for its ToolMessage (from_wire_tool_calls.ts)
      chunk.id = call.id || fallbackToolCallId(state.generationId, lane);
    }
    const name = call.function?.name;
    if (name && !state.toolNames.has(lane)) {
      state.toolNames.add(lane);
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
