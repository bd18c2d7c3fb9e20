// Responses API output → the chat completion's shapes (pure): each output item becomes the fields an
// assistant message has on chat completions (text, tool calls, reasoning_details, annotations,
// refusal), usage gets chat's names, and the status a finish reason. Both the non-streamed body
// (from_responses_result.ts) and the stream (from_responses_event.ts) go through here, so the
// LangChain side of the Responses API is the chat path's, and cannot drift from it.
import type {
  OpenRouterAnnotation,
  OpenRouterChatResponse,
  OpenRouterReasoningDetail,
  OpenRouterResponsesAnnotation,
  OpenRouterResponsesOutputItem,
  OpenRouterResponsesReasoningItem,
  OpenRouterResponsesResult,
  OpenRouterResponsesUsage,
  OpenRouterResponseToolCall,
  OpenRouterUsage,
} from "../wire/types.js";

/** The format OpenRouter's chat completions name a Responses-backed reasoning detail with (api.md §3.3). */
export const RESPONSES_REASONING_FORMAT = "openai-responses-v1";

/** A `url_citation` as chat completions send it: the citation's fields under `url_citation`. */
export function annotationOf(annotation: OpenRouterResponsesAnnotation): OpenRouterAnnotation {
  if (annotation.type !== "url_citation") return annotation as OpenRouterAnnotation;
  const { type, url, title, start_index, end_index, ...rest } = annotation;
  return { type, url_citation: { url: url ?? "", title, start_index, end_index, ...rest } };
}

/** The text of a reasoning part: `{ type: "summary_text", text }`, or a plain string (the docs' reasoning example). */
export function partText(part: unknown): string | undefined {
  if (typeof part === "string") return part;
  const text = (part as { text?: unknown } | null | undefined)?.text;
  return typeof text === "string" ? text : undefined;
}

/**
 * A reasoning item as reasoning_details: its summaries, its reasoning text, and its encrypted
 * content, each keeping the item's id and format, so the next request sends the item back as it came.
 */
export function reasoningDetailsOf(item: OpenRouterResponsesReasoningItem, firstIndex: number): OpenRouterReasoningDetail[] {
  const common = { ...(item.id ? { id: item.id } : {}), format: item.format ?? RESPONSES_REASONING_FORMAT };
  const details: OpenRouterReasoningDetail[] = [];
  let index = firstIndex;
  for (const part of item.summary ?? []) {
    const text = partText(part);
    if (text !== undefined) details.push({ type: "reasoning.summary", summary: text, ...common, index: index++ });
  }
  for (const part of item.content ?? []) {
    const text = partText(part);
    if (text !== undefined) details.push({ type: "reasoning.text", text, ...(item.signature ? { signature: item.signature } : {}), ...common, index: index++ });
  }
  if (typeof item.encrypted_content === "string" && item.encrypted_content) {
    details.push({ type: "reasoning.encrypted", data: item.encrypted_content, ...common, index: index++ });
  }
  return details;
}

/** A reasoning item's readable text: its summaries, then its reasoning text, a blank line between parts ("" when none). */
export function reasoningTextOf(item: OpenRouterResponsesReasoningItem): string {
  return [...(item.summary ?? []), ...(item.content ?? [])].map(partText).filter(Boolean).join("\n\n");
}

/** What a message item says: its output_text parts joined, their citations as chat's annotations, and a refusal. */
export function messageOf(item: OpenRouterResponsesOutputItem): { text: string; annotations: OpenRouterAnnotation[]; refusal?: string } {
  const said: { text: string; annotations: OpenRouterAnnotation[]; refusal?: string } = { text: "", annotations: [] };
  const parts = (item as { content?: unknown }).content;
  for (const part of (Array.isArray(parts) ? parts : []) as { type?: unknown; text?: unknown; refusal?: unknown; annotations?: unknown }[]) {
    if (part?.type === "output_text" && typeof part.text === "string") {
      said.text += part.text;
      if (Array.isArray(part.annotations)) said.annotations.push(...(part.annotations as OpenRouterResponsesAnnotation[]).map(annotationOf));
    } else if (part?.type === "refusal" && typeof part.refusal === "string") {
      said.refusal = (said.refusal ?? "") + part.refusal;
    }
  }
  return said;
}

