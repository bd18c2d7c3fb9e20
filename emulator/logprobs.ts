/** Deterministic `logprobs.content` entries: one per word-ish token, with `top_logprobs` alternatives. */
import { createHash } from "node:crypto";
import type { TokenLogprob } from "./answer.js";
import { round9 } from "./deterministic.js";
import type { JsonValue } from "./schema_values.js";

export function logprobsOf(text: string, top: number): TokenLogprob[] {
  return (text.match(/\s*\S+\s*|\s+/g) ?? []).map((token) => {
    const logprob = -(createHash("sha256").update(token).digest().readUInt16LE(0) % 1000) / 1000;
    const bytes = [...Buffer.from(token, "utf8")];
    const alternatives: JsonValue[] = [{ token, logprob, bytes }];
    for (let i = 1; i < top; i++) alternatives.push({ token: `${token.trim()}~${i}`, logprob: round9(logprob - i), bytes: null });
    return { token, logprob, bytes, top_logprobs: alternatives.slice(0, top) };
  });
}
