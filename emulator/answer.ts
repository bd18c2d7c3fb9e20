/** The one logical chat answer the responder builds and the renderers send as JSON or SSE. */
import type { JsonValue } from "./schema_values.js";

export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ReasoningDetail = Record<string, JsonValue>;

export type ReasoningFamily = "anthropic" | "openai" | "google";

export type Annotation =
  | {
      type: "url_citation";
      url_citation: { url: string; title: string; content: string; start_index: number; end_index: number };
    }
  | { type: "file"; file: { hash: string; name: string; content: { type: "text"; text: string }[] } };

/** Per-token log probabilities (`choices[].logprobs.content[]`). */
export type TokenLogprob = Record<string, JsonValue>;

export type FinishReason = "stop" | "length" | "tool_calls";

export interface Answer {
  id: string;
  created: number;
  model: string;
  provider: string;
  content: string;
  /** Content is JSON text: stream it in small character pieces. */
  contentIsJson: boolean;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  nativeFinishReason: string;
  reasoning: string | null;
  reasoningDetails: ReasoningDetail[];
  reasoningFamily: ReasoningFamily | null;
  images: string[];
  annotations: Annotation[];
  /** Set for a refusal (`refuse` scenario, or a "please refuse" prompt): sent as `refusal`, content empty. */
  refusal: string | null;
  /** `top_logprobs` count when the request set `logprobs: true`, else null. */
  logprobs: number | null;
  usage: Record<string, JsonValue>;
  /** Audio output (`modalities` with "audio", streams only): the whole clip base64, its transcript, and id. */
  audio?: { id: string; data: string; transcript: string; expiresAt: number };
  /** The routing decision, when the request sent `X-OpenRouter-Metadata: enabled` (api.md §3.1); on the body and the usage chunk. */
  openrouterMetadata?: Record<string, JsonValue>;
}
