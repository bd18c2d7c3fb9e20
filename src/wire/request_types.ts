// OpenRouter's request shapes (api.md §2). Field names are the wire's own (snake_case); enums are
// open so new values still type-check. Annotations live here too: assistant messages echo them back.

/** A string enum that also accepts values OpenRouter adds later. */
export type OpenString<Known extends string> = Known | (string & {});

// ---------------------------------------------------------------------------
// request: routing, plugins, reasoning (api.md §2.5–§2.7)

export type OpenRouterProviderSortBy = OpenString<
  "price" | "throughput" | "latency" | "exacto"
>;

export type OpenRouterQuantization = OpenString<
  | "int4"
  | "int8"
  | "fp4"
  | "mxfp4"
  | "nvfp4"
  | "fp6"
  | "fp8"
  | "mxfp8"
  | "fp16"
  | "bf16"
  | "fp32"
  | "unknown"
>;

/** Percentile thresholds for the soft latency/throughput preferences. */
export interface OpenRouterPercentiles {
  p50?: number;
  p75?: number;
  p90?: number;
  p99?: number;
}

/** Provider routing preferences (`provider` in the request body), sent verbatim. */
export interface OpenRouterProviderPreferences {
  /** Provider slugs to try in order, e.g. `["Anthropic", "google-vertex/us-east5"]`. */
  order?: string[] | null;
  /** Whether other providers may serve the request when those in `order` fail. @default true */
  allow_fallbacks?: boolean | null;
  /** Route only to providers that support every parameter of the request. @default false */
  require_parameters?: boolean | null;
  /** `"deny"` excludes providers that store or train on your data. @default "allow" */
  data_collection?: OpenString<"allow" | "deny"> | null;
  /** Only Zero-Data-Retention endpoints. */
  zdr?: boolean | null;
  /** Only models whose author allows distillation. */
  enforce_distillable_text?: boolean | null;
  /** Allow-list of providers. */
  only?: string[] | null;
  /** Deny-list of providers. */
  ignore?: string[] | null;
  /** Allowed quantization levels for open-weight models. */
  quantizations?: OpenRouterQuantization[] | null;
  /** Sort endpoints instead of load balancing: a key, or `{ by, partition }`. */
  sort?:
    | OpenRouterProviderSortBy
    | { by?: OpenRouterProviderSortBy | null; partition?: OpenString<"model" | "none"> | null }
    | null;
  /** Highest price to pay: USD per million tokens for prompt/completion, per unit otherwise. */
  max_price?: {
    prompt?: number | string;
    completion?: number | string;
    image?: number | string;
    audio?: number | string;
    request?: number | string;
  } | null;
  /** Soft preference for endpoints at or above this throughput (tokens/s; a number means p50). */
  preferred_min_throughput?: number | OpenRouterPercentiles | null;
  /** Soft preference for endpoints at or below this latency (seconds to first token). */
  preferred_max_latency?: number | OpenRouterPercentiles | null;
  [key: string]: unknown;
}

export type OpenRouterPluginId = OpenString<
  | "web"
  | "file-parser"
  | "moderation"
  | "auto-router"
  | "response-healing"
  | "context-compression"
  | "auto-beta-router"
  | "pareto-router"
  | "fusion"
  | "web-fetch"
>;

/** A plugin entry (`plugins[]`), discriminated by `id`; sent verbatim. */
export interface OpenRouterPlugin {
  id: OpenRouterPluginId;
  /** `false` turns off an account-default plugin for this request. */
  enabled?: boolean;
  /** web: number of results. */
  max_results?: number;
  /** web: prompt used to attach the results. */
  search_prompt?: string;
  /** web: search engine. */
  engine?: string;
  /** file-parser: PDF engine. */
  pdf?: { engine?: OpenString<"mistral-ocr" | "cloudflare-ai" | "native" | "pdf-text"> };
  /** auto-router: models the router may pick (wildcards allowed). */
  allowed_models?: string[];
  [key: string]: unknown;
}

export type OpenRouterReasoningEffort = OpenString<
  "max" | "xhigh" | "high" | "medium" | "low" | "minimal" | "none"
>;

/** Reasoning configuration (`reasoning` in the request body). */
export interface OpenRouterReasoningConfig {
  /** OpenAI-style effort; `"none"` disables reasoning. */
  effort?: OpenRouterReasoningEffort | null;
  /** Anthropic-style token budget (use either this or `effort`). */
  max_tokens?: number;
  /** Reason, but do not return the reasoning. @default false */
  exclude?: boolean;
  /** Turn reasoning on (medium effort) or off. */
  enabled?: boolean;
  /** OpenAI reasoning summaries. */
  summary?: OpenString<"auto" | "concise" | "detailed"> | null;
  [key: string]: unknown;
}

