// Streamed OpenRouter chunks → LangChain's content-block stream events (`streamEvents()` without a version):
// message-start, then per block start → deltas → finish, then message-finish. Straight from the
// wire deltas: no AIMessageChunk and no merge per delta, only the event objects themselves.
//
// Block indices follow first appearance: reasoning, each server tool OpenRouter ran (call, then result), text, each tool call (its own block, parallel
// calls by their lane), each generated image, audio, refusal. Blocks finish together when the
// stream is over, in index order, each with its whole content, so the message core assembles from
// the events equals what `invoke` returns: reasoning with its `reasoning_details` byte-exact in
// `extras` (sent back on the next turn), text with its citations, tool calls parsed (or invalid).
//
// Tool-call arguments stream as `block-delta` snapshots of the arguments so far (which replace),
// not as `tool-call-delta` slices: core 1.4 accepts both forms, core 1.2's ChatModelStream throws on
// the slice form, and core's own compat bridge on 1.2 emits snapshots. A snapshot costs no copy:
// the running string is kept for the finish's parse anyway.
import type { ChatModelStreamEvent, FinishReason, MessageFinishEvent } from "@langchain/core/language_models/event";
import type { ContentBlock } from "@langchain/core/messages";
import type { OpenRouterAnnotation, OpenRouterDelta, OpenRouterReasoningDetail, OpenRouterStreamChunk } from "../wire/types.js";
import { imageKeyOf, laneOf, type ToolLanes } from "./from_wire_chunk.js";
import { type CompletionFacts, fromWireMetadata } from "./from_wire_metadata.js";
import { fallbackToolCallId, parseToolArguments } from "./from_wire_tool_calls.js";
import { fromWireUsage } from "./from_wire_usage.js";
import { mergeReasoningFragment, type MergedReasoningDetails, newMergedReasoningDetails } from "./merge_reasoning_details.js";
import { foldChunkFacts } from "./stream_facts.js";
import { SERVER_TOOL_CALL, serverToolBlocksOf } from "./to_server_tool_blocks.js";
import { citationOf, imageBlockOf } from "./to_standard_blocks.js";

type Block = ContentBlock;

interface ToolBlock {
  index: number;
  lane: number;
  id?: string;
  name?: string;
  args: string;
}

/** What an event stream has seen; one per stream, from {@link newEventState}. */
export interface EventState {
  facts: CompletionFacts;
  started: boolean;
  next: number;
  text?: { index: number; text: string };
  annotations?: OpenRouterAnnotation[];
  reasoning?: { index: number; text: string; details: MergedReasoningDetails };
  /** Server tools OpenRouter ran: the first of their two block indices (call, result) and the detail's place in the details. */
  serverTools: { index: number; position: number }[];
  /** How many merged details have been looked at for server-tool calls. */
  detailsSeen: number;
  sawEmptyReasoningList: boolean;
  lanes: ToolLanes;
  tools: ToolBlock[];
  images: Set<string>;
  audio?: { index: number; data: string; fields: Record<string, unknown> };
  refusal?: { index: number; text: string };
  /** Events of the chunk being read; reused, so a chunk costs no array. */
  out: ChatModelStreamEvent[];
}

export function newEventState(): EventState {
  return { facts: {}, started: false, next: 0, sawEmptyReasoningList: false, serverTools: [], detailsSeen: 0, lanes: new Map(), tools: [], images: new Set(), out: [] };
}

const CORE_REASONS: ReadonlySet<string> = new Set(["stop", "length", "content_filter"]);

function textBlockOf(state: EventState): { index: number; text: string } {
  if (state.text === undefined) {
    state.text = { index: state.next++, text: "" };
    state.out.push({ event: "content-block-start", index: state.text.index, content: { type: "text", text: "" } });
  }
  return state.text;
}

function reasoningOf(delta: OpenRouterDelta, state: EventState): void {
  let text = typeof delta.reasoning === "string" ? delta.reasoning : "";
  const details = delta.reasoning_details;
  let fromDetails = "";
  if (Array.isArray(details)) {
    if (details.length === 0) state.sawEmptyReasoningList = true;
    else {
      state.reasoning ??= { index: -1, text: "", details: newMergedReasoningDetails() };
      for (const detail of details) fromDetails += mergeReasoningFragment(state.reasoning.details, detail);
    }
  }
  // `reasoning` and the details usually carry the same text; the details' is used only without it
  if (text === "") text = fromDetails;
  if (text === "" && state.reasoning === undefined) return;
  state.reasoning ??= { index: -1, text: "", details: newMergedReasoningDetails() };
  const reasoning = state.reasoning;
  if (reasoning.index === -1) {
    reasoning.index = state.next++;
    reasoning.text = text;
    state.out.push({ event: "content-block-start", index: reasoning.index, content: { type: "reasoning", reasoning: text } });
  } else if (text !== "") {
    reasoning.text += text;
    state.out.push({ event: "content-block-delta", index: reasoning.index, delta: { type: "reasoning-delta", reasoning: text } });
  }
  if (reasoning.details.details.length > state.detailsSeen) serverToolsOf(reasoning.details.details, state);
}

