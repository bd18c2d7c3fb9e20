// Complete tool calls of a non-streamed message → LangChain tool_calls / invalid_tool_calls.
import type { InvalidToolCall, ToolCall } from "@langchain/core/messages/tool";
import type { OpenRouterResponseToolCall } from "../wire/types.js";

export interface ParsedToolCalls {
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
}

/**
 * Missing or empty `arguments` mean `{}`: real providers omit them for zero-argument tools
 * (response-tool-call-without-arguments.json). Arguments that are not a JSON object go to
 * invalid_tool_calls with the raw text and the reason, never a throw.
 */
export function fromWireToolCalls(calls: OpenRouterResponseToolCall[] | null | undefined): ParsedToolCalls {
  const result: ParsedToolCalls = { tool_calls: [], invalid_tool_calls: [] };
  if (!calls) return result;
  for (const call of calls) {
    const name = call.function?.name ?? "";
    const id = call.id ?? undefined;
    const raw = call.function?.arguments;
    if (raw == null || raw.trim() === "") {
      result.tool_calls.push({ name, args: {}, id, type: "tool_call" });
      continue;
    }
    try {
      const args: unknown = JSON.parse(raw);
      if (typeof args !== "object" || args === null || Array.isArray(args)) {
        throw new Error(`expected a JSON object, got ${Array.isArray(args) ? "an array" : typeof args}`);
      }
      result.tool_calls.push({ name, args: args as Record<string, unknown>, id, type: "tool_call" });
    } catch (error) {
      result.invalid_tool_calls.push({
        name,
        args: raw,
        id,
        error: `Tool call arguments are not a JSON object: ${(error as Error).message}`,
        type: "invalid_tool_call",
      });
    }
  }
  return result;
}