export type OpenRouterRoute = "fallback" | "sort";

export interface OpenRouterCacheControl {
  type: OpenString<"ephemeral">;
  ttl?: OpenString<"5m" | "1h">;
}

/** Trace metadata for OpenRouter's broadcast destinations (`trace`, e.g. Langfuse, LangSmith), sent verbatim. */
export interface OpenRouterTraceConfig {
  trace_id?: string;
  trace_name?: string;
  span_name?: string;
  generation_name?: string;
  parent_span_id?: string;
  [key: string]: unknown;
}

/** Predicted output (`prediction`): text the answer is expected to largely repeat, for lower latency. */
export interface OpenRouterPrediction {
  type: "content";
  content: string;
}

/** Output modalities (`modalities`): `["image", "text"]` for image generation, `["text", "audio"]` for audio out. */
export type OpenRouterModality = OpenString<"text" | "image" | "audio">;

/** Image generation settings (`image_config`); keys are provider-specific. */
export interface OpenRouterImageConfig {
  /** e.g. `"1:1"` (default), `"16:9"`. */
  aspect_ratio?: string;
  /** e.g. `"1K"` (default), `"2K"`, `"4K"`. */
  image_size?: string;
  [key: string]: unknown;
}

/** An approximate user location for web search. */
export interface OpenRouterUserLocation {
  type: OpenString<"approximate">;
  city?: string;
  region?: string;
  country?: string;
  timezone?: string;
}