/** A function_call item as a chat tool call (`id` is the call id the tool's answer names). */
export function toolCallOf(item: { call_id?: string; id?: string; name?: string; arguments?: string }, index: number): OpenRouterResponseToolCall {
  return { index, id: item.call_id ?? item.id ?? null, type: "function", function: { name: item.name ?? "", arguments: item.arguments ?? "" } };
}

/** Usage under chat completions' names, every other field as sent. */
export function usageOf(usage: OpenRouterResponsesUsage | null | undefined): OpenRouterUsage | undefined {
  if (usage == null) return undefined;
  const { input_tokens, output_tokens, input_tokens_details, output_tokens_details, ...rest } = usage;
  const mapped: OpenRouterUsage = { prompt_tokens: input_tokens, completion_tokens: output_tokens, ...rest };
  if (input_tokens_details != null) mapped.prompt_tokens_details = input_tokens_details;
  if (output_tokens_details != null) mapped.completion_tokens_details = output_tokens_details;
  return mapped;
}

/** The chat finish reason of a finished response: tool_calls, length or content_filter when cut, else stop. */
export function finishReasonOf(result: OpenRouterResponsesResult | undefined, calledTools: boolean): string {
  if (result?.status === "incomplete") {
    return result.incomplete_details?.reason === "content_filter" ? "content_filter" : "length";
  }
  return calledTools ? "tool_calls" : "stop";
}

/** Whether an output item is one the chat shapes hold (message, function_call, reasoning); any other is kept whole. */
export function isChatShaped(item: OpenRouterResponsesOutputItem): boolean {
  return item.type === "message" || item.type === "function_call" || item.type === "reasoning";
}

/** The output items the chat shapes do not hold (a server tool's call, an image generation…), whole; undefined when none. */
export function otherItemsOf(output: OpenRouterResponsesOutputItem[] | null | undefined): OpenRouterResponsesOutputItem[] | undefined {
  if (!Array.isArray(output)) return undefined;
  const others = output.filter((item) => typeof item === "object" && item !== null && !isChatShaped(item));
  return others.length > 0 ? others : undefined;
}

/**
 * The facts of a finished result as the top-level fields of the chat completion body (or finish
 * chunk) it stands for: everything but the choice. The finish reason and `native_finish_reason` (the
 * status) go on the choice: {@link finishReasonOf}.
 */
export function resultFactsOf(result: OpenRouterResponsesResult | undefined): Omit<OpenRouterChatResponse, "choices"> {
  return {
    id: result?.id,
    created: result?.created_at,
    model: result?.model,
    provider: result?.provider,
    usage: usageOf(result?.usage),
    service_tier: result?.service_tier,
    openrouter_metadata: result?.openrouter_metadata,
    incomplete_details: result?.incomplete_details ?? undefined,
    output_items: otherItemsOf(result?.output),
    responses_fields: resultFieldsOf(result),
  };
}

// the result fields the chat shapes hold; `output_text` is the joined text of the message items
const MAPPED_RESULT_FIELDS = new Set(["id", "model", "created_at", "provider", "status", "output", "output_text", "usage", "service_tier", "openrouter_metadata", "incomplete_details", "error"]);

/**
 * Every other field of a result that OpenRouter filled in (`object`, `completed_at`, the echoed
 * request: `temperature`, `tools`, `instructions`…), for response_metadata, as ChatOpenAI keeps them;
 * undefined when none.
 */
export function resultFieldsOf(result: OpenRouterResponsesResult | undefined): Record<string, unknown> | undefined {
  let fields: Record<string, unknown> | undefined;
  for (const key in result) {
    const value = result[key];
    if (!MAPPED_RESULT_FIELDS.has(key) && value != null) (fields ??= {})[key] = value;
  }
  return fields;
}
