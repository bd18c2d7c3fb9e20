/**
 * Reasoning by model family, as each provider sends it through OpenRouter: `anthropic/*` text
 * and a signature, `openai/*` a summary and encrypted data, `google/*` a signature only (others
 * as anthropic). Signatures derive from the request without `stream`, so both modes agree.
 */
import type { ReasoningDetail, ReasoningFamily } from "./answer.js";
import { detBase64, sha256Hex, tokenCount } from "./deterministic.js";

export interface Reasoning {
  family: ReasoningFamily;
  /** `message.reasoning` (null when the family sends no readable text). */
  text: string | null;
  details: ReasoningDetail[];
  tokens: number;
}

/** What the model "thinks": the scenario's `think:` text, else a line about the prompt. */
function thought(prompt: string, think: string | undefined): string {
  if (think !== undefined) return think;
  if (/2\s*\+\s*2/.test(prompt)) return "This is a simple arithmetic question. 2+2 equals 4.";
  return `The user wrote: "${prompt.slice(0, 80)}". I will think it through and answer clearly and briefly.`;
}

export function reasoningFor(model: string, prompt: string, answerKey: string, think?: string): Reasoning {
  const author = model.split("/")[0] ?? "";
  const text = thought(prompt, think);
  if (author === "openai") {
    const summary = `**Answering the question**\n\n${text}`;
    return {
      family: "openai",
      text: summary,
      details: [
        { type: "reasoning.summary", summary, format: "openai-responses-v1", index: 0 },
        {
          type: "reasoning.encrypted",
          data: `gAAAAA${detBase64(`enc|${answerKey}`, 192)}`,
          id: `rs_${sha256Hex(`rs|${answerKey}`).slice(0, 50)}`,
          format: "openai-responses-v1",
          index: 1,
        },
      ],
      tokens: tokenCount(summary) + 32,
    };
  }
  if (author === "google") {
    return {
      family: "google",
      text: null,
      details: [{ type: "reasoning.text", signature: detBase64(`gsig|${answerKey}`, 160), format: "google-gemini-v1", index: 0 }],
      tokens: 25,
    };
  }
  return {
    family: "anthropic",
    text,
    details: [{ type: "reasoning.text", text, signature: detBase64(`asig|${answerKey}`, 240), format: "anthropic-claude-v1", index: 0 }],
    tokens: tokenCount(text),
  };
}