/** Server-tool calls among the details merged since the last look: their call and result blocks open, after the reasoning's. */
function serverToolsOf(details: OpenRouterReasoningDetail[], state: EventState): void {
  for (let position = state.detailsSeen; position < details.length; position++) {
    const detail = details[position];
    if (detail?.type !== SERVER_TOOL_CALL) continue;
    const index = state.next;
    state.next += 2;
    state.serverTools.push({ index, position });
    const [call, result] = serverToolBlocksOf(detail, position);
    state.out.push({ event: "content-block-start", index, content: call }, { event: "content-block-start", index: index + 1, content: result });
  }
  state.detailsSeen = details.length;
}

function toolCallsOf(delta: OpenRouterDelta, state: EventState): void {
  const calls = delta.tool_calls;
  if (!Array.isArray(calls)) return;
  for (let position = 0; position < calls.length; position++) {
    const call = calls[position];
    // a fragment of the wrong shape is skipped, never a TypeError (test/reliability)
    if (typeof call !== "object" || call === null) continue;
    const lane = laneOf(call, position, state.lanes);
    const raw: unknown = call.function?.arguments;
    const args = typeof raw === "string" ? raw : raw == null ? "" : JSON.stringify(raw);
    const id = (typeof call.id === "string" && call.id) || undefined;
    const name = typeof call.function?.name === "string" && call.function.name ? call.function.name : undefined;
    let block = state.tools[lane];
    if (block === undefined) {
      block = { index: state.next++, lane, id: id ?? fallbackToolCallId(state.facts.id, lane), name, args };
      state.tools[lane] = block;
      const content: Block = { type: "tool_call_chunk", id: block.id, args };
      if (name !== undefined) content["name"] = name;
      state.out.push({ event: "content-block-start", index: block.index, content });
      continue;
    }
    // some providers repeat id and name on every fragment: each is kept once
    if (name !== undefined && block.name === undefined) {
      block.name = name;
      state.out.push({ event: "content-block-delta", index: block.index, delta: { type: "block-delta", fields: { type: "tool_call_chunk", name } } });
    }
    if (args !== "") {
      block.args += args;
      const fields = { type: "tool_call_chunk", args: block.args };
      state.out.push({ event: "content-block-delta", index: block.index, delta: { type: "block-delta", fields } });
    }
  }
}

function imagesOf(delta: OpenRouterDelta, state: EventState): void {
  if (!Array.isArray(delta.images)) return;
  for (const image of delta.images) {
    if (typeof image !== "object" || image === null) continue;
    const key = imageKeyOf(image);
    if (state.images.has(key)) continue;
    state.images.add(key);
    const block = imageBlockOf(image);
    if (!block) continue;
    // an image arrives whole: its block starts and finishes at once
    const index = state.next++;
    state.out.push({ event: "content-block-start", index, content: block });
    state.out.push({ event: "content-block-finish", index, content: block });
  }
}

function audioOf(delta: OpenRouterDelta, state: EventState): void {
  const fragment = delta.audio;
  if (typeof fragment !== "object" || fragment === null) return;
  const data = typeof fragment["data"] === "string" ? fragment["data"] : "";
  if (state.audio === undefined) {
    state.audio = { index: state.next++, data, fields: {} };
    state.out.push({ event: "content-block-start", index: state.audio.index, content: { type: "audio", data } as Block });
  } else if (data !== "") {
    state.audio.data += data;
    state.out.push({ event: "content-block-delta", index: state.audio.index, delta: { type: "data-delta", data, encoding: "base64" } });
  }
  const fields = state.audio.fields;
  for (const key in fragment) {
    if (key === "data") continue;
    const value = fragment[key];
    if (key === "transcript" && typeof value === "string") fields[key] = (typeof fields[key] === "string" ? fields[key] : "") + value;
    else if (value != null && value !== "") fields[key] = value;
  }
}

function refusalOf(delta: OpenRouterDelta, state: EventState): void {
  if (typeof delta.refusal !== "string" || delta.refusal === "") return;
  if (state.refusal === undefined) {
    state.refusal = { index: state.next++, text: delta.refusal };
    state.out.push({ event: "content-block-start", index: state.refusal.index, content: { type: "refusal", refusal: delta.refusal } as Block });
    return;
  }
  state.refusal.text += delta.refusal;
  const fields = { type: "refusal", refusal: state.refusal.text };
  state.out.push({ event: "content-block-delta", index: state.refusal.index, delta: { type: "block-delta", fields } });
}

/**
 * The events of one chunk, in `state.out` (emptied first). The chunk's facts (id, model, usage,
 * finish reason…) are folded into `state.facts` as `stream()` folds them.
 */
