// OpenRouter's response and stream shapes (api.md §3–§5). Every field is optional and nullable
// unless a fixture proves otherwise.
import type { OpenRouterAnnotation, OpenRouterReasoningDetail, OpenString } from "./request_types.js";

// response (api.md §3)

export type OpenRouterFinishReason = OpenString<
  "stop" | "length" | "tool_calls" | "content_filter" | "error"
>;

export interface OpenRouterUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: {
    cached_tokens?: number | null;
    cache_write_tokens?: number | null;
    audio_tokens?: number | null;
    video_tokens?: number | null;
    [key: string]: unknown;
  } | null;
  completion_tokens_details?: {
    reasoning_tokens?: number | null;
    image_tokens?: number | null;
    audio_tokens?: number | null;
    [key: string]: unknown;
  } | null;
  cost?: number | null;
  is_byok?: boolean | null;
  cost_details?: Record<string, number | null> | null;
  server_tool_use_details?: Record<string, number | null> | null;
  [key: string]: unknown;
}

export interface OpenRouterResponseToolCall {
  id?: string | null;
  type?: string | null;
  index?: number | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

/** One token's log probability (`choices[].logprobs.content[]`). */
export interface OpenRouterTokenLogprob {
  token: string;
  logprob: number;
  bytes?: number[] | null;
  top_logprobs?: { token: string; logprob: number; bytes?: number[] | null }[];
  [key: string]: unknown;
}

/** `choices[].logprobs`: per-token log probabilities of the content (and refusal). */
export interface OpenRouterLogprobs {
  content?: OpenRouterTokenLogprob[] | null;
  refusal?: OpenRouterTokenLogprob[] | null;
  [key: string]: unknown;
}

export interface OpenRouterImage {
  type: OpenString<"image_url">;
  image_url: { url: string };
  index?: number;
}

/** `error` on a stream chunk, inside a 200 choice, or in a non-2xx envelope (api.md §5.1). */
export interface OpenRouterErrorObject {
  code?: number | string | null;
  message?: string | null;
  metadata?: Record<string, unknown> | null;
  availability?: {
    code?: string;
    retryable?: boolean;
    retry_after?: number | null;
    [key: string]: unknown;
  } | null;
  error_type?: string | null;
  http_status?: number | null;
  [key: string]: unknown;
}

export interface OpenRouterErrorBody {
  error?: OpenRouterErrorObject | null;
  user_id?: string | null;
  [key: string]: unknown;
}

export interface OpenRouterResponseMessage {
  role?: string | null;
  content?: string | null;
  refusal?: string | null;
  reasoning?: string | null;
  reasoning_details?: OpenRouterReasoningDetail[] | null;
  tool_calls?: OpenRouterResponseToolCall[] | null;
  annotations?: OpenRouterAnnotation[] | null;
  images?: OpenRouterImage[] | null;
  audio?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export interface OpenRouterChoice {
  index?: number;
  message?: OpenRouterResponseMessage | null;
  finish_reason?: OpenRouterFinishReason | null;
  native_finish_reason?: string | null;
  logprobs?: OpenRouterLogprobs | null;
  error?: OpenRouterErrorObject | null;
}

/** The body of a non-streamed `chat.completion`. */
export interface OpenRouterChatResponse {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  provider?: string;
  choices?: OpenRouterChoice[] | null;
  usage?: OpenRouterUsage | null;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  error?: OpenRouterErrorObject | null;
  user_id?: string | null;
  /** Routing facts, with the `X-OpenRouter-Metadata: enabled` request header (api.md §3.1). */
  openrouter_metadata?: Record<string, unknown> | null;
  /** Responses API answers only (read through convert/from_responses_*.ts): why the answer is incomplete, the output items no chat field holds. */
  incomplete_details?: Record<string, unknown> | null;
  output_items?: unknown[] | null;
  responses_fields?: Record<string, unknown> | null;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------
// stream (api.md §4)

/** A stream delta has the message's fields, each one a fragment of it (api.md §4.2). */
export type OpenRouterDelta = OpenRouterResponseMessage;

export interface OpenRouterStreamChoice {
  index?: number;
  delta?: OpenRouterDelta | null;
  finish_reason?: OpenRouterFinishReason | null;
  native_finish_reason?: string | null;
  logprobs?: OpenRouterLogprobs | null;
  error?: OpenRouterErrorObject | null;
}

/** One `data:` event of a streamed `chat.completion.chunk`. */
export interface OpenRouterStreamChunk {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  provider?: string;
  choices?: OpenRouterStreamChoice[] | null;
  usage?: OpenRouterUsage | null;
  error?: OpenRouterErrorObject | null;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  openrouter_metadata?: Record<string, unknown> | null;
  /** With `debug.echo_upstream_body`: the first chunk's copy of the upstream request (api.md §4.6). */
  debug?: Record<string, unknown> | null;
  /** Responses API answers only (read through convert/from_responses_*.ts): why the answer is incomplete, the output items no chat field holds. */
  incomplete_details?: Record<string, unknown> | null;
  output_items?: unknown[] | null;
  responses_fields?: Record<string, unknown> | null;
  [key: string]: unknown;
}
