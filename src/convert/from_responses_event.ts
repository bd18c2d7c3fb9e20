// One streamed Responses API event → the chat completion chunk it stands for (or none), so that the
// chat path's stream fold (from_wire_chunk.ts, to_stream_events.ts) reads a Responses stream as it
// reads a chat stream. Text, refusal and argument deltas map one to one; a function call opens its
// tool-call lane when its item is added; reasoning summaries and text stream as reasoning_details
// fragments under the item's id, and the item's encrypted content comes once, when the item is done;
// `response.completed` / `response.incomplete` is the finish chunk with usage. Whatever a delta did
// not carry (an item sent only whole) is taken from the item when it is done, and the items the chat
// shapes do not hold come whole from `response.completed`'s output, so nothing is lost.
import type {
  OpenRouterDelta,
  OpenRouterReasoningDetail,
  OpenRouterResponsesEvent,
  OpenRouterResponsesOutputItem,
  OpenRouterResponsesReasoningItem,
  OpenRouterStreamChunk,
} from "../wire/types.js";
import { annotationOf, finishReasonOf, isChatShaped, messageOf, RESPONSES_REASONING_FORMAT, reasoningDetailsOf, reasoningTextOf, resultFactsOf, toolCallOf } from "./from_responses_output.js";

/** What a Responses stream has mapped so far; one per stream, from {@link newResponsesState}. */
export interface ResponsesState {
  /** output_index of a function_call item → its tool-call index on the chat side. */
  toolIndex: Map<number, number>;
  /** Function calls whose arguments were streamed. */
  argsStreamed: Set<number>;
  /** `${output_index}#${kind}#${part}` of a reasoning part → its reasoning_details index. */
  detailIndex: Map<string, number>;
  /** output_index → the item's id, from `response.output_item.added` (the docs' example events carry no item_id). */
  itemIds: Map<number, string>;
  /** output_index of a reasoning item → the details its streamed parts opened, completed when the item is done. */
  openDetails: Map<number, { type: string; index: number }[]>;
  /** output_index of the reasoning items that streamed any part, and of the messages that streamed any text. */
  reasoningStreamed: Set<number>;
  textStreamed: Set<number>;
  /** reasoning_details indexes whose id was already sent (core would concatenate a repeated id). */
  idSent: Set<number>;
  /** The next reasoning_details index, and whether any reasoning text was emitted (parts are joined by a blank line). */
  nextDetail: number;
  reasoningStarted: boolean;
}

export function newResponsesState(): ResponsesState {
  return {
    toolIndex: new Map(),
    argsStreamed: new Set(),
    detailIndex: new Map(),
    itemIds: new Map(),
    openDetails: new Map(),
    idSent: new Set(),
    reasoningStreamed: new Set(),
    textStreamed: new Set(),
    nextDetail: 0,
    reasoningStarted: false,
  };
}

const deltaChunk = (delta: OpenRouterDelta): OpenRouterStreamChunk => ({ choices: [{ index: 0, delta }] });

function reasoningPart(event: OpenRouterResponsesEvent, state: ResponsesState, kind: "summary" | "text"): OpenRouterStreamChunk | undefined {
  if (typeof event.delta !== "string" || event.delta === "") return undefined;
  const outputIndex = event.output_index ?? -1;
  const itemId = event.item_id ?? state.itemIds.get(outputIndex) ?? "";
  const part = kind === "summary" ? event.summary_index ?? 0 : event.content_index ?? 0;
  const key = `${outputIndex}#${kind}#${part}`;
  let index = state.detailIndex.get(key);
  let reasoning = event.delta;
  const type = kind === "summary" ? "reasoning.summary" : "reasoning.text";
  if (index === undefined) {
    index = state.nextDetail++;
    state.detailIndex.set(key, index);
    const open = state.openDetails.get(outputIndex);
    if (open) open.push({ type, index });
    else state.openDetails.set(outputIndex, [{ type, index }]);
    // a new part after another: a blank line between them, as the non-streamed reasoning has
    if (state.reasoningStarted) reasoning = `\n\n${reasoning}`;
  }
  state.reasoningStarted = true;
  state.reasoningStreamed.add(outputIndex);
  // the id once, on the part's first fragment; the format and signature come once the item is done
  const withId = itemId !== "" && !state.idSent.has(index);
  if (withId) state.idSent.add(index);
  const detail: OpenRouterReasoningDetail = { type, [kind === "summary" ? "summary" : "text"]: event.delta, ...(withId ? { id: itemId } : {}), index };
  return deltaChunk({ reasoning, reasoning_details: [detail] });
}

/**
 * A reasoning item once done: the format (and a reasoning text's signature) of the parts it streamed,
 * its encrypted content, and its parts if none was streamed.
 */