export function chunkEvents(chunk: OpenRouterStreamChunk, state: EventState): ChatModelStreamEvent[] {
  const out = state.out;
  out.length = 0;
  const delta = foldChunkFacts(chunk, state.facts);
  if (!state.started) {
    state.started = true;
    out.push(state.facts.id === undefined ? { event: "message-start" } : { event: "message-start", id: state.facts.id });
  }
  if (chunk.usage) {
    const usage = fromWireUsage(chunk.usage);
    if (usage) out.push({ event: "usage", usage });
  }
  if (!delta) return out;
  const content = delta.content;
  // the common delta, text alone, takes the short way
  if (typeof content === "string" && content !== "") {
    const text = textBlockOf(state);
    text.text += content;
    out.push({ event: "content-block-delta", index: text.index, delta: { type: "text-delta", text: content } });
  }
  if (delta.reasoning != null || delta.reasoning_details != null) reasoningOf(delta, state);
  if (delta.tool_calls != null) toolCallsOf(delta, state);
  if (Array.isArray(delta.annotations) && delta.annotations.length > 0) {
    textBlockOf(state);
    (state.annotations ??= []).push(...delta.annotations);
  }
  if (delta.images != null) imagesOf(delta, state);
  if (delta.audio != null) audioOf(delta, state);
  if (delta.refusal != null) refusalOf(delta, state);
  return out;
}

function finishedToolCall(block: ToolBlock): Block {
  const parsed = parseToolArguments(block.args);
  const name = block.name ?? "";
  if (parsed.ok) return { type: "tool_call", id: block.id, name, args: parsed.args };
  return { type: "invalid_tool_call", id: block.id, name, args: parsed.raw, error: parsed.error };
}

/**
 * The events that close a complete stream: every open block's finish with its whole content (in
 * index order), then message-finish with the finish reason, usage and response metadata.
 */
export function closingEvents(state: EventState): ChatModelStreamEvent[] {
  const events: ChatModelStreamEvent[] = [];
  const finishes: { index: number; content: Block }[] = [];
  const reasoning = state.reasoning;
  if (reasoning !== undefined || state.sawEmptyReasoningList) {
    let index = reasoning?.index ?? -1;
    // a stream that only sent `reasoning_details: []` gets it back on the next turn, as invoke keeps it
    if (index === -1) {
      index = state.next++;
      events.push({ event: "content-block-start", index, content: { type: "reasoning", reasoning: "" } });
    }
    const details = reasoning?.details.details ?? [];
    finishes.push({ index, content: { type: "reasoning", reasoning: reasoning?.text ?? "", extras: { reasoning_details: details } } });
  }
  const merged = state.reasoning?.details.details ?? [];
  for (const { index, position } of state.serverTools) {
    const detail = merged[position];
    if (detail === undefined) continue;
    // the merged detail, whole: a call streamed in fragments is read once it is complete
    const [call, result] = serverToolBlocksOf(detail, position);
    finishes.push({ index, content: call }, { index: index + 1, content: result });
  }
  if (state.text !== undefined) {
    const content: ContentBlock.Text = { type: "text", text: state.text.text };
    if (state.annotations !== undefined) content.annotations = state.annotations.map(citationOf);
    finishes.push({ index: state.text.index, content });
  }
  for (const block of state.tools) if (block !== undefined) finishes.push({ index: block.index, content: finishedToolCall(block) });
  if (state.audio !== undefined) {
    const { data, fields } = state.audio;
    // the format the request named, which the stream does not repeat
    if (fields["format"] === undefined && state.facts.audioFormat !== undefined) fields["format"] = state.facts.audioFormat;
    const format = typeof fields["format"] === "string" ? fields["format"] : undefined;
    const content: Record<string, unknown> = { type: "audio", data };
    if (format !== undefined) content["mimeType"] = `audio/${format}`;
    if (typeof fields["id"] === "string") content["id"] = fields["id"];
    if (Object.keys(fields).length > 0) content["extras"] = { ...fields };
    finishes.push({ index: state.audio.index, content: content as Block });
  }
  if (state.refusal !== undefined) {
    finishes.push({ index: state.refusal.index, content: { type: "refusal", refusal: state.refusal.text } as Block });
  }
  finishes.sort((a, b) => a.index - b.index);
  for (const { index, content } of finishes) events.push({ event: "content-block-finish", index, content });
  const facts = state.facts;
  const finish: MessageFinishEvent = { event: "message-finish", responseMetadata: fromWireMetadata(facts) };
  // core writes `reason` over response_metadata.finish_reason: only a reason the wire already calls
  // so is set, so the awaited message reads "tool_calls" (or "error"…) exactly as invoke does
  if (typeof facts.finish_reason === "string" && CORE_REASONS.has(facts.finish_reason)) {
    finish.reason = facts.finish_reason as FinishReason;
  }
  const usage = fromWireUsage(facts.usage);
  if (usage) finish.usage = usage;
  events.push(finish);
  return events;
}
