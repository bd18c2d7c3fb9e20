// The one home of ChatOpenRouter's public options. Every request option is also a call option:
// passed to invoke/stream/batch/bind/withConfig it overrides the constructor for that call.
import type { OpenRouterConnectionOptions } from "../wire/connection.js";
import type {
  BaseChatModelCallOptions,
  BaseChatModelParams,
  BindToolsInput,
} from "@langchain/core/language_models/chat_models";
import type {
  OpenRouterAudioOutput,
  OpenRouterCacheControl,
  OpenRouterDebugOptions,
  OpenRouterImageConfig,
  OpenRouterModality,
  OpenRouterPlugin,
  OpenRouterPrediction,
  OpenRouterPromptCacheOptions,
  OpenRouterProviderPreferences,
  OpenRouterReasoningConfig,
  OpenRouterResponseFormat,
  OpenRouterRoute,
  OpenRouterServiceTier,
  OpenRouterStopServerToolsCondition,
  OpenRouterTool,
  OpenRouterToolChoice,
  OpenRouterTraceConfig,
  OpenRouterVerbosity,
  OpenRouterWebSearchOptions,
  OpenRouterXSearchFilter,
} from "../wire/types.js";

/** Options that shape the request body; each may be set on the constructor or per call. */
export interface ChatOpenRouterRequestOptions {
  /** Model slug, e.g. `"anthropic/claude-sonnet-4.5"`, `"openai/gpt-4o:nitro"` or `"openrouter/auto"`. */
  model: string;
  /** Sampling temperature, 0–2. @default undefined (the provider's default) */
  temperature?: number;
  /** Most tokens to generate (`max_tokens`). OpenRouter reserves credit for it, so set it on low balances. */
  maxTokens?: number;
  /** Nucleus sampling, 0–1 (`top_p`). */
  topP?: number;
  /** Sample only from the k most likely tokens (`top_k`; not for OpenAI models). */
  topK?: number;
  /** Minimum probability relative to the most likely token, 0–1 (`min_p`). */
  minP?: number;
  /** Dynamic top-p by the top token's probability, 0–1 (`top_a`). */
  topA?: number;
  /** Penalise tokens by how often they appeared, −2–2 (`frequency_penalty`). */
  frequencyPenalty?: number;
  /** Penalise tokens that appeared at all, −2–2 (`presence_penalty`). */
  presencePenalty?: number;
  /** Repetition penalty, 0–2 (`repetition_penalty`). */
  repetitionPenalty?: number;
  /** Seed for (best-effort) deterministic sampling. */
  seed?: number;
  /** Sequences where generation stops (up to 4); an empty list sends none. */
  stop?: string[];
  /** Token id → bias, −100–100 (`logit_bias`). */
  logitBias?: Record<string, number>;
  /** Return log probabilities of the output tokens. */
  logprobs?: boolean;
  /** How many most likely tokens to return per position, 0–20 (needs `logprobs`). */
  topLogprobs?: number;
  /** Stable id of your end user, for abuse isolation. */
  user?: string;
  /** Groups requests for sticky provider routing (cache hits) and observability (`session_id`, ≤256 chars); `""` sends none. @default process.env.OPENROUTER_SESSION_ID */
  sessionId?: string;
  /** Trace metadata for OpenRouter's broadcast destinations (`trace`): `trace_id`, `trace_name`, `span_name`, `generation_name`, `parent_span_id`, … */
  trace?: OpenRouterTraceConfig;
  /** OpenRouter message transforms (`transforms`), e.g. `["middle-out"]`; `[]` turns off a model's default transforms. */
  transforms?: string[];
  /** Predicted output (`prediction`), e.g. `{ type: "content", content: code }` when most of the answer repeats known text. */
  prediction?: OpenRouterPrediction;
  /** Provider routing preferences: order, only, ignore, sort, data_collection, quantizations, max_price… */
  provider?: OpenRouterProviderPreferences;
  /** Fallback models, tried in order when the first fails. */
  models?: string[];
  /** Deprecated routing strategy; `"fallback"` with `models`. Prefer `provider.sort`. */
  route?: OpenRouterRoute;
  /** Plugins: `web`, `file-parser`, `moderation`, `auto-router`, `response-healing`, … */
  plugins?: OpenRouterPlugin[];
  /** Reasoning: `{ effort }` (`"xhigh"`…`"minimal"`, `"none"`) or `{ max_tokens }`, `exclude`, `enabled`, `summary`. */
  reasoning?: OpenRouterReasoningConfig;
  /** Legacy switch (`include_reasoning`): `true` is `reasoning: {}`, `false` is `reasoning: { exclude: true }`. Prefer `reasoning`. */
  includeReasoning?: boolean;
  /** Output modalities, e.g. `["image", "text"]` for image generation. */
  modalities?: OpenRouterModality[];
  /** Image generation settings (`image_config`), e.g. `{ aspect_ratio: "16:9" }`. */
  imageConfig?: OpenRouterImageConfig;
  /** Automatic prompt caching for Anthropic-family providers (`cache_control`, with `ttl`). */
  cacheControl?: OpenRouterCacheControl;
  /** OpenAI-style prompt cache key (`prompt_cache_key`); also the sticky-routing key when `sessionId` is unset. */
  promptCacheKey?: string;
  /** Native provider web search (`web_search_options`), e.g. `{ search_context_size: "high" }`. */
  webSearchOptions?: OpenRouterWebSearchOptions;
  /** Most tokens to generate (`max_completion_tokens`, the current name of `max_tokens`). */
  maxCompletionTokens?: number;
  /** How long the answer runs: `"low"`, `"medium"` (the default), `"high"`… (`verbosity`). */
  verbosity?: OpenRouterVerbosity;
  /** The tier to serve at: `"auto"`, `"default"`, `"flex"`, `"priority"`… (`service_tier`; the answer's tier is in `response_metadata.service_tier`). */
  serviceTier?: OpenRouterServiceTier;
  /** OpenRouter's request metadata (`metadata`: ≤16 string pairs), shown in its logs; not LangChain's tracing `metadata`. */
  requestMetadata?: Record<string, string>;
  /** `{ echo_upstream_body: true }` (`debug`, streams only): the body OpenRouter sent upstream, in `response_metadata.debug`. Not for production. */
  debug?: OpenRouterDebugOptions;
  /** A preset's slug (`preset`); `model: "@preset/slug"` works too. */
  preset?: string;
  /** The server-tool loop's budget (`max_tool_calls`, ≤30). */
  maxToolCalls?: number;
  /** When the server-tool loop stops (`stop_server_tools_when`), e.g. `[{ type: "step_count_is", count: 3 }]`. */
  stopServerToolsWhen?: OpenRouterStopServerToolsCondition[];
  /** Explicit prompt caching for OpenAI GPT-5.6+ (`prompt_cache_options`), e.g. `{ mode: "explicit", ttl: "1h" }`. */
  promptCacheOptions?: OpenRouterPromptCacheOptions;
  /** Audio output (`audio`), with `modalities: ["text", "audio"]`: `{ voice: "alloy", format: "wav" }`. OpenRouter streams audio only. */
  audio?: OpenRouterAudioOutput;
  /** xAI's search filter with web search (`x_search_filter`). */
  xSearchFilter?: OpenRouterXSearchFilter;
  /** Ask for the routing decision (`X-OpenRouter-Metadata: enabled`): it comes back as `response_metadata.openrouter_metadata`. */
  routerMetadata?: boolean;
  /**
   * OpenRouter's response cache (`X-OpenRouter-Cache`, not provider prompt caching): `true`, or
   * `{ ttl: seconds (1–86400, default 300), clear: true }`. The answer says `response_metadata.cache_status`
   * (`"HIT"` / `"MISS"`) and `cache_age`.
   */
  responseCache?: boolean | { ttl?: number; clear?: boolean };
  /** Stream usage: ask for `stream_options.include_usage`. @default true */
  streamUsage?: boolean;
  /**
   * Send `POST /responses` (OpenRouter's stateless Responses API) instead of `/chat/completions`:
   * the same messages, tools, structured output, reasoning and errors, and every answer read as a
   * chat answer. Stateless: the whole conversation is sent each time. @default false
   */
  useResponsesApi?: boolean;
  /** Extra body fields merged last, for anything OpenRouter adds before this package does. */
  modelKwargs?: Record<string, unknown>;
}

