// One streamed delta → the fields of one AIMessageChunk, shaped so that core's `concat` of all
// chunks equals the message a non-streamed call returns.
//
// Core merges additional_kwargs with `_mergeDicts`: strings are concatenated (except `type`, `id`,
// `name`), numbers added, and array items merged when their `index` (and `type`, and `id` when both
// have one) match. So every field that does not grow (a reasoning detail's `signature`, `format`,
// `id`, `data`; audio's `id`, `expires_at`; a tool call's `id` and `name`) is emitted once per item,
// and only the growing ones (`text`, `summary`, `arguments`, audio `data`/`transcript`) repeat.
import type { ToolCallChunk } from "@langchain/core/messages/tool";
import type { UsageMetadata } from "@langchain/core/messages";
import type {
  OpenRouterDelta,
  OpenRouterImage,
  OpenRouterReasoningDetail,
  OpenRouterResponseToolCall,
  OpenRouterStreamChunk,
} from "../wire/types.js";
import { type CompletionFacts, fromWireMetadata } from "./from_wire_metadata.js";
import { fallbackToolCallId } from "./from_wire_tool_calls.js";
import { fromWireUsage } from "./from_wire_usage.js";
import { foldChunkFacts } from "./stream_facts.js";

/** Wire tool-call index → the lane (our tool_call_chunk index) and the call id seen on it. */
export type ToolLanes = Map<number, { lane: number; id?: string }>;

/** What a stream has seen and already emitted; one per stream, from {@link newChunkState}. */
export interface ChunkState {
  /** The completion's facts so far (id, model, provider, usage, finish reason…), folded from every chunk. */
  facts: CompletionFacts;
  toolLanes: ToolLanes;
  /** Lanes whose id / name were already emitted. */
  toolIds: Set<number>;
  toolNames: Set<number>;
  /** Per reasoning detail (`${type}#${index}`): the once-only fields already emitted with a value. */
  reasoningFields: Map<string, Set<string>>;
  /** Whether a reasoning detail was emitted, so later items merge into a list. */
  reasoningListStarted: boolean;
  /** Whether a delta carried `reasoning_details: []`. */
  sawEmptyReasoningList: boolean;
  /** Audio fields already emitted with a value, and whether any audio fragment was emitted. */
  audioFields: Set<string>;
  audioStarted: boolean;
  /** Keys of images already emitted (OpenRouter sends each whole; a repeat is dropped). */
  images: Set<string>;
}

export function newChunkState(): ChunkState {
  return {
    facts: {},
    toolLanes: new Map(),
    toolIds: new Set(),
    toolNames: new Set(),
    reasoningFields: new Map(),
    reasoningListStarted: false,
    sawEmptyReasoningList: false,
    audioFields: new Set(),
    audioStarted: false,
    images: new Set(),
  };
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
export function laneOf(call: OpenRouterResponseToolCall, position: number, lanes: ToolLanes): number {
  const index = typeof call.index === "number" ? call.index : position;
  const id = (typeof call.id === "string" && call.id) || undefined;
  const known = lanes.get(index);
  if (known !== undefined && (id === undefined || known.id === undefined || known.id === id)) {
    if (known.id === undefined && id !== undefined) known.id = id;
    return known.lane;
  }
  let lane = 0;
  for (const entry of lanes.values()) lane = Math.max(lane, entry.lane + 1);
  lanes.set(index, { lane, id });
  return lane;
}

function toolCallChunksOf(calls: OpenRouterResponseToolCall[], state: ChunkState): ToolCallChunk[] {
  const chunks: ToolCallChunk[] = [];
  for (let position = 0; position < calls.length; position++) {
    const call = calls[position];
    // a fragment of the wrong shape is skipped, never a TypeError (test/reliability)
    if (typeof call !== "object" || call === null) continue;
    const lane = laneOf(call, position, state.toolLanes);
    const raw: unknown = call.function?.arguments;
    const args = typeof raw === "string" ? raw : raw == null ? "" : JSON.stringify(raw);
    const chunk: ToolCallChunk = { index: lane, type: "tool_call_chunk", args };
    // some providers repeat id and name on every fragment; core would concatenate the names
    if (!state.toolIds.has(lane)) {
      state.toolIds.add(lane);
      // a call without an id still needs one for its ToolMessage (from_wire_tool_calls.ts)
      chunk.id = (typeof call.id === "string" && call.id) || fallbackToolCallId(state.facts.id, lane);
    }
    const name = call.function?.name;
    if (typeof name === "string" && name && !state.toolNames.has(lane)) {
      state.toolNames.add(lane);
      chunk.name = name;
    }
    chunks.push(chunk);
  }
  return chunks;
}

const NONE: ReadonlySet<string> = new Set();

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === "";

/**
 * Keeps the growing fields of a fragment and each once-only field the first time it has a value.
 * An empty once-only value (Anthropic opens a block with `signature: ""`) is kept on the first
 * fragment only; the real value then lands on `""` or `null`, which core concatenates or replaces.
 */
function onceOnly(
  fragment: Record<string, unknown>,
  growing: ReadonlySet<string>,
  emitted: Set<string>,
  first: boolean,
  always: ReadonlySet<string> = NONE
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fragment)) {
    if (always.has(field)) {
      out[field] = value;
      continue;
    }
    if (growing.has(field) && (typeof value === "string" || value == null)) {
      if (value != null) out[field] = value;
      continue;
    }
    if (emitted.has(field)) continue;
    if (!isEmpty(value)) {
      emitted.add(field);
      out[field] = value;
    } else if (first) {
      out[field] = value;
    }
  }
  return out;
}

const REASONING_GROWING = new Set(["text", "summary"]);
// `type` and `index` are what core matches items by; they go on every fragment
const REASONING_KEYS = new Set(["type", "index"]);

