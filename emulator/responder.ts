/**
 * The deterministic "smart" responder behind the `ok` scenario.
 *
 * `buildAnswer` turns a chat request into one logical answer; `answerJson` and
 * `answerStream` render it as a non-streamed body or as SSE frames, so both modes give
 * the same answer.
 */
import { createHash } from "node:crypto";
import {
  findCities,
  isRecord,
  makeContext,
  objectForSchema,
  propertyNames,
  valueForSchema,
  type JsonValue,
} from "./schema_values.js";

export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ReasoningDetail = Record<string, JsonValue>;

export type Annotation =
  | {
      type: "url_citation";
      url_citation: { url: string; title: string; content: string; start_index: number; end_index: number };
    }
  | { type: "file"; file: { hash: string; name: string; content: { type: "text"; text: string }[] } };

/** Per-token log probabilities (`choices[].logprobs.content[]`). */
export type TokenLogprob = Record<string, JsonValue>;

export interface Answer {
  id: string;
  created: number;
  model: string;
  provider: string;
  content: string;
  /** Content is JSON text: stream it in small character pieces. */
  contentIsJson: boolean;
  toolCalls: ToolCall[];
  finishReason: "stop" | "length" | "tool_calls";
  nativeFinishReason: string;
  reasoning: string | null;
  reasoningDetails: ReasoningDetail[];
  reasoningFamily: "anthropic" | "openai" | "google" | null;
  images: string[];
  annotations: Annotation[];
  /** Set when the request asked for a refusal ("please refuse"): sent as `refusal`, content empty. */
  refusal: string | null;
  /** `top_logprobs` count when the request set `logprobs: true`, else null. */
  logprobs: number | null;
  usage: Record<string, JsonValue>;
}

export interface ResponderState {
  /** Sequence number, makes generation ids unique per emulator. */
  seq: number;
  /** Prompt-cache keys already written. */
  cache: Set<string>;
}

export const TINY_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic alphanumeric string of `length` chars derived from `seed`. */
export function detChars(seed: string, length: number): string {
  let out = "";
  let round = 0;
  while (out.length < length) {
    const digest = createHash("sha256").update(`${seed}#${round}`).digest();
    for (const byte of digest) {
      if (out.length >= length) break;
      out += ALPHANUM[byte % ALPHANUM.length];
    }
    round += 1;
  }
  return out;
}

function detBase64(seed: string, bytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const d = createHash("sha256").update(`${seed}/${i}`).digest();
    chunks.push(d);
    total += d.length;
  }
  return Buffer.concat(chunks).subarray(0, bytes).toString("base64");
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: string): () => number {
  let a = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CANONICAL_MODELS: Record<string, string> = {
  "anthropic/claude-sonnet-4.5": "anthropic/claude-4.5-sonnet-20250929",
  "anthropic/claude-haiku-4.5": "anthropic/claude-4.5-haiku-20251001",
  "anthropic/claude-opus-4.1": "anthropic/claude-4.1-opus-20250805",
  "openai/gpt-4o": "openai/gpt-4o-2024-08-06",
  "openai/gpt-4o-mini": "openai/gpt-4o-mini-2024-07-18",
  "openai/gpt-5-mini": "openai/gpt-5-mini-2025-08-07",
  "openai/gpt-5": "openai/gpt-5-2025-08-07",
  "openrouter/auto": "openai/gpt-4o-mini-2024-07-18",
};

const PROVIDER_BY_AUTHOR: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google AI Studio",
  "meta-llama": "DeepInfra",
  mistralai: "Mistral",
};

const PROVIDER_DISPLAY: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  "amazon-bedrock": "Amazon Bedrock",
  "google-vertex": "Google",
  "google-ai-studio": "Google AI Studio",
  deepinfra: "DeepInfra",
  mistral: "Mistral",
  together: "Together",
  groq: "Groq",
  fireworks: "Fireworks",
  azure: "Azure",
};

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Text of a message content (string or array of parts). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  return arr(content)
    .map((part) => (isRecord(part) && typeof part["text"] === "string" ? part["text"] : ""))
    .filter((t) => t !== "")
    .join("\n");
}

function hasCacheControl(body: Record<string, unknown>): boolean {
  if (body["cache_control"] !== undefined) return true;
  for (const message of arr(body["messages"])) {
    if (!isRecord(message)) continue;
    if (message["cache_control"] !== undefined) return true;
    for (const part of arr(message["content"])) if (isRecord(part) && part["cache_control"] !== undefined) return true;
  }
  return false;
}

function tokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

function round9(n: number): number {
  return Number(n.toFixed(9));
}

function servedModel(body: Record<string, unknown>): string {
  const models = arr(body["models"]).filter((m): m is string => typeof m === "string");
  const requested = models[0] ?? str(body["model"]) ?? "openrouter/auto";
  return CANONICAL_MODELS[requested] ?? requested;
}

function providerName(body: Record<string, unknown>, model: string): string {
  const prefs = body["provider"];
  if (isRecord(prefs)) {
    const first = str(arr(prefs["order"])[0]) ?? str(arr(prefs["only"])[0]);
    if (first !== undefined) return PROVIDER_DISPLAY[first.toLowerCase()] ?? first;
  }
  const author = model.split("/")[0] ?? "";
  return PROVIDER_BY_AUTHOR[author] ?? "Emulator";
}

const STOPWORDS = new Set([
  "the", "get", "and", "for", "with", "from", "that", "this", "what", "which", "current", "given", "value", "values",
  "returns", "return", "tool", "function", "using", "into", "about", "your", "will", "should", "when", "some", "called",
]);

function keywords(tool: FunctionTool): string[] {
  const nameWords = tool.name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .map((w) => w.toLowerCase());
  const descWords = (tool.description.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length >= 4);
  return [...new Set([...nameWords, ...descWords])].filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

interface FunctionTool {
  name: string;
  description: string;
  parameters: unknown;
}

function functionTools(body: Record<string, unknown>): FunctionTool[] {
  const out: FunctionTool[] = [];
  for (const tool of arr(body["tools"])) {
    if (!isRecord(tool) || tool["type"] !== "function" || !isRecord(tool["function"])) continue;
    const fn = tool["function"];
    const name = str(fn["name"]);
    if (name === undefined) continue;
    out.push({ name, description: str(fn["description"]) ?? "", parameters: fn["parameters"] });
  }
  return out;
}

/** Position of the first keyword of `tool` in the prompt words, or -1. */
function matchPosition(tool: FunctionTool, words: string[]): number {
  const kws = keywords(tool);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (kws.some((k) => k === w || (k.length >= 4 && (w.startsWith(k) || k.startsWith(w)) && w.length >= 4))) return i;
  }
  return -1;
}

const MOVIE: Record<string, JsonValue> = {
  title: "Inception",
  year: 2010,
  director: "Christopher Nolan",
  rating: 8.8,
};

/** A value for a structured-output schema; the movie schema gets the canonical answer. */
export function structuredValue(schema: unknown, prompt: string, facts?: ToolResult[]): JsonValue {
  const names = propertyNames(schema);
  if (isRecord(schema) && ["title", "year", "director", "rating"].every((k) => names.includes(k))) {
    const generated = objectForSchema(schema, makeContext(prompt, facts));
    const out: Record<string, JsonValue> = {};
    for (const key of names) out[key] = MOVIE[key] ?? generated[key] ?? null;
    return out;
  }
  return valueForSchema(schema, makeContext(prompt, facts));
}

function toolArguments(tool: FunctionTool, prompt: string, facts?: ToolResult[]): string {
  const schema = tool.parameters;
  if (!isRecord(schema) || propertyNames(schema).length === 0) return "{}";
  return JSON.stringify(structuredValue(schema, prompt, facts));
}

/**
 * After tool results, `tool_choice` "required" (or a named tool) still obliges a call: the named
 * tool, else the first one not called yet in the conversation (createAgent's structured-response
 * tool). Undefined once every tool was called, so a loop ends in text.
 */
function toolStillRequired(body: Record<string, unknown>, tools: FunctionTool[], messages: unknown[]): FunctionTool | undefined {
  const choice = body["tool_choice"];
  if (isRecord(choice) && isRecord(choice["function"])) {
    const forced = str(choice["function"]["name"]);
    return tools.find((t) => t.name === forced);
  }
  if (choice !== "required") return undefined;
  const called = new Set<string>();
  for (const m of messages) {
    if (!isRecord(m) || m["role"] !== "assistant") continue;
    for (const call of arr(m["tool_calls"])) {
      if (isRecord(call) && isRecord(call["function"])) called.add(str(call["function"]["name"]) ?? "");
    }
  }
  return tools.find((t) => !called.has(t.name));
}

