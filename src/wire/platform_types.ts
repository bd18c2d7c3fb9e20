// Wire shapes of OpenRouter's endpoints besides chat completions (api.md §6): models, endpoints,
// generation, key, credits, embeddings. Exactly the wire names; lenient (every response field
// optional or nullable, enums open, unknown fields kept through the index signatures).
import type {
  OpenRouterPercentiles,
  OpenRouterProviderPreferences,
  OpenRouterQuantization,
  OpenRouterReasoningEffort,
  OpenString,
} from "./types.js";

export type OpenRouterInputModality = OpenString<"text" | "image" | "file" | "audio" | "video">;
export type OpenRouterOutputModality = OpenString<
  "text" | "image" | "embeddings" | "audio" | "video" | "rerank" | "speech" | "transcription"
>;

/** `architecture` of a model (models-list.excerpt.json). */
export interface OpenRouterModelArchitecture {
  /** e.g. `"text+image->text"`. */
  modality?: string | null;
  input_modalities?: OpenRouterInputModality[];
  output_modalities?: OpenRouterOutputModality[];
  /** `"GPT"`, `"Claude"`, `"Gemini"`, …, `"Router"`. */
  tokenizer?: string | null;
  instruct_type?: string | null;
  [key: string]: unknown;
}

/** Prices as decimal strings in USD per token (per image or per request where named). */
export interface OpenRouterPricing {
  prompt?: string;
  completion?: string;
  request?: string;
  image?: string;
  image_output?: string;
  image_token?: string;
  audio?: string;
  audio_output?: string;
  input_audio_cache?: string;
  web_search?: string;
  internal_reasoning?: string;
  input_cache_read?: string;
  input_cache_write?: string;
  input_cache_write_1h?: string;
  discount?: number;
  [key: string]: unknown;
}

/** `reasoning` of a model; absent for non-reasoning and router models. */
export interface OpenRouterModelReasoning {
  supported_efforts?: OpenRouterReasoningEffort[] | null;
  default_effort?: OpenRouterReasoningEffort | null;
  default_enabled?: boolean | null;
  supports_max_tokens?: boolean | null;
  mandatory?: boolean | null;
  [key: string]: unknown;
}