function reasoningFragmentsOf(details: OpenRouterReasoningDetail[], state: ChunkState): OpenRouterReasoningDetail[] {
  const fragments: OpenRouterReasoningDetail[] = [];
  for (const detail of details) {
    if (typeof detail !== "object" || detail === null || Array.isArray(detail)) continue;
    // without an index core appends every fragment as its own item; nothing to de-duplicate
    if (typeof detail.index !== "number" && typeof detail.index !== "string") {
      fragments.push(detail);
      state.reasoningListStarted = true;
      continue;
    }
    const key = `${String(detail.type)}#${String(detail.index)}`;
    let emitted = state.reasoningFields.get(key);
    const first = emitted === undefined;
    if (emitted === undefined) {
      emitted = new Set();
      state.reasoningFields.set(key, emitted);
    }
    const fragment = onceOnly(detail, REASONING_GROWING, emitted, first, REASONING_KEYS);
    // core's _mergeLists drops a new item whose `text` is "" when the list already has items; the
    // text then arrives in later fragments (or never, as with Gemini's signature-only details)
    if (first && state.reasoningListStarted && fragment["text"] === "") delete fragment["text"];
    fragments.push(fragment as OpenRouterReasoningDetail);
    state.reasoningListStarted = true;
  }
  return fragments;
}

/** Images are megabytes of base64: a repeat is keyed by index, length and both ends, not the whole URL. */
export function imageKeyOf(image: OpenRouterImage): string {
  const url = image.image_url?.url ?? "";
  return `${String(image.index)}#${url.length}#${url.slice(0, 64)}#${url.slice(-64)}`;
}

function newImagesOf(images: OpenRouterImage[], state: ChunkState): OpenRouterImage[] {
  const fresh: OpenRouterImage[] = [];
  for (const image of images) {
    if (typeof image !== "object" || image === null) continue;
    const key = imageKeyOf(image);
    if (state.images.has(key)) continue;
    state.images.add(key);
    fresh.push(image);
  }
  return fresh;
}

const AUDIO_GROWING = new Set(["data", "transcript"]);

/** The chunk fields of a delta, or undefined when the delta carries nothing (role-only, `""`). */
export function fromWireDelta(delta: OpenRouterDelta, state: ChunkState): DeltaFields | undefined {
  const content = typeof delta.content === "string" ? delta.content : "";
  const extra: Record<string, unknown> = {};
  if (typeof delta.reasoning === "string" && delta.reasoning !== "") extra["reasoning"] = delta.reasoning;
  const details = delta.reasoning_details;
  if (Array.isArray(details)) {
    if (details.length > 0) extra["reasoning_details"] = reasoningFragmentsOf(details, state);
    else state.sawEmptyReasoningList = true;
  }
  if (Array.isArray(delta.annotations) && delta.annotations.length > 0) extra["annotations"] = delta.annotations;
  if (Array.isArray(delta.images) && delta.images.length > 0) {
    const images = newImagesOf(delta.images, state);
    if (images.length > 0) extra["images"] = images;
  }
  if (delta.audio != null && typeof delta.audio === "object") {
    const audio = onceOnly(delta.audio, AUDIO_GROWING, state.audioFields, !state.audioStarted);
    if (Object.keys(audio).length > 0) {
      extra["audio"] = audio;
      state.audioStarted = true;
    }
  }
  if (typeof delta.refusal === "string" && delta.refusal !== "") extra["refusal"] = delta.refusal;

  const calls = Array.isArray(delta.tool_calls) ? delta.tool_calls : undefined;
  const hasCalls = calls !== undefined && calls.length > 0;
  const hasExtra = Object.keys(extra).length > 0;
  if (!hasCalls && !hasExtra) return content === "" ? undefined : { content };
  const fields: DeltaFields = { content };
  if (calls !== undefined && hasCalls) fields.tool_call_chunks = toolCallChunksOf(calls, state);
  if (hasExtra) fields.additional_kwargs = extra;
  return fields;
}

/**
 * The additional_kwargs of the stream's closing chunk: `reasoning_details: []` when the stream only
 * ever sent empty lists, which some providers expect echoed back (api.md §2.2) and invoke keeps.
 * Sent last rather than first, so that the first real detail is never merged into an empty list.
 */
export function closingKwargs(state: ChunkState): Record<string, unknown> | undefined {
  let kwargs: Record<string, unknown> | undefined;
  if (state.sawEmptyReasoningList && !state.reasoningListStarted) kwargs = { reasoning_details: [] };
  // the clip's format, which the request named and the stream does not repeat, once, with the clip
  if (state.audioStarted && state.facts.audioFormat !== undefined && !state.audioFields.has("format")) {
    (kwargs ??= {})["audio"] = { format: state.facts.audioFormat };
  }
  return kwargs;
}

/** One streamed chunk: its facts folded into `state.facts`, and its delta's chunk fields, if any. */
export function fromWireChunk(chunk: OpenRouterStreamChunk, state: ChunkState): DeltaFields | undefined {
  const delta = foldChunkFacts(chunk, state.facts);
  return delta ? fromWireDelta(delta, state) : undefined;
}

/** The fields of the stream's closing chunk: every completion fact, on exactly one chunk, so that concat gives what invoke gives. */
export function closingChunkFields(state: ChunkState): {
  additional_kwargs?: Record<string, unknown>;
  usage_metadata?: UsageMetadata;
  response_metadata: Record<string, unknown>;
} {
  return {
    additional_kwargs: closingKwargs(state),
    usage_metadata: fromWireUsage(state.facts.usage),
    response_metadata: fromWireMetadata(state.facts),
  };
}
