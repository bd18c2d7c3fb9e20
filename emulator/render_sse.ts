/**
 * The SSE frames of a streamed answer: processing comment, role chunk, annotations, reasoning,
 * content or tool-call fragments (one more processing comment mid-stream), finish chunk, usage
 * chunk with `finish_reason: null`, `[DONE]`.
 */
import type { Answer } from "./answer.js";
import { prng } from "./deterministic.js";
import { logprobsOf } from "./logprobs.js";
import type { JsonValue } from "./schema_values.js";

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

/** `text` in pieces of `perChunk` words (each with its surrounding spaces). */
export function splitWords(text: string, perChunk: number): string[] {
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
  if (a.audio !== undefined) {
    // as OpenAI's audio streams: the id first, then base64 data and transcript pieces, expires_at last
    const { id, data, transcript, expiresAt } = a.audio;
    const words = splitWords(transcript, 2);
    const size = Math.ceil(data.length / Math.max(1, words.length) / 4) * 4;
    body.push(chunkFrame(a, base({ audio: { id } })));
    words.forEach((piece, i) => body.push(chunkFrame(a, base({ audio: { data: data.slice(i * size, (i + 1) * size), transcript: piece } }))));
    if (words.length * size < data.length) body.push(chunkFrame(a, base({ audio: { data: data.slice(words.length * size) } })));
    body.push(chunkFrame(a, base({ audio: { expires_at: expiresAt } })));
  }

  const finishDelta: Record<string, JsonValue> = base({});
  if (a.images.length > 0) finishDelta["images"] = a.images.map((url, index) => ({ type: "image_url", image_url: { url }, index }));
  const tail = [
    chunkFrame(a, finishDelta, {}, [a.finishReason, a.nativeFinishReason]),
    chunkFrame(a, base({}), { usage: a.usage, ...(a.openrouterMetadata ? { openrouter_metadata: a.openrouterMetadata } : {}) }),
    DONE,
  ];
  return { head, body, tail };
}