function planToolCalls(body: Record<string, unknown>, tools: FunctionTool[], prompt: string): { tool: FunctionTool; prompt: string }[] {
  const choice = body["tool_choice"];
  if (isRecord(choice) && isRecord(choice["function"])) {
    const forced = str(choice["function"]["name"]);
    const tool = tools.find((t) => t.name === forced);
    if (tool) return [{ tool, prompt }];
  }
  const words = prompt.toLowerCase().match(/[a-z]+/g) ?? [];
  const matched = tools
    .map((tool) => ({ tool, at: matchPosition(tool, words) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  const wantsSeveral = /\b(and|both|also)\b|;/i.test(prompt);
  const segments = prompt.split(/\band\b|\bboth\b|;/i).map((s) => s.trim()).filter((s) => s !== "");
  if (wantsSeveral && matched.length >= 2) {
    return matched.map(({ tool }) => {
      const segment = segments.find((s) => matchPosition(tool, s.toLowerCase().match(/[a-z]+/g) ?? []) >= 0);
      return { tool, prompt: segment ?? prompt };
    });
  }
  const tool = matched[0]?.tool ?? tools[0];
  if (!tool) return [];
  const cities = findCities(prompt);
  const locationLike = propertyNames(tool.parameters).some((p) => /location|city|place/i.test(p));
  if (wantsSeveral && cities.length >= 2 && locationLike) {
    return cities.map((city) => ({ tool, prompt: `in ${city}` }));
  }
  return [{ tool, prompt }];
}

function findJsonObject(text: string): Record<string, unknown> | undefined {
  for (let start = text.indexOf("{"); start >= 0; start = text.indexOf("{", start + 1)) {
    for (let end = text.lastIndexOf("}"); end > start; end = text.lastIndexOf("}", end - 1)) {
      try {
        const parsed: unknown = JSON.parse(text.slice(start, end + 1));
        if (isRecord(parsed)) return parsed;
      } catch {
        // keep looking
      }
    }
  }
  return undefined;
}

function jsonObjectAnswer(context: string, prompt: string, plain: string): string {
  const embedded = findJsonObject(context);
  if (embedded) {
    if (isRecord(embedded["properties"])) return JSON.stringify(structuredValue(embedded, prompt));
    const out: Record<string, JsonValue> = {};
    for (const key of Object.keys(embedded)) out[key] = valueForSchema({ type: "string" }, makeContext(prompt), key);
    return JSON.stringify(out);
  }
  const listed = /\b(?:keys|fields|properties)\b\s*:?\s*([^.\n]*)/i.exec(context);
  if (listed) {
    const keys = (listed[1] ?? "")
      .split(/,|\band\b/i)
      .map((k) => k.trim().replace(/^["'`]|["'`]$/g, ""))
      .filter((k) => /^\w+$/.test(k));
    if (keys.length > 0) {
      const ctx = makeContext(prompt);
      const out: Record<string, JsonValue> = {};
      for (const key of keys) {
        const numeric = /^(age|count|year|number|price|amount|quantity|total|score|rating)$/i.test(key);
        out[key] = valueForSchema({ type: numeric ? "integer" : "string" }, ctx, key);
      }
      return JSON.stringify(out);
    }
  }
  return JSON.stringify({ answer: plain });
}

export function textAnswer(prompt: string, system: string): { text: string; fixedUsage?: [number, number] } {
  const p = prompt.toLowerCase();
  if (/french/i.test(system) && p.includes("i love programming")) return { text: "J'adore la programmation." };
  if (p.includes("tell me a joke")) {
    return {
      text: "Why do programmers prefer dark mode? Because light attracts bugs, and they already have plenty.",
      fixedUsage: [12, 25],
    };
  }
  if (p.includes("write a short poem about the sea")) {
    return {
      text: [
        "The sea rolls in with silver light,",
        "It hums the sleepy shore to rest,",
        "The gulls draw circles in the white,",
        "And every wave comes home to west.",
      ].join("\n"),
    };
  }
  if (p.includes("describe this image")) {
    return { text: "The image shows a single small square of solid colour on a plain background." };
  }
  if (/2\s*\+\s*2/.test(p)) return { text: "4" };
  return { text: `Hello from the OpenRouter emulator. You said: ${prompt}` };
}

function reasoningWanted(body: Record<string, unknown>): boolean {
  const r = body["reasoning"];
  if (isRecord(r)) {
    if (r["exclude"] === true || r["effort"] === "none" || r["enabled"] === false) return false;
    if (typeof r["effort"] === "string" || typeof r["max_tokens"] === "number" || r["enabled"] === true) return true;
  }
  return body["include_reasoning"] === true;
}

function webSearchWanted(body: Record<string, unknown>): boolean {
  if (arr(body["plugins"]).some((p) => isRecord(p) && p["id"] === "web" && p["enabled"] !== false)) return true;
  if (isRecord(body["web_search_options"]) || str(body["model"])?.endsWith(":online")) return true;
  return arr(body["tools"]).some(
    (t) => isRecord(t) && (t["type"] === "openrouter:web_search" || t["type"] === "web_search" || t["type"] === "web_search_preview"),
  );
}

function citations(prompt: string): Annotation[] {
  const topic = prompt.slice(0, 60) || "your question";
  return [
    {
      type: "url_citation",
      url_citation: {
        url: "https://example.com/emulator/search-result-1",
        title: "Emulator search result 1",
        content: `A page about ${topic}.`,
        start_index: 0,
        end_index: 0,
      },
    },
    {
      type: "url_citation",
      url_citation: {
        url: "https://example.org/emulator/search-result-2",
        title: "",
        content: `Another page about ${topic}.`,
        start_index: 0,
        end_index: 0,
      },
    },
  ];
}

interface ParsedFile {
  annotation: Annotation;
  name: string;
  bytes: number;
}

/**
 * `file` parts in user messages, parsed as the file-parser plugin would: one `file` annotation
 * each, unless an assistant message already echoed an annotation with the same hash (OpenRouter
 * then skips re-parsing, DOCS multimodal/pdfs).
 */
function parsedFiles(messages: unknown[]): ParsedFile[] {
  const echoed = new Set<string>();
  for (const m of messages) {
    if (!isRecord(m) || m["role"] !== "assistant") continue;
    for (const annotation of arr(m["annotations"])) {
      if (isRecord(annotation) && isRecord(annotation["file"]) && typeof annotation["file"]["hash"] === "string") {
        echoed.add(annotation["file"]["hash"]);
      }
    }
  }
  const out: ParsedFile[] = [];
  for (const m of messages) {
    if (!isRecord(m) || m["role"] !== "user") continue;
    for (const part of arr(m["content"])) {
      if (!isRecord(part) || part["type"] !== "file" || !isRecord(part["file"])) continue;
      const data = str(part["file"]["file_data"]) ?? str(part["file"]["file_id"]) ?? "";
      const hash = createHash("sha256").update(data).digest("hex");
      if (echoed.has(hash)) continue;
      const name = str(part["file"]["filename"]) ?? "document.pdf";
      const base64 = /^data:[^,]*;base64,(.*)$/s.exec(data)?.[1];
      const bytes = base64 === undefined ? 0 : Buffer.from(base64, "base64").length;
      const text = base64 === undefined ? `# ${name}\n\nFetched from ${data} and parsed by the emulator.` : `# ${name}\n\n${bytes} bytes, parsed by the emulator.`;
      out.push({
        name,
        bytes,
        annotation: {
          type: "file",
          file: {
            hash,
            name,
            content: [
              { type: "text", text: `<file name="${name}">` },
              { type: "text", text },
              { type: "text", text: "</file>" },
            ],
          },
        },
      });
    }
  }
  return out;
}

/** Deterministic log probabilities for a piece of text, one entry per word-ish token. */
export function logprobsOf(text: string, top: number): TokenLogprob[] {
  return (text.match(/\s*\S+\s*|\s+/g) ?? []).map((token) => {
    const logprob = -(createHash("sha256").update(token).digest().readUInt16LE(0) % 1000) / 1000;
    const bytes = [...Buffer.from(token, "utf8")];
    const alternatives: JsonValue[] = [{ token, logprob, bytes }];
    for (let i = 1; i < top; i++) alternatives.push({ token: `${token.trim()}~${i}`, logprob: round9(logprob - i), bytes: null });
    return { token, logprob, bytes, top_logprobs: alternatives.slice(0, top) };
  });
}

interface ToolResult {
  name: string;
  content: string;
}

function trailingToolResults(messages: unknown[]): ToolResult[] {
  const names = new Map<string, string>();
  for (const m of messages) {
    if (!isRecord(m) || m["role"] !== "assistant") continue;
    for (const call of arr(m["tool_calls"])) {
      if (isRecord(call) && typeof call["id"] === "string" && isRecord(call["function"])) {
        names.set(call["id"], str(call["function"]["name"]) ?? "tool");
      }
    }
  }
  const out: ToolResult[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!isRecord(m) || m["role"] !== "tool") break;
    const id = str(m["tool_call_id"]) ?? "";
    out.unshift({ name: names.get(id) ?? str(m["name"]) ?? "tool", content: contentText(m["content"]) });
  }
  return out;
}

/** Per-request answer options from the scenario. */
export interface AnswerOptions {
  /** Text before the tool calls of an answer that calls tools. */
  preamble?: boolean;
  /** Tool-call arguments cut in half: not valid JSON. */
  badArguments?: boolean;
}

/** What the `preamble` modifier makes the model say before its tool calls. */
export const PREAMBLE_TEXT = "Let me look that up for you.";

/** Builds the logical answer for a chat request body. */
export function buildAnswer(body: Record<string, unknown>, state: ResponderState, options: AnswerOptions = {}): Answer {
  state.seq += 1;
  const created = Math.floor(Date.now() / 1000);
  const bodyKey = JSON.stringify(body);
  // the same request streamed or not gets the same reasoning (signatures, encrypted data)
  const answerKey = JSON.stringify({ ...body, stream: undefined, stream_options: undefined });
  const id = `gen-${created}-${detChars(`${bodyKey}|${state.seq}`, 20)}`;
  const model = servedModel(body);
  const provider = providerName(body, model);
  const messages = arr(body["messages"]);
  const lastUser = [...messages].reverse().find((m) => isRecord(m) && m["role"] === "user");
  const prompt = isRecord(lastUser) ? contentText(lastUser["content"]) : "";
  const system = messages
    .filter((m) => isRecord(m) && (m["role"] === "system" || m["role"] === "developer"))
    .map((m) => (isRecord(m) ? contentText(m["content"]) : ""))
    .join("\n");
  const lastMessage = messages[messages.length - 1];
  const lastIsTool = isRecord(lastMessage) && lastMessage["role"] === "tool";
  const tools = functionTools(body);
  const responseFormat = isRecord(body["response_format"]) ? body["response_format"] : undefined;

  let content = "";
  let contentIsJson = false;
  let toolCalls: ToolCall[] = [];
  let finishReason: Answer["finishReason"] = "stop";
  let fixedUsage: [number, number] | undefined;
  const files = parsedFiles(messages);

  const results = lastIsTool ? trailingToolResults(messages) : [];
  const stillRequired = lastIsTool ? toolStillRequired(body, tools, messages) : undefined;
  if (tools.length > 0 && !lastIsTool && body["tool_choice"] !== "none") {
    const planned = planToolCalls(body, tools, prompt);
    toolCalls = planned.map((p, index) => ({
      id: `call_${detChars(`${bodyKey}|call|${index}|${p.tool.name}`, 24)}`,
      name: p.tool.name,
      arguments: toolArguments(p.tool, p.prompt),
    }));
    finishReason = "tool_calls";
  } else if (stillRequired) {
    toolCalls = [
      {
        id: `call_${detChars(`${bodyKey}|call|0|${stillRequired.name}`, 24)}`,
        name: stillRequired.name,
        arguments: toolArguments(stillRequired, prompt, results),
      },
    ];
    finishReason = "tool_calls";
  } else if (lastIsTool && responseFormat?.["type"] === "json_schema") {
    // the format binds every answer, the one after tool results too; string fields named like a tool take its result
    const js = isRecord(responseFormat["json_schema"]) ? responseFormat["json_schema"] : {};
    content = JSON.stringify(structuredValue(js["schema"] ?? { type: "object", properties: {} }, prompt, results));
    contentIsJson = true;
  } else if (lastIsTool) {
    content = results
      .map((r) => `Based on ${r.name}: ${r.content}`)
      .join("\n");
  } else if (responseFormat?.["type"] === "json_schema") {
    const js = isRecord(responseFormat["json_schema"]) ? responseFormat["json_schema"] : {};
    content = JSON.stringify(structuredValue(js["schema"] ?? { type: "object", properties: {} }, prompt));
    contentIsJson = true;
  } else if (responseFormat?.["type"] === "json_object") {
    content = jsonObjectAnswer(`${system}\n${prompt}`, prompt, textAnswer(prompt, system).text);
    contentIsJson = true;
  } else if (files.length > 0 && /summari|pdf|document|file/i.test(prompt)) {
    content = files
      .map((f) => `The document ${f.name} (${f.bytes > 0 ? `${f.bytes} bytes` : "fetched from its URL"}) was parsed by the emulator.`)
      .join("\n");
  } else {
    const answer = textAnswer(prompt, system);
    content = answer.text;
    fixedUsage = answer.fixedUsage;
  }
  if (options.preamble && toolCalls.length > 0) content = PREAMBLE_TEXT;
  if (options.badArguments) {
    for (const call of toolCalls) call.arguments = call.arguments.slice(0, Math.ceil(call.arguments.length / 2));
  }
  let refusal: string | null = null;
  if (/please refuse/i.test(prompt) && toolCalls.length === 0) {
    refusal = "I can't help with that request.";
    content = "";
  }

  const maxTokens = typeof body["max_tokens"] === "number" ? body["max_tokens"] : body["max_completion_tokens"];
  if (typeof maxTokens === "number" && !contentIsJson && toolCalls.length === 0) {
    const words = content.split(/(?<=\s)(?=\S)/);
    if (maxTokens < words.length) {
      content = words.slice(0, Math.max(0, maxTokens)).join("").trimEnd();
      finishReason = "length";
      fixedUsage = undefined;
    }
  }

  // Reasoning by model family.
  let reasoning: string | null = null;
  let reasoningDetails: ReasoningDetail[] = [];
  let reasoningFamily: Answer["reasoningFamily"] = null;
  let reasoningTokens = 0;
  if (reasoningWanted(body)) {
    const author = model.split("/")[0] ?? "";
    const thought = /2\s*\+\s*2/.test(prompt)
      ? "This is a simple arithmetic question. 2+2 equals 4."
      : `The user wrote: "${prompt.slice(0, 80)}". I will think it through and answer clearly and briefly.`;
    if (author === "openai") {
      reasoningFamily = "openai";
      const summary = `**Answering the question**\n\n${thought}`;
      reasoning = summary;
      reasoningDetails = [
        { type: "reasoning.summary", summary, format: "openai-responses-v1", index: 0 },
        {
          type: "reasoning.encrypted",
          data: `gAAAAA${detBase64(`enc|${answerKey}`, 192)}`,
          id: `rs_${createHash("sha256").update(`rs|${answerKey}`).digest("hex").slice(0, 50)}`,
          format: "openai-responses-v1",
          index: 1,
        },
      ];
      reasoningTokens = tokens(summary) + 32;
    } else if (author === "google") {
      reasoningFamily = "google";
      reasoningDetails = [
        { type: "reasoning.text", signature: detBase64(`gsig|${answerKey}`, 160), format: "google-gemini-v1", index: 0 },
      ];
      reasoningTokens = 25;
    } else {
      reasoningFamily = "anthropic";
      reasoning = thought;
      reasoningDetails = [
        {
          type: "reasoning.text",
          text: thought,
          signature: detBase64(`asig|${answerKey}`, 240),
          format: "anthropic-claude-v1",
          index: 0,
        },
      ];
      reasoningTokens = tokens(thought);
    }
  }

  const modalities = arr(body["modalities"]);
  const images = modalities.includes("image") ? [`data:image/png;base64,${TINY_PNG}`] : [];
  if (images.length > 0 && content === "" && toolCalls.length === 0) content = "Here is the image you asked for.";
  const webSearch = webSearchWanted(body);
  const annotations: Annotation[] = [
    ...(webSearch && toolCalls.length === 0 ? citations(prompt) : []),
    ...files.map((f) => f.annotation),
  ];
  const topLogprobs = typeof body["top_logprobs"] === "number" ? body["top_logprobs"] : 0;
  const logprobs = body["logprobs"] === true ? topLogprobs : null;

  // Usage.
  const promptChars = messages.reduce<number>((sum, m) => sum + (isRecord(m) ? contentText(m["content"]).length : 0), 0);
  let promptTokens = Math.ceil(promptChars / 4) + 3 * messages.length + (tools.length > 0 ? tokens(JSON.stringify(body["tools"])) : 0);
  const imageTokens = images.length > 0 ? 258 : 0;
  let completionTokens =
    tokens(content) + toolCalls.reduce((s, c) => s + tokens(c.name) + tokens(c.arguments), 0) + reasoningTokens + imageTokens;
  if (fixedUsage && reasoningTokens === 0) [promptTokens, completionTokens] = fixedUsage;
  let cachedTokens = 0;
  let cacheWriteTokens = 0;
  if (hasCacheControl(body)) {
    const key = JSON.stringify(messages);
    const cacheable = Math.max(1, Math.floor(promptTokens * 0.9));
    if (state.cache.has(key)) cachedTokens = cacheable;
    else {
      state.cache.add(key);
      cacheWriteTokens = cacheable;
    }
  }
  const promptCost = round9(promptTokens * 0.000003 - cachedTokens * 0.0000027 + cacheWriteTokens * 0.00000075);
  const completionCost = round9(completionTokens * 0.000015);
  const searchCost = webSearch ? 0.004 : 0;
  const usage: Record<string, JsonValue> = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost: round9(promptCost + completionCost + searchCost),
    is_byok: false,
    prompt_tokens_details: { cached_tokens: cachedTokens, cache_write_tokens: cacheWriteTokens, audio_tokens: 0, video_tokens: 0 },
    cost_details: {
      upstream_inference_cost: round9(promptCost + completionCost),
      upstream_inference_prompt_cost: promptCost,
      upstream_inference_completions_cost: completionCost,
    },
    completion_tokens_details: { reasoning_tokens: reasoningTokens, image_tokens: imageTokens, audio_tokens: 0 },
  };
  if (webSearch) usage["server_tool_use_details"] = { web_search_requests: 1, tool_calls_requested: 1, tool_calls_executed: 1 };

  const nativeFinishReason =
    finishReason === "tool_calls"
      ? "tool_calls"
      : reasoningFamily === "openai"
        ? "completed"
        : model.startsWith("anthropic/")
          ? finishReason === "length"
            ? "max_tokens"
            : "end_turn"
          : model.startsWith("google/")
            ? finishReason === "length"
              ? "MAX_TOKENS"
              : "STOP"
            : finishReason;

  return {
    id,
    created,
    model,
    provider,
    content,
    contentIsJson,
    toolCalls,
    finishReason,
    nativeFinishReason,
    reasoning,
    reasoningDetails,
    reasoningFamily,
    images,
    annotations,
    refusal,
    logprobs,
    usage,
  };
}

/** The non-streamed response body. */
export function answerJson(a: Answer): Record<string, JsonValue> {
  const message: Record<string, JsonValue> = {
    role: "assistant",
    content: a.content,
    refusal: a.refusal,
    reasoning: a.reasoning,
  };
  if (a.reasoningDetails.length > 0) message["reasoning_details"] = a.reasoningDetails;
  if (a.toolCalls.length > 0) {
    message["tool_calls"] = a.toolCalls.map((c, index) => ({
      id: c.id,
      type: "function",
      index,
      function: { name: c.name, arguments: c.arguments },
    }));
  }
  if (a.images.length > 0) {
    message["images"] = a.images.map((url, index) => ({ type: "image_url", image_url: { url }, index }));
  }
  if (a.annotations.length > 0) message["annotations"] = structuredClone(a.annotations);
  return {
    id: a.id,
    provider: a.provider,
    model: a.model,
    object: "chat.completion",
    created: a.created,
    choices: [
      {
        index: 0,
        message,
        finish_reason: a.finishReason,
        native_finish_reason: a.nativeFinishReason,
        logprobs: a.logprobs === null ? null : { content: logprobsOf(a.content, a.logprobs), refusal: null },
      },
    ],
    system_fingerprint: null,
    usage: a.usage,
  };
}

export const PROCESSING = ": OPENROUTER PROCESSING\n\n";
export const DONE = "data: [DONE]\n\n";

/** SSE frames of a streamed answer, in three parts so faults can cut between them. */
export interface StreamFrames {
  /** Processing comment, role chunk, annotations, reasoning. */
  head: string[];
  /** Content or tool-call fragments. */
  body: string[];
  /** Finish chunk, usage chunk, [DONE]. */
  tail: string[];
}

export function chunkFrame(
  a: Answer,
  delta: Record<string, JsonValue>,
  extra: Record<string, JsonValue> = {},
  finish: [JsonValue, JsonValue] = [null, null],
  logprobs: JsonValue = null,
): string {
  const chunk: Record<string, JsonValue> = {
    id: a.id,
    provider: a.provider,
    model: a.model,
    object: "chat.completion.chunk",
    created: a.created,
    choices: [
      { index: 0, delta, finish_reason: finish[0], native_finish_reason: finish[1], logprobs },
    ],
    system_fingerprint: null,
    ...extra,
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** The in-band error chunk of api.md §4.5 (documented shape). */
export function errorFrame(a: Answer): string {
  const chunk: Record<string, JsonValue> = {
    id: a.id,
    object: "chat.completion.chunk",
    created: a.created,
    model: a.model,
    provider: a.provider,
    error: { code: 502, message: "Provider disconnected mid-stream", metadata: { error_type: "provider_unavailable" } },
    choices: [{ index: 0, delta: { content: "" }, finish_reason: "error", native_finish_reason: null }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function splitWords(text: string, perChunk: number): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [text];
  const out: string[] = [];
  for (let i = 0; i < words.length; i += perChunk) out.push(words.slice(i, i + perChunk).join(""));
  return out.filter((s) => s !== "");
}

function splitSizes(text: string, rand: () => number, min: number, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = min + Math.floor(rand() * (max - min + 1));
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

export function answerStream(a: Answer): StreamFrames {
  const rand = prng(a.id);
  const anthropic = a.reasoningFamily === "anthropic";
  const base = (d: Record<string, JsonValue>): Record<string, JsonValue> =>
    anthropic ? { role: "assistant", content: "", reasoning: null, reasoning_details: [], ...d } : { role: "assistant", content: "", ...d };
  const head: string[] = [PROCESSING, chunkFrame(a, base({}))];
  let midComment = false;

  for (const annotation of a.annotations) head.push(chunkFrame(a, base({ annotations: [structuredClone(annotation)] })));

  for (const detail of a.reasoningDetails) {
    const type = detail["type"];
    const format = detail["format"] ?? null;
    const index = detail["index"] ?? 0;
    if (type === "reasoning.text" && typeof detail["text"] === "string") {
      head.push(chunkFrame(a, base({ reasoning: null, reasoning_details: [{ type, text: "", signature: "", format, index }] })));
      const pieces = splitWords(detail["text"], 3);
      pieces.forEach((piece, i) => {
        head.push(chunkFrame(a, base({ reasoning: piece, reasoning_details: [{ type, text: piece, format, index }] })));
        if (i === 0) {
          head.push(PROCESSING);
          midComment = true;
        }
      });
      head.push(chunkFrame(a, base({ reasoning: null, reasoning_details: [{ type, signature: detail["signature"] ?? "", format, index }] })));
    } else if (type === "reasoning.summary" && typeof detail["summary"] === "string") {
      for (const piece of splitWords(detail["summary"], 4)) {
        head.push(chunkFrame(a, base({ reasoning: piece, reasoning_details: [{ type, summary: piece, format, index }] })));
      }
      head.push(PROCESSING);
      midComment = true;
    } else {
      head.push(chunkFrame(a, base({ reasoning: null, reasoning_details: [detail] })));
    }
  }

  const body: string[] = [];
  if (a.toolCalls.length > 0) {
    // a preamble: the text streams before the first call
    for (const piece of a.content === "" ? [] : splitWords(a.content, 2)) body.push(chunkFrame(a, base({ content: piece })));
    const lanes = a.toolCalls.map((call, index) => {
      const frames = [
        chunkFrame(a, {
          role: "assistant",
          content: null,
          tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
        }),
      ];
      for (const piece of splitSizes(call.arguments, rand, 3, 7)) {
        frames.push(chunkFrame(a, { role: "assistant", content: null, tool_calls: [{ index, function: { arguments: piece } }] }));
      }
      return frames;
    });
    const longest = Math.max(...lanes.map((l) => l.length));
    for (let i = 0; i < longest; i++) for (const lane of lanes) if (lane[i] !== undefined) body.push(lane[i] ?? "");
  } else {
    const pieces = a.contentIsJson ? splitSizes(a.content, rand, 4, 9) : splitWords(a.content, 2);
    pieces.forEach((piece, i) => {
      const logprobs = a.logprobs === null ? null : { content: logprobsOf(piece, a.logprobs), refusal: null };
      body.push(chunkFrame(a, base({ content: piece }), {}, [null, null], logprobs));
      if (i === 0 && !midComment && pieces.length > 1) body.push(PROCESSING);
    });
    if (a.refusal !== null) for (const piece of splitWords(a.refusal, 2)) body.push(chunkFrame(a, base({ refusal: piece })));
  }

  const finishDelta: Record<string, JsonValue> = base({});
  if (a.images.length > 0) finishDelta["images"] = a.images.map((url, index) => ({ type: "image_url", image_url: { url }, index }));
  const tail = [
    chunkFrame(a, finishDelta, {}, [a.finishReason, a.nativeFinishReason]),
    chunkFrame(a, base({}), { usage: a.usage }),
    DONE,
  ];
  return { head, body, tail };
}
