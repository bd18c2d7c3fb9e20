/**
 * Reads a Responses API request body (`POST /api/v1/responses`) as the chat request the responder
 * decides from: input items become messages (function_call → an assistant tool call,
 * function_call_output → a tool message, reasoning items are skipped), flattened function tools
 * become chat tools, `text.format` becomes `response_format`, `max_output_tokens` `max_tokens`.
 * Also says what OpenRouter refuses: the API is stateless (`store: true`, `previous_response_id`).
 */
import { arr } from "./chat_request.js";
import { isRecord } from "./schema_values.js";

function partOf(part: unknown): unknown {
  if (!isRecord(part)) return part;
  switch (part["type"]) {
    case "input_text":
    case "output_text":
      return { type: "text", text: part["text"] };
    case "input_image":
      return { type: "image_url", image_url: { url: part["image_url"], detail: part["detail"] } };
    case "input_file":
      return { type: "file", file: { filename: part["filename"], file_data: part["file_data"] ?? part["file_url"] } };
    default:
      return part;
  }
}

function messagesOf(input: unknown, instructions: unknown): unknown[] {
  const messages: Record<string, unknown>[] = [];
  if (typeof instructions === "string" && instructions !== "") messages.push({ role: "system", content: instructions });
  if (typeof input === "string") return [...messages, { role: "user", content: input }];
  for (const item of arr(input)) {
    if (!isRecord(item)) continue;
    const type = item["type"] ?? "message";
    if (type === "message") {
      const content = item["content"];
      messages.push({ role: item["role"], content: typeof content === "string" ? content : arr(content).map(partOf) });
    } else if (type === "function_call") {
      const call = { id: item["call_id"], type: "function", function: { name: item["name"], arguments: item["arguments"] } };
      const last = messages.at(-1);
      // consecutive calls are one assistant turn
      if (last?.["role"] === "assistant" && Array.isArray(last["tool_calls"])) (last["tool_calls"] as unknown[]).push(call);
      else messages.push({ role: "assistant", content: "", tool_calls: [call] });
    } else if (type === "function_call_output") {
      messages.push({ role: "tool", tool_call_id: item["call_id"], content: item["output"] });
    }
  }
  return messages;
}

/** Why OpenRouter would refuse the body with a 400, or undefined. */
export function refusalOf(body: Record<string, unknown>): string | undefined {
  if (body["input"] === undefined) return "Missing required parameter: 'input'.";
  if (body["store"] === true) return "store is not supported: the Responses API is stateless.";
  if (body["previous_response_id"] != null) return "previous_response_id is not supported: the Responses API is stateless.";
  return undefined;
}

/** The chat completions body a Responses API body asks the same as. */
export function chatBodyOf(body: Record<string, unknown>): Record<string, unknown> {
  const { input, instructions, tools, tool_choice: toolChoice, text, max_output_tokens: maxOutput, ...rest } = body;
  const chat: Record<string, unknown> = { ...rest, messages: messagesOf(input, instructions) };
  if (Array.isArray(tools)) {
    chat["tools"] = tools.map((tool) =>
      isRecord(tool) && tool["type"] === "function"
        ? { type: "function", function: { name: tool["name"], description: tool["description"], parameters: tool["parameters"], strict: tool["strict"] } }
        : tool,
    );
  }
  if (isRecord(toolChoice) && toolChoice["type"] === "function") chat["tool_choice"] = { type: "function", function: { name: toolChoice["name"] } };
  else if (toolChoice !== undefined) chat["tool_choice"] = toolChoice;
  const format = isRecord(text) ? text["format"] : undefined;
  if (isRecord(format) && format["type"] === "json_schema") {
    chat["response_format"] = { type: "json_schema", json_schema: { name: format["name"], schema: format["schema"], strict: format["strict"] } };
  } else if (isRecord(format) && format["type"] === "json_object") {
    chat["response_format"] = { type: "json_object" };
  }
  if (typeof maxOutput === "number") chat["max_tokens"] = maxOutput;
  return chat;
}
