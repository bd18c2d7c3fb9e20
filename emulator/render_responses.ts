/**
 * An answer as the Responses API sends it (docs/responses_api.md): the result object, and its SSE
 * events in the spec's order (created, in_progress, per output item: added, its parts' deltas and
 * dones, item done; then completed), each `data:` line with `type` and `sequence_number`, ended by
 * `[DONE]`. Reasoning first (a reasoning item: summaries, reasoning text, encrypted content, as the
 * family sends it), then the message (text with url_citation annotations, or a refusal), then one
 * function_call item per tool call. Usage under the Responses API's names, with OpenRouter's cost.
 */
import type { Answer, ReasoningDetail } from "./answer.js";
import { sha256Hex } from "./deterministic.js";
import { DONE, PROCESSING, splitWords } from "./render_sse.js";
import type { JsonValue } from "./schema_values.js";

type Json = Record<string, JsonValue>;

function reasoningItem(a: Answer): Json | undefined {
  if (a.reasoningDetails.length === 0) return undefined;
  const detail = (type: string): ReasoningDetail | undefined => a.reasoningDetails.find((d) => d["type"] === type);
  const summary = detail("reasoning.summary");
  const text = detail("reasoning.text");
  const encrypted = detail("reasoning.encrypted");
  const format = (encrypted ?? summary ?? text)?.["format"] ?? "unknown";
  const item: Json = {
    type: "reasoning",
    // the same for the same request, streamed or not (the signature derives from the request without `stream`)
    id: typeof encrypted?.["id"] === "string" ? encrypted["id"] : `rs_${sha256Hex(`rs|${String(text?.["signature"] ?? a.id)}`).slice(0, 40)}`,
    summary: typeof summary?.["summary"] === "string" ? [{ type: "summary_text", text: summary["summary"] }] : [],
    status: "completed",
  };
  if (typeof text?.["text"] === "string") item["content"] = [{ type: "reasoning_text", text: text["text"] }];
  if (typeof text?.["signature"] === "string") item["signature"] = text["signature"];
  if (typeof encrypted?.["data"] === "string") item["encrypted_content"] = encrypted["data"];
  if (format !== "openai-responses-v1") item["format"] = format;
  return item;
}

function annotationsOf(a: Answer): Json[] {
  const out: Json[] = [];
  for (const annotation of a.annotations) {
    if (annotation.type === "url_citation") out.push({ type: "url_citation", ...annotation.url_citation });
  }
  return out;
}

function messageItem(a: Answer): Json | undefined {
  if (a.refusal !== null) return { type: "message", id: `msg_${a.id.slice(4, 24)}`, role: "assistant", status: "completed", content: [{ type: "refusal", refusal: a.refusal }] };
  if (a.content === "" && a.toolCalls.length > 0) return undefined;
  return {
    type: "message",
    id: `msg_${a.id.slice(4, 24)}`,
    role: "assistant",
    status: "completed",
    content: [{ type: "output_text", text: a.content, annotations: annotationsOf(a) }],
  };
}

function outputOf(a: Answer): Json[] {
  const items: Json[] = [];
  const reasoning = reasoningItem(a);
  if (reasoning) items.push(reasoning);
  const message = messageItem(a);
  if (message) items.push(message);
  for (const call of a.toolCalls) {
    items.push({ type: "function_call", id: `fc_${call.id}`, call_id: call.id, name: call.name, arguments: call.arguments, status: "completed" });
  }
  return items;
}

function usageOf(a: Answer): Json {
  const { prompt_tokens: input, completion_tokens: output, total_tokens: total, prompt_tokens_details: prompt, completion_tokens_details: completion, ...rest } = a.usage as Json;
  return {
    input_tokens: input ?? 0,
    input_tokens_details: { cached_tokens: (prompt as Json | undefined)?.["cached_tokens"] ?? 0 },
    output_tokens: output ?? 0,
    output_tokens_details: { reasoning_tokens: (completion as Json | undefined)?.["reasoning_tokens"] ?? 0 },
    total_tokens: total ?? 0,
    ...rest,
  };
}

