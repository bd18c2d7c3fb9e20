/**
 * Which function tools an answer calls, and with what arguments: the forced tool, else the best
 * keyword match (else the first); several for "and"/"both", or one location tool per city.
 */
import type { ToolCall } from "./answer.js";
import { arr, str, type ChatRequest, type FunctionTool, type ToolResult } from "./chat_request.js";
import { detChars } from "./deterministic.js";
import { findCities, isRecord, propertyNames } from "./schema_values.js";
import { structuredValue } from "./structured_content.js";

const STOPWORDS = new Set([
  "the", "get", "and", "for", "with", "from", "that", "this", "what", "which", "current", "given", "value", "values",
  "returns", "return", "tool", "function", "using", "into", "about", "your", "will", "should", "when", "some", "called",
]);

function keywords(tool: FunctionTool): string[] {
  const nameWords = tool.name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .map((word) => word.toLowerCase());
  const descriptionWords = (tool.description.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => word.length >= 4);
  return [...new Set([...nameWords, ...descriptionWords])].filter((word) => word.length >= 3 && !STOPWORDS.has(word));
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/** Position of the first keyword of `tool` in the prompt words, or -1. */
function matchPosition(tool: FunctionTool, words: string[]): number {
  const toolWords = keywords(tool);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const matches = (keyword: string): boolean =>
      keyword === word || (keyword.length >= 4 && (word.startsWith(keyword) || keyword.startsWith(word)) && word.length >= 4);
    if (toolWords.some(matches)) return i;
  }
  return -1;
}

function forcedTool(body: Record<string, unknown>, tools: FunctionTool[]): FunctionTool | undefined {
  const choice = body["tool_choice"];
  if (!isRecord(choice) || !isRecord(choice["function"])) return undefined;
  const forced = str(choice["function"]["name"]);
  return tools.find((tool) => tool.name === forced);
}

/**
 * After tool results, `tool_choice` "required" (or a named tool) still obliges a call: the named
 * tool, else the first one not called yet in the conversation (createAgent's structured-response
 * tool). Undefined once every tool was called, so a loop ends in text.
 */
function toolStillRequired(request: ChatRequest): FunctionTool | undefined {
  const { body, tools, messages } = request;
  const choice = body["tool_choice"];
  if (isRecord(choice) && isRecord(choice["function"])) return forcedTool(body, tools);
  if (choice !== "required") return undefined;
  const called = new Set<string>();
  for (const message of messages) {
    if (!isRecord(message) || message["role"] !== "assistant") continue;
    for (const call of arr(message["tool_calls"])) {
      if (isRecord(call) && isRecord(call["function"])) called.add(str(call["function"]["name"]) ?? "");
    }
  }
  return tools.find((tool) => !called.has(tool.name));
}

/** The tools a fresh turn calls, each with the part of the prompt its arguments come from. */
function plannedCalls(request: ChatRequest): { tool: FunctionTool; prompt: string }[] {
  const { body, tools, prompt } = request;
  const forced = forcedTool(body, tools);
  if (forced) return [{ tool: forced, prompt }];
  const words = wordsOf(prompt);
  const matched = tools
    .map((tool) => ({ tool, at: matchPosition(tool, words) }))
    .filter((match) => match.at >= 0)
    .sort((a, b) => a.at - b.at);
  const wantsSeveral = /\b(and|both|also)\b|;/i.test(prompt);
  const segments = prompt.split(/\band\b|\bboth\b|;/i).map((segment) => segment.trim()).filter((segment) => segment !== "");
  if (wantsSeveral && matched.length >= 2) {
    return matched.map(({ tool }) => {
      const segment = segments.find((candidate) => matchPosition(tool, wordsOf(candidate)) >= 0);
      return { tool, prompt: segment ?? prompt };
    });
  }
  const tool = matched[0]?.tool ?? tools[0];
  if (!tool) return [];
  const cities = findCities(prompt);
  const locationLike = propertyNames(tool.parameters).some((property) => /location|city|place/i.test(property));
  if (wantsSeveral && cities.length >= 2 && locationLike) return cities.map((city) => ({ tool, prompt: `in ${city}` }));
  return [{ tool, prompt }];
}

function toolArguments(tool: FunctionTool, prompt: string, facts?: ToolResult[]): string {
  const schema = tool.parameters;
  if (!isRecord(schema) || propertyNames(schema).length === 0) return "{}";
  return JSON.stringify(structuredValue(schema, prompt, facts));
}

function callOf(request: ChatRequest, index: number, tool: FunctionTool, prompt: string, facts?: ToolResult[]): ToolCall {
  return { id: `call_${detChars(`${request.bodyKey}|call|${index}|${tool.name}`, 24)}`, name: tool.name, arguments: toolArguments(tool, prompt, facts) };
}

/**
 * The calls this answer makes: on a fresh turn with tools (unless `tool_choice` is "none"), the
 * planned calls; after tool results, only a call `tool_choice` still requires. Empty: a text answer.
 */
export function toolCallsFor(request: ChatRequest, results: ToolResult[]): ToolCall[] {
  if (request.tools.length > 0 && !request.lastIsTool && request.body["tool_choice"] !== "none") {
    return plannedCalls(request).map((planned, index) => callOf(request, index, planned.tool, planned.prompt));
  }
  const required = request.lastIsTool ? toolStillRequired(request) : undefined;
  return required ? [callOf(request, 0, required, request.prompt, results)] : [];
}
