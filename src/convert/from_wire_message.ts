// A non-streamed chat.completion → AIMessage: text, tool calls, usage, metadata, and every extra
// OpenRouter field (reasoning, annotations, images, audio, refusal) kept in additional_kwargs, as
// sent. `contentBlocks` reads them through to_standard_blocks.ts.
import { AIMessage } from "@langchain/core/messages";
import type { OpenRouterChatResponse, OpenRouterResponseMessage } from "../wire/types.js";
import { factsOfResponse, fromWireMetadata } from "./from_wire_metadata.js";
import { fromWireToolCalls } from "./from_wire_tool_calls.js";
import { fromWireUsage } from "./from_wire_usage.js";

/** The OpenRouter-only fields of an assistant message, as sent (api.md §3.3). */
export function extraFieldsOf(message: OpenRouterResponseMessage): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (message.reasoning != null) extra["reasoning"] = message.reasoning;
  if (message.reasoning_details != null) extra["reasoning_details"] = message.reasoning_details;
  if (message.annotations != null) extra["annotations"] = message.annotations;
  if (message.images != null) extra["images"] = message.images;
  if (message.audio != null) extra["audio"] = message.audio;
  // where ChatOpenAI keeps it, so core's translators and users find it in the same place
  if (message.refusal != null) extra["refusal"] = message.refusal;
  return extra;
}

/** A 200 body → the AIMessage; `headers` from `headerFactsOf` (the response cache's status, the generation id). */
export function fromWireMessage(body: OpenRouterChatResponse, headers?: Record<string, string>): AIMessage {
  const message = body.choices?.[0]?.message ?? {};
  const { tool_calls, invalid_tool_calls } = fromWireToolCalls(message.tool_calls, body.id);
  return new AIMessage({
    content: typeof message.content === "string" ? message.content : "",
    id: body.id,
    tool_calls,
    invalid_tool_calls,
    additional_kwargs: extraFieldsOf(message),
    usage_metadata: fromWireUsage(body.usage),
    response_metadata: fromWireMetadata(factsOfResponse(body, headers)),
  });
}