/** One entry of `GET /models` (api.md §6.1). */
export interface OpenRouterModel {
  /** `author/slug`, e.g. `"anthropic/claude-sonnet-4.5"`. */
  id: string;
  /** e.g. `"anthropic/claude-4.5-sonnet-20250929"`. */
  canonical_slug?: string | null;
  hugging_face_id?: string | null;
  name?: string;
  description?: string;
  /** Unix seconds. */
  created?: number;
  context_length?: number | null;
  architecture?: OpenRouterModelArchitecture;
  pricing?: OpenRouterPricing;
  top_provider?: {
    context_length?: number | null;
    max_completion_tokens?: number | null;
    is_moderated?: boolean;
    [key: string]: unknown;
  } | null;
  per_request_limits?: { prompt_tokens?: number | string; completion_tokens?: number | string; [key: string]: unknown } | null;
  /** Request parameters some provider of this model accepts (`tools`, `response_format`, `reasoning`, …). Open list. */
  supported_parameters?: string[];
  default_parameters?: Record<string, number | null> | null;
  supported_voices?: string[] | null;
  reasoning?: OpenRouterModelReasoning | null;
  /** `YYYY-MM-DD`. */
  expiration_date?: string | null;
  knowledge_cutoff?: string | null;
  links?: { details?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** `GET /models` response. */
export interface OpenRouterModelsResponse {
  data: OpenRouterModel[];
  links?: { next?: string | null };
  total_count?: number;
}

/** One provider endpoint serving a model (api.md §6.2, SPEC `PublicEndpoint`). */
export interface OpenRouterModelEndpoint {
  /** e.g. `"OpenAI: GPT-4"`. */
  name?: string;
  model_id?: string;
  model_name?: string;
  /** Display name, e.g. `"OpenAI"`. */
  provider_name?: string;
  /** Slug for `provider.order` / `provider.only`, e.g. `"openai"` or `"deepinfra/turbo"`. */
  tag?: string;
  context_length?: number | null;
  max_completion_tokens?: number | null;
  max_prompt_tokens?: number | null;
  pricing?: OpenRouterPricing;
  quantization?: OpenRouterQuantization | null;
  supported_parameters?: string[];
  supports_implicit_caching?: boolean;
  /** 0 = ok; other values (−1, −2, −3, −5, −10) are undocumented degradations. */
  status?: number;
  /** Percentages. */
  uptime_last_5m?: number | null;
  uptime_last_30m?: number | null;
  uptime_last_1d?: number | null;
  /** Null when the request was unauthenticated. */
  latency_last_30m?: OpenRouterPercentiles | null;
  throughput_last_30m?: OpenRouterPercentiles | null;
  [key: string]: unknown;
}

/** `GET /models/{author}/{slug}/endpoints` → `data`. */
export interface OpenRouterModelEndpoints {
  id: string;
  name?: string;
  created?: number;
  description?: string;
  architecture?: OpenRouterModelArchitecture;
  endpoints: OpenRouterModelEndpoint[];
  [key: string]: unknown;
}

/** `GET /generation?id=` → `data`: what one generation cost and who served it (api.md §6.3). */
export interface OpenRouterGeneration {
  id: string;
  upstream_id?: string | null;
  /** The model that served it. */
  model?: string | null;
  provider_name?: string | null;
  router?: string | null;
  request_id?: string | null;
  session_id?: string | null;
  preset_id?: string | null;
  workspace_id?: string | null;
  app_id?: number | null;
  /** ISO timestamp. */
  created_at?: string | null;
  streamed?: boolean | null;
  cancelled?: boolean | null;
  /** Milliseconds from request to last token. */
  latency?: number | null;
  /** Milliseconds spent generating. */
  generation_time?: number | null;
  moderation_latency?: number | null;
  finish_reason?: string | null;
  native_finish_reason?: string | null;
  /** Tokens counted with OpenRouter's normalised (GPT) tokenizer. */
  tokens_prompt?: number | null;
  tokens_completion?: number | null;
  /** Tokens as the provider counted (and billed) them. */
  native_tokens_prompt?: number | null;
  native_tokens_completion?: number | null;
  native_tokens_reasoning?: number | null;
  native_tokens_cached?: number | null;
  native_tokens_completion_images?: number | null;
  num_media_prompt?: number | null;
  num_media_completion?: number | null;
  num_input_audio_prompt?: number | null;
  num_search_results?: number | null;
  num_fetches?: number | null;
  web_search_engine?: string | null;
  /** USD charged. */
  usage?: number | null;
  /** USD, total. */
  total_cost?: number | null;
  cache_discount?: number | null;
  /** USD the upstream provider charged (BYOK). */
  upstream_inference_cost?: number | null;
  is_byok?: boolean | null;
  service_tier?: string | null;
  /** `completions`, `embeddings`, `rerank`, `tts`, `stt`, `video`, `image`. */
  api_type?: string | null;
  /** The `user` sent with the request. */
  external_user?: string | null;
  origin?: string | null;
  http_referer?: string | null;
  user_agent?: string | null;
  /** Fallback attempts, when any. */
  provider_responses?: Record<string, unknown>[] | null;
  data_region?: string | null;
  response_cache_source_id?: string | null;
  [key: string]: unknown;
}

/** `GET /key` → `data`: the calling key's limit and usage, in USD (api.md §6.4). */
export interface OpenRouterKeyInfo {
  /** The key, masked, e.g. `"sk-or-v1-au7...890"`. */
  label?: string;
  /** Spending limit, or null for none. */
  limit?: number | null;
  limit_remaining?: number | null;
  /** e.g. `"monthly"`, or null. */
  limit_reset?: string | null;
  include_byok_in_limit?: boolean;
  usage?: number;
  usage_daily?: number;
  usage_weekly?: number;
  usage_monthly?: number;
  byok_usage?: number;
  byok_usage_daily?: number;
  byok_usage_weekly?: number;
  byok_usage_monthly?: number;
  is_free_tier?: boolean;
  is_management_key?: boolean;
  /** Deprecated by OpenRouter. */
  is_provisioning_key?: boolean;
  creator_user_id?: string | null;
  expires_at?: string | null;
  /** Deprecated by OpenRouter ("safe to ignore"). */
  rate_limit?: { requests?: number; interval?: string; note?: string } | null;
  [key: string]: unknown;
}

/** `GET /credits` → `data`, in USD (api.md §6.5). */
export interface OpenRouterCredits {
  total_credits: number;
  total_usage: number;
  [key: string]: unknown;
}

/** A text part of a multimodal embedding input. */
export interface OpenRouterEmbeddingTextPart {
  type: "text";
  text: string;
}

/** An image part of a multimodal embedding input: an https URL or a `data:image/…;base64,` URL. */
export interface OpenRouterEmbeddingImagePart {
  type: "image_url";
  image_url: { url: string };
}

export type OpenRouterEmbeddingContentPart = OpenRouterEmbeddingTextPart | OpenRouterEmbeddingImagePart;

/** One multimodal input of `POST /embeddings`: its parts are embedded together, as one vector. */
export interface OpenRouterEmbeddingContentInput {
  content: OpenRouterEmbeddingContentPart[];
}

/** `POST /embeddings` request body (api.md §6.6). */
export interface OpenRouterEmbeddingsRequest {
  model: string;
  input: string | string[] | number[] | number[][] | OpenRouterEmbeddingContentInput[] | Record<string, unknown>[];
  encoding_format?: "float" | "base64";
  dimensions?: number;
  input_type?: string;
  provider?: OpenRouterProviderPreferences;
  user?: string;
  [key: string]: unknown;
}

/** One vector: floats, or base64 of little-endian float32 when `encoding_format: "base64"`. */
export interface OpenRouterEmbedding {
  object?: "embedding" | (string & {});
  embedding: number[] | string;
  index?: number;
}

export interface OpenRouterEmbeddingsUsage {
  prompt_tokens?: number;
  total_tokens?: number;
  /** USD. */
  cost?: number;
  is_byok?: boolean;
  [key: string]: unknown;
}

/** `POST /embeddings` response. */
export interface OpenRouterEmbeddingsResponse {
  id?: string;
  object?: string;
  model?: string;
  data: OpenRouterEmbedding[];
  usage?: OpenRouterEmbeddingsUsage | null;
  [key: string]: unknown;
}

/** `GET /providers` → `data[]`: a provider OpenRouter routes to. */
export interface OpenRouterProvider {
  /** Display name, e.g. `"OpenAI"`. */
  name?: string;
  /** Slug for `provider.order` / `provider.only`, e.g. `"openai"`. */
  slug?: string;
  privacy_policy_url?: string | null;
  terms_of_service_url?: string | null;
  status_page_url?: string | null;
  [key: string]: unknown;
}

/** `GET /generation/content?id=` → `data`: what was sent and what came back (kept only when the account stores prompts). */
export interface OpenRouterGenerationContent {
  id?: string;
  input?: unknown;
  output?: unknown;
  [key: string]: unknown;
}
