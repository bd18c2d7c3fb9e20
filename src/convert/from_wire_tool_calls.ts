// Complete tool calls of a non-streamed message → LangChain tool_calls / invalid_tool_calls.
import type { InvalidToolCall, ToolCall } from "@langchain/core/messages/tool";
import type { OpenRouterResponseToolCall } from "../wire/types.js";
import { isRecord } from "../wire/is_record.js";

export interface ParsedToolCalls {
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
}

/**
 * The id a call without one gets, so its ToolMessage can still answer it: derived from the
 * generation id and the call's position, never random (invoke and stream agree).
 */
export function fallbackToolCallId(generationId: string | undefined, position: number): string {
  return `call_${generationId ?? "openrouter"}_${position}`;
}

type ParsedArguments = { ok: true; args: Record<string, unknown> } | { ok: false; raw: string; error: string };

/**
 * A call's `arguments` → an args object. Missing or empty means `{}`: real providers omit them for
 * zero-argument tools (response-tool-call-without-arguments.json). Some providers send an object
 * instead of a JSON string, or a JSON string inside a JSON string; both are accepted.
 */
export function parseToolArguments(raw: unknown): ParsedArguments {
  if (raw == null) return { ok: true, args: {} };
  if (isRecord(raw)) return { ok: true, args: raw };
  const text = typeof raw === "string" ? raw : JSON.stringify(raw);
  if (text.trim() === "") return { ok: true, args: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
    if (typeof value === "string" && value.trim().startsWith("{")) value = JSON.parse(value);
  } catch (error) {
    return { ok: false, raw: text, error: `Tool call arguments are not valid JSON: ${(error as Error).message}` };
  }
  if (isRecord(value)) return { ok: true, args: value };
  const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
  return { ok: false, raw: text, error: `Tool call arguments are not a JSON object: expected an object, got ${got}` };
}

/** Unparsable arguments go to invalid_tool_calls with the raw text and the reason, never a throw. */
export function fromWireToolCalls(
  calls: OpenRouterResponseToolCall[] | null | undefined,
  generationId?: string
): ParsedToolCalls {
  const result: ParsedToolCalls = { tool_calls: [], invalid_tool_calls: [] };
  // a body of the wrong shape is read leniently, never with a TypeError (test/reliability)
  if (!Array.isArray(calls)) return result;
  for (let position = 0; position < calls.length; position++) {
    const call: unknown = calls[position];
    if (!isRecord(call)) continue;
    const { function: fn, id: rawId } = call as OpenRouterResponseToolCall;
    const name = typeof fn?.name === "string" ? fn.name : "";
    const id = (typeof rawId === "string" && rawId) || fallbackToolCallId(generationId, position);
    const parsed = parseToolArguments(fn?.arguments);
    if (parsed.ok) {
      result.tool_calls.push({ name, args: parsed.args, id, type: "tool_call" });
    } else {
      result.invalid_tool_calls.push({ name, args: parsed.raw, id, error: parsed.error, type: "invalid_tool_call" });
    }
  }
  return result;
}
