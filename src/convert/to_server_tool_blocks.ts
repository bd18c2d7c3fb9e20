// A server tool OpenRouter ran (a `reasoning.server_tool_call` detail: tool_name, arguments, result,
// tool_call_id) → LangChain's v1 `server_tool_call` and `server_tool_call_result` blocks. The detail
// itself stays in additional_kwargs.reasoning_details, byte-exact, for the next turn.
import type { ContentBlock } from "@langchain/core/messages";
import type { OpenRouterReasoningDetail } from "../wire/types.js";
import { isRecord } from "../wire/is_record.js";

export const SERVER_TOOL_CALL = "reasoning.server_tool_call";

/** JSON text → its value; anything else (or text that is not JSON) as it is. */
function parsedJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

/** The id a detail's call goes by: its own, else one made from its place among the details. */
function callIdOf(detail: OpenRouterReasoningDetail, position: number): string {
  if (typeof detail.tool_call_id === "string" && detail.tool_call_id !== "") return detail.tool_call_id;
  if (typeof detail.id === "string" && detail.id !== "") return detail.id;
  return `server_tool_call_${position}`;
}

/** The call and its result as v1 blocks; `position` is the detail's place in reasoning_details. */
export function serverToolBlocksOf(
  detail: OpenRouterReasoningDetail,
  position: number
): [ContentBlock.Tools.ServerToolCall, ContentBlock.Tools.ServerToolCallResult] {
  const id = callIdOf(detail, position);
  const name = typeof detail.tool_name === "string" ? detail.tool_name : "";
  const args = parsedJson(detail.arguments ?? {});
  const result = parsedJson(detail.result);
  const output = isRecord(result) ? result : { result: result ?? null };
  const failed = detail["status"] === "error" || (isRecord(result) && result["error"] != null);
  return [
    { type: "server_tool_call", id, name, args },
    { type: "server_tool_call_result", toolCallId: id, status: failed ? "error" : "success", output },
  ];
}

/** Every server-tool call among the details, as call/result block pairs in order. */
export function serverToolBlocks(details: unknown): ContentBlock.Standard[] {
  if (!Array.isArray(details)) return [];
  const blocks: ContentBlock.Standard[] = [];
  details.forEach((detail: unknown, position) => {
    if (isRecord(detail) && detail["type"] === SERVER_TOOL_CALL) {
      blocks.push(...serverToolBlocksOf(detail as OpenRouterReasoningDetail, position));
    }
  });
  return blocks;
}