/** The non-streamed result; `status` "incomplete" when the answer hit max_output_tokens. */
export function responsesJson(a: Answer): Json {
  const incomplete = a.finishReason === "length";
  return {
    id: a.id,
    object: "response",
    created_at: a.created,
    completed_at: a.created + 1,
    model: a.model,
    status: incomplete ? "incomplete" : "completed",
    output: outputOf(a),
    error: null,
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    usage: usageOf(a),
    ...(a.openrouterMetadata ? { openrouter_metadata: a.openrouterMetadata } : {}),
  };
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The events of an answer: `head` (created…), `body` (the items), `tail` (completed, [DONE]); faults cut between them. */
export function responsesStream(a: Answer): { head: string[]; body: string[]; tail: string[] } {
  let sequence = 0;
  const frame = (type: string, fields: Json): string => `data: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`;
  const result = responsesJson(a);
  const pending = { ...result, status: "in_progress", output: [], usage: null, incomplete_details: null, completed_at: null };
  const head = [PROCESSING, frame("response.created", { response: pending }), frame("response.in_progress", { response: pending })];
  const body: string[] = [];
  (result["output"] as Json[]).forEach((item, output_index) => {
    const item_id = item["id"] as string;
    if (item["type"] === "reasoning") {
      body.push(frame("response.output_item.added", { output_index, item: { ...item, summary: [], content: [], encrypted_content: null, status: "in_progress" } }));
      (item["summary"] as Json[]).forEach((part, summary_index) => {
        body.push(frame("response.reasoning_summary_part.added", { item_id, output_index, summary_index, part: { type: "summary_text", text: "" } }));
        for (const delta of splitWords(part["text"] as string, 1)) body.push(frame("response.reasoning_summary_text.delta", { item_id, output_index, summary_index, delta }));
        body.push(frame("response.reasoning_summary_text.done", { item_id, output_index, summary_index, text: part["text"] ?? "" }));
        body.push(frame("response.reasoning_summary_part.done", { item_id, output_index, summary_index, part }));
      });
      ((item["content"] as Json[] | undefined) ?? []).forEach((part, content_index) => {
        for (const delta of splitWords(part["text"] as string, 1)) body.push(frame("response.reasoning_text.delta", { item_id, output_index, content_index, delta }));
        body.push(frame("response.reasoning_text.done", { item_id, output_index, content_index, text: part["text"] ?? "" }));
      });
      body.push(PROCESSING);
    } else if (item["type"] === "message") {
      body.push(frame("response.output_item.added", { output_index, item: { ...item, content: [], status: "in_progress" } }));
      const part = (item["content"] as Json[])[0]!;
      if (part["type"] === "refusal") {
        body.push(frame("response.content_part.added", { item_id, output_index, content_index: 0, part: { type: "refusal", refusal: "" } }));
        for (const delta of splitWords(part["refusal"] as string, 1)) body.push(frame("response.refusal.delta", { item_id, output_index, content_index: 0, delta }));
        body.push(frame("response.refusal.done", { item_id, output_index, content_index: 0, refusal: part["refusal"] ?? "" }));
      } else {
        body.push(frame("response.content_part.added", { item_id, output_index, content_index: 0, part: { type: "output_text", text: "", annotations: [] } }));
        const text = part["text"] as string;
        for (const delta of a.contentIsJson ? pieces(text, 7) : splitWords(text, 1)) {
          body.push(frame("response.output_text.delta", { item_id, output_index, content_index: 0, delta, logprobs: [] }));
        }
        (part["annotations"] as Json[]).forEach((annotation, annotation_index) => {
          body.push(frame("response.output_text.annotation.added", { item_id, output_index, content_index: 0, annotation_index, annotation }));
        });
        body.push(frame("response.output_text.done", { item_id, output_index, content_index: 0, text, logprobs: [] }));
      }
      body.push(frame("response.content_part.done", { item_id, output_index, content_index: 0, part }));
    } else {
      body.push(frame("response.output_item.added", { output_index, item: { ...item, arguments: "", status: "in_progress" } }));
      for (const delta of pieces(item["arguments"] as string, 6)) body.push(frame("response.function_call_arguments.delta", { item_id, output_index, delta }));
      body.push(frame("response.function_call_arguments.done", { item_id, output_index, name: item["name"] ?? "", arguments: item["arguments"] ?? "" }));
    }
    body.push(frame("response.output_item.done", { output_index, item }));
  });
  const finish = result["status"] === "incomplete" ? "response.incomplete" : "response.completed";
  return { head, body, tail: [frame(finish, { response: result }), DONE] };
}

/** A `response.failed` event: the provider went away mid-answer (docs/responses_api.md §5.2). */
export function failedFrame(a: Answer): string {
  const response = { ...responsesJson(a), status: "failed", output: [], error: { code: "server_error", message: "Provider disconnected mid-stream" }, error_type: "provider_unavailable" };
  return `data: ${JSON.stringify({ type: "response.failed", sequence_number: 9999, response })}\n\n`;
}
