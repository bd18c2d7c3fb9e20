/**
 * Server tools OpenRouter runs itself (`tools: [{ type: "openrouter:<name>", parameters }]`).
 * `openrouter:web_search` answers with url citations (annotations.ts), as the real captures show;
 * every other server tool the request names runs once and is recorded as a
 * `reasoning.server_tool_call` detail (tool_name, arguments, result, tool_call_id), as OpenRouter's
 * spec describes for replaying them in later turns. Results are deterministic stand-ins.
 */
import type { ReasoningDetail } from "./answer.js";
import { arr, str } from "./chat_request.js";
import { detChars } from "./deterministic.js";
import { isRecord, type JsonValue } from "./schema_values.js";

export interface ServerToolRuns {
  details: ReasoningDetail[];
  /** What the model says with the results, when a tool's result decides it (datetime). */
  say?: string;
}

/** The wall-clock time in a zone (`2026-12-05 01:29:32`); an unknown zone falls back to UTC, as OpenRouter's does. */
function localTime(ms: number, timezone: string): [string, string] {
  try {
    return [new Date(ms).toLocaleString("sv-SE", { timeZone: timezone }), timezone];
  } catch {
    return [new Date(ms).toLocaleString("sv-SE", { timeZone: "UTC" }), "UTC"];
  }
}

function resultOf(name: string, parameters: Record<string, unknown>, prompt: string, created: number): { args: Record<string, JsonValue>; result: Record<string, JsonValue> } | undefined {
  switch (name) {
    case "openrouter:datetime": {
      const [datetime, timezone] = localTime(created * 1000, str(parameters["timezone"]) ?? "UTC");
      return { args: {}, result: { datetime, timezone } };
    }
    case "openrouter:web_fetch": {
      const url = /https?:\/\/[^\s)"']+/.exec(prompt)?.[0];
      if (url === undefined) return undefined;
      return { args: { url }, result: { url, title: `Emulated page at ${url}`, content: `The text of ${url}, fetched by the emulator.` } };
    }
    case "openrouter:image_generation":
      return { args: { prompt }, result: { status: "completed", image_url: "https://example.com/emulator/generated.png" } };
    default:
      return { args: { prompt }, result: { response: `${name.slice("openrouter:".length)} answered: ${prompt.slice(0, 60)}` } };
  }
}

/** The server tools the request offers (web search aside), each run once against the prompt. */
export function serverToolRuns(body: Record<string, unknown>, prompt: string, created: number): ServerToolRuns {
  const runs: ServerToolRuns = { details: [] };
  for (const tool of arr(body["tools"])) {
    const name = isRecord(tool) ? str(tool["type"]) : undefined;
    if (name === undefined || !name.startsWith("openrouter:") || name === "openrouter:web_search") continue;
    const run = resultOf(name, isRecord(tool) && isRecord(tool["parameters"]) ? tool["parameters"] : {}, prompt, created);
    if (run === undefined) continue;
    runs.details.push({
      type: "reasoning.server_tool_call",
      tool_call_id: `srvtool_${detChars(`${name}|${prompt}`, 16)}`,
      tool_name: name,
      arguments: JSON.stringify(run.args),
      result: JSON.stringify(run.result),
    });
    if (name === "openrouter:datetime") runs.say = `It is ${String(run.result["datetime"])} (${String(run.result["timezone"])}).`;
  }
  return runs;
}
