// A non-streamed Responses API result → the chat completion body it stands for, which the chat
// path then reads as it reads any (from_wire_message.ts): one assistant message joining the output
// items in order, usage under chat's names, the status as a finish reason, and every other output
// item whole (`output_items`, kept in response_metadata).
import type {
  OpenRouterAnnotation,
  OpenRouterChatResponse,
  OpenRouterReasoningDetail,
  OpenRouterResponseMessage,
  OpenRouterResponsesReasoningItem,
  OpenRouterResponsesResult,
  OpenRouterResponseToolCall,
} from "../wire/types.js";
import { finishReasonOf, isChatShaped, messageOf, reasoningDetailsOf, reasoningTextOf, resultFactsOf, toolCallOf } from "./from_responses_output.js";

export function fromResponsesResult(result: OpenRouterResponsesResult): OpenRouterChatResponse {
  let content = "";
  let refusal: string | undefined;
  const reasoning: string[] = [];
  const details: OpenRouterReasoningDetail[] = [];
  const toolCalls: OpenRouterResponseToolCall[] = [];
  const annotations: OpenRouterAnnotation[] = [];
  for (const item of Array.isArray(result.output) ? result.output : []) {
    if (typeof item !== "object" || item === null || !isChatShaped(item)) continue;
    if (item.type === "message") {
      const said = messageOf(item);
      content += said.text;
      annotations.push(...said.annotations);
      if (said.refusal !== undefined) refusal = (refusal ?? "") + said.refusal;
    } else if (item.type === "function_call") {
      toolCalls.push(toolCallOf(item as Parameters<typeof toolCallOf>[0], toolCalls.length));
    } else {
      const reasoningItem = item as OpenRouterResponsesReasoningItem;
      const text = reasoningTextOf(reasoningItem);
      if (text) reasoning.push(text);
      details.push(...reasoningDetailsOf(reasoningItem, details.length));
    }
  }
  const message: OpenRouterResponseMessage = { role: "assistant", content };
  if (refusal !== undefined) message.refusal = refusal;
  if (reasoning.length > 0) message.reasoning = reasoning.join("\n\n");
  if (details.length > 0) message.reasoning_details = details;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (annotations.length > 0) message.annotations = annotations;
  const choice = { index: 0, message, finish_reason: finishReasonOf(result, toolCalls.length > 0), native_finish_reason: result.status ?? null };
  return { ...resultFactsOf(result), choices: [choice] };
}