/** Native provider web search (`web_search_options`), sent verbatim. */
export interface OpenRouterWebSearchOptions {
  search_context_size?: OpenString<"low" | "medium" | "high">;
  user_location?: OpenRouterUserLocation;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------
// request: messages and tools (api.md §2.2–§2.4)

export interface OpenRouterTextPart {
  type: "text";
  text: string;
  cache_control?: OpenRouterCacheControl;
}

export type OpenRouterContentPart =
  | OpenRouterTextPart
  | { type: "image_url"; image_url: { url: string; detail?: OpenString<"auto" | "low" | "high" | "original"> } }
  | { type: "file"; file: { filename?: string; file_data?: string; file_id?: string }; cache_control?: OpenRouterCacheControl }
  | { type: "input_audio"; input_audio: { data: string; format: string } }
  | { type: "video_url"; video_url: { url: string } }
  | { type: string; [key: string]: unknown };

export interface OpenRouterToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface OpenRouterReasoningDetail {
  type: OpenString<"reasoning.text" | "reasoning.summary" | "reasoning.encrypted" | "reasoning.server_tool_call">;
  id?: string | null;
  format?: string | null;
  index?: number;
  text?: string | null;
  signature?: string | null;
  summary?: string;
  data?: string;
  /** `reasoning.server_tool_call`: the server tool OpenRouter ran, e.g. "openrouter:datetime". */
  tool_name?: string;
  /** `reasoning.server_tool_call`: what it was called with (JSON text or an object). */
  arguments?: unknown;
  /** `reasoning.server_tool_call`: what it returned (JSON text or an object). */
  result?: unknown;
  tool_call_id?: string | null;
  [key: string]: unknown;
}

export type OpenRouterMessage =
  | { role: "system" | "developer"; content: string | OpenRouterContentPart[]; name?: string }
  | { role: "user"; content: string | OpenRouterContentPart[]; name?: string }
  | {
      role: "assistant";
      content?: string | OpenRouterContentPart[] | null;
      name?: string;
      tool_calls?: OpenRouterToolCall[];
      reasoning?: string | null;
      reasoning_details?: OpenRouterReasoningDetail[];
      annotations?: OpenRouterAnnotation[];
      [key: string]: unknown;
    }
  | { role: "tool"; content: string | OpenRouterContentPart[]; tool_call_id: string; name?: string };

export interface OpenRouterFunctionTool {
  type: "function";
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
  cache_control?: OpenRouterCacheControl;
}

/** A server tool run by OpenRouter itself, e.g. `{ type: "openrouter:web_search", parameters: {...} }`. */
export interface OpenRouterServerTool {
  type: `openrouter:${string}`;
  parameters?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The `openrouter:web_search` server tool's parameters (api.md §2.3), sent verbatim. */
export interface OpenRouterWebSearchParameters {
  /** Search engine. @default "auto" */
  engine?: OpenString<"auto" | "native" | "exa" | "firecrawl" | "parallel" | "perplexity">;
  /** Engine-specific search mode. */
  mode?: string;
  /** Results per search, 1–25. @default 5 */
  max_results?: number;
  /** Searches per request. */
  max_uses?: number;
  /** Results across all searches. @default 50 */
  max_total_results?: number;
  /** How much search context the model gets. */
  search_context_size?: OpenString<"low" | "medium" | "high">;
  /** Characters per result. */
  max_characters?: number;
  /** Prompt used to attach the results. */
  search_prompt?: string;
  /** Only these domains (not with `excluded_domains`). */
  allowed_domains?: string[];
  /** Never these domains (not with `allowed_domains`). */
  excluded_domains?: string[];
  user_location?: OpenRouterUserLocation;
  [key: string]: unknown;
}

/** `{ type: "openrouter:web_search", parameters }`: web search run by OpenRouter; results come back as citations. */
export interface OpenRouterWebSearchTool extends OpenRouterServerTool {
  type: "openrouter:web_search";
  parameters?: OpenRouterWebSearchParameters;
}

/** The `openrouter:web_fetch` server tool's parameters: OpenRouter fetches a URL the model names and returns its text. */
export interface OpenRouterWebFetchParameters {
  /** Fetch engine. @default "auto" (the provider's own fetch when it has one, else Exa) */
  engine?: OpenString<"auto" | "native" | "exa" | "openrouter" | "firecrawl" | "parallel">;
  /** Fetches per request; past it the tool returns an error. */
  max_uses?: number;
  /** Content per fetch, in approximate tokens; longer content is truncated. */
  max_content_tokens?: number;
  /** Only these domains (not with `blocked_domains`). */
  allowed_domains?: string[];
  /** Never these domains. */
  blocked_domains?: string[];
  [key: string]: unknown;
}

/** The `openrouter:datetime` server tool's parameters. */
export interface OpenRouterDatetimeParameters {
  /** IANA time zone, e.g. "Europe/Paris". @default UTC (an unknown zone falls back to UTC) */
  timezone?: string;
  [key: string]: unknown;
}

/** The `openrouter:image_generation` server tool's parameters: any `image_config` key plus the image model. */
export interface OpenRouterImageGenerationParameters extends OpenRouterImageConfig {
  /** The image model. @default "openai/gpt-5-image" */
  model?: string;
}

/** One `openrouter:advisor` entry: a stronger model the running model may consult mid-generation. */
export interface OpenRouterAdvisorParameters {
  /** The advisor's model, e.g. "~anthropic/claude-opus-latest". */
  model?: string;
  /** The advisor's name, when several are offered (at most one may go without). */
  name?: string;
  /** The advisor's own instructions. */
  instructions?: string;
  [key: string]: unknown;
}

/** The `openrouter:fusion` server tool's parameters: a panel of models, summarised by a judge. */
export interface OpenRouterFusionParameters {
  /** The panel, e.g. ["~openai/gpt-latest", "~google/gemini-pro-latest"]. */
  analysis_models?: string[];
  /** The model that summarises the panel. */
  judge_model?: string;
  [key: string]: unknown;
}

/** `{ type: "openrouter:web_fetch", parameters }`. */
export interface OpenRouterWebFetchTool extends OpenRouterServerTool {
  type: "openrouter:web_fetch";
  parameters?: OpenRouterWebFetchParameters;
}

/** `{ type: "openrouter:datetime", parameters }`. */
export interface OpenRouterDatetimeTool extends OpenRouterServerTool {
  type: "openrouter:datetime";
  parameters?: OpenRouterDatetimeParameters;
}

/** `{ type: "openrouter:image_generation", parameters }`. */
export interface OpenRouterImageGenerationTool extends OpenRouterServerTool {
  type: "openrouter:image_generation";
  parameters?: OpenRouterImageGenerationParameters;
}

/** `{ type: "openrouter:advisor", parameters }`. */
export interface OpenRouterAdvisorTool extends OpenRouterServerTool {
  type: "openrouter:advisor";
  parameters?: OpenRouterAdvisorParameters;
}

/** `{ type: "openrouter:fusion", parameters }`. */
export interface OpenRouterFusionTool extends OpenRouterServerTool {
  type: "openrouter:fusion";
  parameters?: OpenRouterFusionParameters;
}

export type OpenRouterTool = OpenRouterFunctionTool | OpenRouterServerTool;

export type OpenRouterToolChoice =
  | "none"
  | "auto"
  | "required"
  | { type: "function"; function: { name: string } }
  | { type: string; [key: string]: unknown };

export type OpenRouterResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | {
      type: "json_schema";
      json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean | null };
    }
  | { type: string; [key: string]: unknown };

/** The body of `POST /chat/completions`. */
/** How long the answer runs (`verbosity`, api.md §2.1); Anthropic maps it to `output_config.effort`. */
export type OpenRouterVerbosity = OpenString<"low" | "medium" | "high" | "xhigh" | "max">;

/** The tier to serve at (`service_tier`); `fast` is an alias of `priority`. Echoed on the answer. */
export type OpenRouterServiceTier = OpenString<"auto" | "default" | "fast" | "flex" | "priority" | "scale">;

/** `debug` (streaming only): the first chunk then carries `debug.echo_upstream_body`. */
export interface OpenRouterDebugOptions {
  echo_upstream_body?: boolean;
  [key: string]: unknown;
}

/** One condition of `stop_server_tools_when`, e.g. `{ type: "step_count_is", count: 3 }` (open: sent as given). */
export interface OpenRouterStopServerToolsCondition {
  type: OpenString<"step_count_is" | "has_tool_call" | "max_tokens_used" | "max_cost" | "finish_reason_is">;
  [key: string]: unknown;
}

/** `prompt_cache_options` (OpenAI GPT-5.6+): explicit caching with an optional TTL. */
export interface OpenRouterPromptCacheOptions {
  mode: OpenString<"explicit">;
  ttl?: string | null;
}

/** `audio` output: a voice (`alloy`, `echo`, `nova`, …) and a format (`wav`, `mp3`, `flac`, `opus`, `pcm16`). Streams only. */
export interface OpenRouterAudioOutput {
  voice: string;
  format: OpenString<"wav" | "mp3" | "flac" | "opus" | "pcm16">;
}

/** xAI's search filter (`x_search_filter`), with web search. */
export interface OpenRouterXSearchFilter {
  allowed_x_handles?: string[];
  excluded_x_handles?: string[];
  from_date?: string;
  to_date?: string;
  enable_image_understanding?: boolean;
  enable_video_understanding?: boolean;
  [key: string]: unknown;
}

export interface OpenRouterChatRequest {
  model?: string;
  models?: string[];
  route?: OpenRouterRoute;
  messages: OpenRouterMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  min_p?: number;
  top_a?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  repetition_penalty?: number;
  seed?: number;
  stop?: string[];
  logit_bias?: Record<string, number>;
  logprobs?: boolean;
  top_logprobs?: number;
  user?: string;
  session_id?: string;
  trace?: OpenRouterTraceConfig;
  transforms?: string[];
  prediction?: OpenRouterPrediction;
  provider?: OpenRouterProviderPreferences;
  plugins?: OpenRouterPlugin[];
  reasoning?: OpenRouterReasoningConfig;
  include_reasoning?: boolean;
  modalities?: OpenRouterModality[];
  image_config?: OpenRouterImageConfig;
  cache_control?: OpenRouterCacheControl;
  prompt_cache_key?: string;
  web_search_options?: OpenRouterWebSearchOptions;
  max_completion_tokens?: number;
  verbosity?: OpenRouterVerbosity;
  service_tier?: OpenRouterServiceTier;
  /** OpenRouter's request metadata: ≤16 string pairs (key ≤64, value ≤512 characters). */
  metadata?: Record<string, string>;
  debug?: OpenRouterDebugOptions;
  preset?: string;
  max_tool_calls?: number;
  stop_server_tools_when?: OpenRouterStopServerToolsCondition[];
  prompt_cache_options?: OpenRouterPromptCacheOptions;
  audio?: OpenRouterAudioOutput;
  x_search_filter?: OpenRouterXSearchFilter;
  tools?: OpenRouterTool[];
  tool_choice?: OpenRouterToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: OpenRouterResponseFormat;
  [key: string]: unknown;
}

/** A citation or parsed-file annotation (api.md §3.3); sent back on assistant messages. */
export interface OpenRouterAnnotation {
  type: OpenString<"url_citation" | "file" | "file_annotation">;
  url_citation?: {
    url: string;
    title?: string | null;
    content?: string | null;
    start_index?: number | null;
    end_index?: number | null;
  };
  file?: {
    hash?: string;
    name?: string;
    content?: ({ type: "text"; text: string } | { type: "image_url"; image_url: { url: string } } | { type: string; [key: string]: unknown })[];
  };
  [key: string]: unknown;
}
