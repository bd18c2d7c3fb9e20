/**
 * The deterministic "smart" responder behind the `ok` scenario: `buildAnswer` turns a chat
 * request into one logical answer, which render_json.ts and render_sse.ts send, so both modes
 * give the same answer. Each decision lives in its own file; this one puts them in order.
 */
import { citations, parsedFiles } from "./annotations.js";
import type { Answer, FinishReason } from "./answer.js";
import { arr, maxTokens, readChatRequest, reasoningWanted, trailingToolResults, webSearchWanted } from "./chat_request.js";
import { contentFor, truncatedText, type Content } from "./canned_content.js";
import { detChars, tokenCount } from "./deterministic.js";
import { reasoningFor } from "./reasoning.js";
import { serverToolRuns } from "./server_tools.js";
import type { EmulatorState } from "./state.js";
import { toolCallsFor } from "./tool_planning.js";
import { nativeFinishReason, usageOf } from "./usage.js";

/** Per-request answer options from the scenario (see scenarios.ts). */
export interface AnswerOptions {
  /** Text before the tool calls of an answer that calls tools. */
  preamble?: boolean;
  /** Tool-call arguments cut in half: not valid JSON. */
  badArguments?: boolean;
  /** `say:<text>`: the text of an answer that calls no tools. */
  say?: string;
  /** `refuse[:<text>]`: a refusal (this text, or REFUSAL_TEXT) and empty content. */
  refuse?: string;
  /** `think:<text>`: the reasoning text, when the request asks for reasoning. */
  think?: string;
  /** `usage:<prompt>:<completion>`: the token counts reported, whatever the answer. */
  usage?: [number, number];
}

/** What the `preamble` modifier makes the model say before its tool calls. */
export const PREAMBLE_TEXT = "Let me look that up for you.";

/** What a refusal says unless `refuse:<text>` names it. */
export const REFUSAL_TEXT = "I can't help with that request.";

export const TINY_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** A clip standing for the spoken answer: deterministic bytes (not real speech), the text as its transcript. */
function audioOf(id: string, transcript: string, created: number): NonNullable<Answer["audio"]> {
  const bytes = Buffer.from(`RIFF-emulated-audio:${transcript}`, "utf8");
  return { id: `audio_${id.slice(4, 16)}`, data: bytes.toString("base64"), transcript, expiresAt: created + 3600 };
}

/** Builds the logical answer for a chat request body. */
export function buildAnswer(body: Record<string, unknown>, state: EmulatorState, options: AnswerOptions = {}): Answer {
  state.seq += 1;
  const created = Math.floor(Date.now() / 1000);
  const request = readChatRequest(body);
  const { model, prompt } = request;
  const id = `gen-${created}-${detChars(`${request.bodyKey}|${state.seq}`, 20)}`;
  const files = parsedFiles(request.messages);
  const results = request.lastIsTool ? trailingToolResults(request.messages) : [];

  // what it says: tool calls, else content by the rules of canned_content.ts
  const toolCalls = toolCallsFor(request, results);
  const serverTools = request.lastIsTool ? { details: [] } : serverToolRuns(body, prompt, created);
  if (options.badArguments) {
    for (const call of toolCalls) call.arguments = call.arguments.slice(0, Math.ceil(call.arguments.length / 2));
  }
  let content: Content =
    toolCalls.length > 0
      ? { text: options.preamble ? PREAMBLE_TEXT : "", isJson: false }
      : contentFor({ request, results, files, say: options.say ?? serverTools.say });
  let finishReason: FinishReason = toolCalls.length > 0 ? "tool_calls" : "stop";
  let refusal: string | null = null;
  // the `refuse` scenario refuses whatever was asked, forced tool calls too; the prompt only a text answer
  if (options.refuse !== undefined || (toolCalls.length === 0 && /please refuse/i.test(prompt))) {
    refusal = options.refuse ?? REFUSAL_TEXT;
    toolCalls.length = 0;
    finishReason = "stop";
    content = { text: "", isJson: false };
  }
  // audio out: the words are spoken, so they come as the clip's transcript and the content is empty
  let audio: Answer["audio"];
  if (arr(body["modalities"]).includes("audio") && toolCalls.length === 0 && refusal === null) {
    audio = audioOf(id, content.text, created);
    content = { text: "", isJson: false };
  }
  const limit = maxTokens(body);
  if (limit !== undefined && !content.isJson && toolCalls.length === 0) {
    const cut = truncatedText(content.text, limit);
    if (cut !== undefined) {
      content = { text: cut, isJson: false };
      finishReason = "length";
    }
  }

  // what comes with it
  const reasoning = reasoningWanted(body) ? reasoningFor(model, prompt, request.answerKey, options.think) : undefined;
  const images = arr(body["modalities"]).includes("image") ? [`data:image/png;base64,${TINY_PNG}`] : [];
  if (images.length > 0 && content.text === "" && toolCalls.length === 0) content = { text: "Here is the image you asked for.", isJson: false };
  const webSearch = webSearchWanted(body);
  const annotations = [...(webSearch && toolCalls.length === 0 ? citations(prompt) : []), ...files.map((file) => file.annotation)];
  const topLogprobs = typeof body["top_logprobs"] === "number" ? body["top_logprobs"] : 0;

  const reasoningTokens = reasoning?.tokens ?? 0;
  const imageTokens = images.length > 0 ? 258 : 0;
  const cannedUsage = finishReason !== "length" && reasoningTokens === 0 ? content.fixedUsage : undefined;
  const usage = usageOf(
    {
      request,
      completionTokens:
        tokenCount(content.text) + toolCalls.reduce((sum, call) => sum + tokenCount(call.name) + tokenCount(call.arguments), 0) + reasoningTokens + imageTokens,
      reasoningTokens,
      imageTokens,
      fixedUsage: options.usage ?? cannedUsage,
      webSearch,
      serverToolCalls: serverTools.details.length,
    },
    state,
  );

  return {
    id,
    created,
    model,
    provider: request.provider,
    content: content.text,
    contentIsJson: content.isJson,
    toolCalls,
    finishReason,
    nativeFinishReason: nativeFinishReason(finishReason, model, reasoning?.family ?? null),
    reasoning: reasoning?.text ?? null,
    reasoningDetails: [...serverTools.details, ...(reasoning?.details ?? [])],
    reasoningFamily: reasoning?.family ?? null,
    images,
    annotations,
    refusal,
    logprobs: body["logprobs"] === true ? topLogprobs : null,
    usage,
    ...(audio ? { audio } : {}),
  };
}