function reasoningDone(item: OpenRouterResponsesReasoningItem, outputIndex: number, state: ResponsesState): OpenRouterStreamChunk | undefined {
  const streamed = state.reasoningStreamed.has(outputIndex);
  const format = item.format ?? RESPONSES_REASONING_FORMAT;
  const completed: OpenRouterReasoningDetail[] = (state.openDetails.get(outputIndex) ?? []).map(({ type, index }) => ({
    type,
    // the id, when no event before named the item
    ...(item.id && !state.idSent.has(index) ? { id: item.id } : {}),
    ...(type === "reasoning.text" && item.signature ? { signature: item.signature } : {}),
    format,
    index,
  }));
  const whole = reasoningDetailsOf(streamed ? { ...item, summary: [], content: [] } : item, state.nextDetail);
  state.nextDetail += whole.length;
  if (completed.length === 0 && whole.length === 0) return undefined;
  const delta: OpenRouterDelta = { reasoning_details: [...completed, ...whole] };
  if (!streamed) {
    const text = reasoningTextOf(item);
    if (text) {
      delta.reasoning = state.reasoningStarted ? `\n\n${text}` : text;
      state.reasoningStarted = true;
    }
  }
  return deltaChunk(delta);
}

function itemDone(item: OpenRouterResponsesOutputItem, outputIndex: number, state: ResponsesState): OpenRouterStreamChunk | undefined {
  // any other item (a server tool's call…) is kept whole, from response.completed's output
  if (!isChatShaped(item)) return undefined;
  if (item.type === "reasoning") return reasoningDone(item as OpenRouterResponsesReasoningItem, outputIndex, state);
  if (item.type === "function_call") {
    const call = item as Parameters<typeof toolCallOf>[0];
    const index = state.toolIndex.get(outputIndex);
    if (index === undefined) {
      // announced only now: the whole call at once
      const opened = state.toolIndex.size;
      state.toolIndex.set(outputIndex, opened);
      return deltaChunk({ tool_calls: [toolCallOf(call, opened)] });
    }
    if (state.argsStreamed.has(outputIndex) || !call.arguments) return undefined;
    return deltaChunk({ tool_calls: [{ index, function: { arguments: call.arguments } }] });
  }
  // a message whose text came only whole: its text, citations and refusal now
  if (state.textStreamed.has(outputIndex)) return undefined;
  const said = messageOf(item);
  const delta: OpenRouterDelta = {};
  if (said.text) delta.content = said.text;
  if (said.annotations.length > 0) delta.annotations = said.annotations;
  if (said.refusal) delta.refusal = said.refusal;
  return Object.keys(delta).length > 0 ? deltaChunk(delta) : undefined;
}

/** The chat chunk an event stands for, or undefined when it carries nothing the answer needs. */
export function fromResponsesEvent(event: OpenRouterResponsesEvent, state: ResponsesState): OpenRouterStreamChunk | undefined {
  switch (event.type) {
    case "response.output_text.delta":
    // the docs' example stream's name for it (docs/responses_api.md §4.3)
    case "response.content_part.delta":
      if (typeof event.delta !== "string" || event.delta === "") return undefined;
      state.textStreamed.add(event.output_index ?? -1);
      return deltaChunk({ content: event.delta });
    case "response.function_call_arguments.delta": {
      const index = state.toolIndex.get(event.output_index ?? -1);
      if (index === undefined || typeof event.delta !== "string" || event.delta === "") return undefined;
      state.argsStreamed.add(event.output_index!);
      return deltaChunk({ tool_calls: [{ index, function: { arguments: event.delta } }] });
    }
    case "response.reasoning_summary_text.delta":
      return reasoningPart(event, state, "summary");
    case "response.reasoning_text.delta":
    // the docs' reasoning page listens for this name
    case "response.reasoning.delta":
      return reasoningPart(event, state, "text");
    case "response.refusal.delta":
      return typeof event.delta === "string" && event.delta !== "" ? deltaChunk({ refusal: event.delta }) : undefined;
    case "response.output_text.annotation.added":
      return event.annotation ? deltaChunk({ annotations: [annotationOf(event.annotation)] }) : undefined;
    case "response.output_item.added": {
      const item = event.item;
      if (typeof event.output_index === "number" && typeof item?.id === "string") state.itemIds.set(event.output_index, item.id);
      if (item?.type !== "function_call" || typeof event.output_index !== "number") return undefined;
      const index = state.toolIndex.size;
      state.toolIndex.set(event.output_index, index);
      const call = item as Parameters<typeof toolCallOf>[0];
      if (call.arguments) state.argsStreamed.add(event.output_index);
      return deltaChunk({ tool_calls: [toolCallOf(call, index)] });
    }
    case "response.output_item.done":
      return event.item ? itemDone(event.item, event.output_index ?? -1, state) : undefined;
    case "response.created":
    case "response.in_progress": {
      const response = event.response;
      return response ? { id: response.id, model: response.model, created: response.created_at, provider: response.provider } : undefined;
    }
    case "response.completed":
    case "response.done":
    case "response.incomplete": {
      const response = event.response;
      const finish = { index: 0, delta: {}, finish_reason: finishReasonOf(response, state.toolIndex.size > 0), native_finish_reason: response?.status ?? null };
      return { ...resultFactsOf(response), choices: [finish] };
    }
    default:
      return undefined;
  }
}

/** A Responses API stream read as chat completion chunks: one state per stream, events that carry nothing skipped. */
export async function* chatChunksOf(events: AsyncIterable<OpenRouterResponsesEvent>): AsyncGenerator<OpenRouterStreamChunk> {
  const state = newResponsesState();
  for await (const event of events) {
    const chunk = fromResponsesEvent(event, state);
    if (chunk !== undefined) yield chunk;
  }
}