/** Constructor options of {@link ChatOpenRouter}. */
export interface ChatOpenRouterFields
  extends Partial<ChatOpenRouterRequestOptions>,
    Omit<BaseChatModelParams, "maxRetries">,
    OpenRouterConnectionOptions {
  /** Model slug, e.g. `"anthropic/claude-sonnet-4.5"`. Required (here, as `modelName`, or as the constructor's first argument). */
  model?: string;
  /** Alias of `model`. */
  modelName?: string;
  /** Alias of `stop` (the name LangChain's standard tests and ChatAnthropic use). */
  stopSequences?: string[];
  /** `invoke` goes through the stream, as ChatOpenAI's option does: token callbacks fire per token, and `timeout` bounds each wait for the next bytes. @default false */
  streaming?: boolean;
  /** Milliseconds per attempt before giving up on it; on streams, the longest wait for the next bytes. @default undefined (no limit) */
  timeout?: number;
}

/** The constructor options under the name @langchain/openrouter 0.4 exported them. */
export type ChatOpenRouterInput = ChatOpenRouterFields;

/** Call options of {@link ChatOpenRouter}: every request option, plus tools and output format. */
export interface ChatOpenRouterCallOptions
  extends BaseChatModelCallOptions,
    Partial<ChatOpenRouterRequestOptions> {
  /** Tools (set by `bindTools`): LangChain tools, Zod/JSON schemas with a name, OpenAI function tools, or OpenRouter server tools. */
  tools?: (OpenRouterTool | BindToolsInput)[];
  /** Tool choice: `"auto"`, `"none"`, `"required"`/`"any"`, a tool name, or the wire object. */
  tool_choice?: OpenRouterToolChoice | string;
  /** Let the model call several tools at once. @default the provider's (true) */
  parallel_tool_calls?: boolean;
  /** Set `function.strict` on every bound function tool (exact schema adherence where the provider supports it). */
  strict?: boolean;
  /** Response format (set by `withStructuredOutput`). */
  response_format?: OpenRouterResponseFormat;
  /**
   * Set by `withStructuredOutput`'s `jsonSchema` method: route only to endpoints that honour
   * `response_format` (`provider.require_parameters: true`), unless `provider.require_parameters` is set.
   */
  requireStructuredOutputs?: boolean;
  /** Retries for this call. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}
