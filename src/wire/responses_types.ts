// OpenRouter's Responses API shapes (POST /responses, stateless; docs/responses_api.md). Every
// field is optional unless the docs say otherwise; enums are open, as everywhere on the wire.
import type {
  OpenRouterCacheControl,
  OpenRouterImageConfig,
  OpenRouterModality,
  OpenRouterPlugin,
  OpenRouterProviderPreferences,
  OpenRouterReasoningConfig,
  OpenRouterRoute,
  OpenRouterTraceConfig,
  OpenString,
} from "./request_types.js";
import type { OpenRouterErrorObject } from "./response_types.js";

// ---------------------------------------------------------------------------
// request

export type OpenRouterResponsesInputPart =
  | { type: "input_text"; text: string }
  | { type: "input_image"; image_url?: string; detail?: OpenString<"auto" | "low" | "high"> }
  | { type: "input_file"; filename?: string; file_data?: string; file_url?: string }
  | { type: "output_text"; text: string; annotations?: unknown[] }
  | { type: string; [key: string]: unknown };

export type OpenRouterResponsesInputItem =
  | { type?: "message"; role: OpenString<"system" | "developer" | "user" | "assistant">; content: string | OpenRouterResponsesInputPart[]; id?: string; status?: string }
  | { type: "function_call"; call_id: string; name: string; arguments: string; id?: string; status?: string }
  | { type: "function_call_output"; call_id: string; output: string; id?: string }
  | OpenRouterResponsesReasoningItem
  | { type: string; [key: string]: unknown };

/** A reasoning item, as the answer sends it and the next request sends it back (encrypted content verbatim). */
export interface OpenRouterResponsesReasoningItem {
  type: "reasoning";
  id?: string;
  /** `{ type: "summary_text", text }` parts; the docs' reasoning example sends plain strings. */
  summary?: ({ type: OpenString<"summary_text">; text: string } | string)[];
  content?: { type: OpenString<"reasoning_text">; text: string }[] | null;
  encrypted_content?: string | null;
  format?: string | null;
  signature?: string | null;
  status?: string;
  [key: string]: unknown;
}

export interface OpenRouterResponsesFunctionTool {
  type: "function";
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
}

export type OpenRouterResponsesTool = OpenRouterResponsesFunctionTool | { type: string; [key: string]: unknown };

export type OpenRouterResponsesToolChoice =
  | OpenString<"auto" | "none" | "required">
  | { type: "function"; name: string }
  | { type: string; [key: string]: unknown };

export type OpenRouterResponsesTextFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown>; strict?: boolean | null; description?: string }
  | { type: string; [key: string]: unknown };

export interface OpenRouterResponsesRequest {
  model?: string;
  models?: string[];
  route?: OpenRouterRoute;
  input: string | OpenRouterResponsesInputItem[];
  instructions?: string;
  stream?: boolean;
  max_output_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  tools?: OpenRouterResponsesTool[];
  tool_choice?: OpenRouterResponsesToolChoice;
  parallel_tool_calls?: boolean;
  max_tool_calls?: number;
  text?: { format?: OpenRouterResponsesTextFormat; verbosity?: OpenString<"low" | "medium" | "high"> };
  reasoning?: OpenRouterReasoningConfig;
  provider?: OpenRouterProviderPreferences;
  plugins?: OpenRouterPlugin[];
  user?: string;
  session_id?: string;
  metadata?: Record<string, string>;
  trace?: OpenRouterTraceConfig;
  modalities?: OpenRouterModality[];
  image_config?: OpenRouterImageConfig;
  cache_control?: OpenRouterCacheControl;
  prompt_cache_key?: string;
  service_tier?: string;
  /** Refused by this package: the API is stateless. */
  store?: boolean;
  /** Refused by this package: the API is stateless. */
  previous_response_id?: string | null;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------
// response

export interface OpenRouterResponsesAnnotation {
  type: OpenString<"url_citation" | "file_citation">;
  url?: string;
  title?: string | null;
  start_index?: number | null;
  end_index?: number | null;
  [key: string]: unknown;
}

export type OpenRouterResponsesOutputPart =
  | { type: "output_text"; text: string; annotations?: OpenRouterResponsesAnnotation[] | null; logprobs?: unknown[] }
  | { type: "refusal"; refusal: string }
  | { type: string; [key: string]: unknown };

export type OpenRouterResponsesOutputItem =
  | { type: "message"; id?: string; role?: string; status?: string; content?: OpenRouterResponsesOutputPart[] | null }
  | { type: "function_call"; id?: string; call_id?: string; name?: string; arguments?: string; status?: string }
  | OpenRouterResponsesReasoningItem
  | { type: string; id?: string; [key: string]: unknown };

export interface OpenRouterResponsesUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  total_tokens?: number | null;
  input_tokens_details?: { cached_tokens?: number | null; [key: string]: unknown } | null;
  output_tokens_details?: { reasoning_tokens?: number | null; [key: string]: unknown } | null;
  cost?: number | null;
  is_byok?: boolean | null;
  cost_details?: Record<string, number | null> | null;
  [key: string]: unknown;
}

/** The body of a non-streamed response, and the `response` of the lifecycle events. */
export interface OpenRouterResponsesResult {
  id?: string;
  object?: string;
  created_at?: number;
  model?: string;
  provider?: string;
  status?: OpenString<"completed" | "incomplete" | "failed" | "in_progress" | "cancelled" | "queued">;
  output?: OpenRouterResponsesOutputItem[] | null;
  output_text?: string;
  incomplete_details?: { reason?: OpenString<"max_output_tokens" | "content_filter">; [key: string]: unknown } | null;
  error?: OpenRouterErrorObject | null;
  usage?: OpenRouterResponsesUsage | null;
  service_tier?: string | null;
  openrouter_metadata?: Record<string, unknown> | null;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------
// stream: one typed event per `data:` line

/** One event of a streamed response. `type` names it; the fields are the ones its type documents. */
export interface OpenRouterResponsesEvent {
  type: OpenString<
    | "response.created"
    | "response.in_progress"
    | "response.output_item.added"
    | "response.output_item.done"
    | "response.content_part.added"
    | "response.content_part.done"
    | "response.output_text.delta"
    | "response.output_text.done"
    | "response.output_text.annotation.added"
    | "response.refusal.delta"
    | "response.function_call_arguments.delta"
    | "response.function_call_arguments.done"
    | "response.reasoning_summary_part.added"
    | "response.reasoning_summary_text.delta"
    | "response.reasoning_summary_text.done"
    | "response.reasoning_text.delta"
    | "response.completed"
    | "response.done"
    | "response.content_part.delta"
    | "response.reasoning.delta"
    | "response.incomplete"
    | "response.failed"
    | "error"
  >;
  sequence_number?: number;
  response?: OpenRouterResponsesResult;
  item?: OpenRouterResponsesOutputItem;
  item_id?: string;
  output_index?: number;
  content_index?: number;
  summary_index?: number;
  annotation_index?: number;
  annotation?: OpenRouterResponsesAnnotation;
  delta?: string;
  text?: string;
  arguments?: string;
  /** On `error` events. */
  code?: string | number | null;
  message?: string | null;
  param?: string | null;
  [key: string]: unknown;
}
