// A non-streamed Responses API result → the chat completion body it stands for, which the chat
// path then reads as it reads any (from_wire_message.ts): one assistant message joining the output
// items in order, usage under chat's names, the status as a finish reason, and every other output
// item whole (`output_items`, kept in response_metadata).
import type {
  OpenRouterAnnotation,
  OpenRouterChatResponse,
  OpenRouterReasoningDetail,
  OpenRouterResponseMessage,
  OpenRouterResponsesResult,
  OpenRouterResponseToolCall,
} from "../wire/types.js";
import { annotationOf, finishReasonOf, isChatShaped, otherItemsOf, partText, reasoningDetailsOf, resultFieldsOf, toolCallOf, usageOf } from "./from_responses_output.js";

export function fromResponsesResult(result: OpenRouterResponsesResult): OpenRouterChatResponse {
  let content = "";
  let refusal: string | undefined;
  const summaries: string[] = [];
  const details: OpenRouterReasoningDetail[] = [];
  const toolCalls: OpenRouterResponseToolCall[] = [];
  const annotations: OpenRouterAnnotation[] = [];
  for (const item of Array.isArray(result.output) ? result.output : []) {
    if (typeof item !== "object" || item === null) continue;
    if (!isChatShaped(item)) continue;
    if (item.type === "message") {
      for (const part of (item.content as { type: string; text?: unknown; refusal?: unknown; annotations?: unknown }[] | null) ?? []) {
        if (part?.type === "output_text" && typeof part.text === "string") {
          content += part.text;
          if (Array.isArray(part.annotations)) annotations.push(...part.annotations.map(annotationOf));
        } else if (part?.type === "refusal" && typeof part.refusal === "string") {
          refusal = (refusal ?? "") + part.refusal;
        }
      }
    } else if (item.type === "function_call") {
      toolCalls.push(toolCallOf(item as Parameters<typeof toolCallOf>[0], toolCalls.length));
    } else {
      const reasoning = item as Parameters<typeof reasoningDetailsOf>[0];
      // summaries, then reasoning text, as a stream of the item delivers them
      for (const part of [...(reasoning.summary ?? []), ...(reasoning.content ?? [])]) {
        const text = partText(part);
        if (text) summaries.push(text);
      }
      details.push(...reasoningDetailsOf(reasoning, details.length));
    }
  }
  const message: OpenRouterResponseMessage = { role: "assistant", content };
  if (refusal !== undefined) message.refusal = refusal;
  if (summaries.length > 0) message.reasoning = summaries.join("\n\n");
  if (details.length > 0) message.reasoning_details = details;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (annotations.length > 0) message.annotations = annotations;
  return {
    id: result.id,
    created: result.created_at,
    model: result.model,
    provider: result.provider,
    choices: [{ index: 0, message, finish_reason: finishReasonOf(result, toolCalls.length > 0), native_finish_reason: result.status ?? null }],
    usage: usageOf(result.usage),
    service_tier: result.service_tier,
    openrouter_metadata: result.openrouter_metadata,
    incomplete_details: result.incomplete_details ?? undefined,
    output_items: otherItemsOf(result.output),
    responses_fields: resultFieldsOf(result),
  };
}
