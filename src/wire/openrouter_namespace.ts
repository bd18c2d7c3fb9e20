// The wire shapes, as index.ts exports them: the type-only namespace `OpenRouter`. It holds every
// `OpenRouter*` wire type without its prefix (`OpenRouter.StreamChunk`, `OpenRouter.Model`), and
// the names @langchain/openrouter 0.4 exported in its own `OpenRouter` namespace, each as this
// package's own type, so `OpenRouter.ProviderPreferences` and the like keep compiling. Only the
// types the options name (and the error types) are exported at the top level as well.
import type {
  OpenRouterCacheControl,
  OpenRouterChatRequest,
  OpenRouterContentPart,
  OpenRouterFunctionTool,
  OpenRouterMessage,
  OpenRouterPercentiles,
  OpenRouterPlugin,
  OpenRouterProviderPreferences,
  OpenRouterProviderSortBy,
  OpenRouterQuantization,
  OpenRouterReasoningConfig,
  OpenRouterReasoningDetail,
  OpenRouterResponseFormat,
  OpenRouterTextPart,
  OpenRouterToolCall,
  OpenRouterToolChoice,
  OpenRouterTraceConfig,
  OpenString,
} from "./request_types.js";
import type {
  OpenRouterChatResponse,
  OpenRouterChoice,
  OpenRouterDelta,
  OpenRouterErrorBody,
  OpenRouterFinishReason,
  OpenRouterLogprobs,
  OpenRouterResponseToolCall,
  OpenRouterStreamChoice,
  OpenRouterStreamChunk,
  OpenRouterTokenLogprob,
  OpenRouterUsage,
} from "./response_types.js";

// names and scalars
export type ModelName = string;
/** A price; OpenRouter accepts a number or a decimal string. */
export type BigNumberUnion = string;
/** A provider slug such as `"OpenAI"` or `"google-vertex/us-east5"`. */
export type ProviderName = string;
export type ReasoningSummaryVerbosity = NonNullable<OpenRouterReasoningConfig["summary"]>;
export type DataCollection = NonNullable<OpenRouterProviderPreferences["data_collection"]>;
export type Quantization = OpenRouterQuantization;
export type ProviderSort = OpenRouterProviderSortBy;
export type ChatCompletionFinishReason = OpenRouterFinishReason;
export type ReasoningDetailFormat = OpenString<
  | "unknown"
  | "openai-responses-v1"
  | "azure-openai-responses-v1"
  | "xai-responses-v1"
  | "anthropic-claude-v1"
  | "google-gemini-v1"
>;

// message content
export type ChatMessageContentItemCacheControl = OpenRouterCacheControl;
export type ChatMessageContentItemText = OpenRouterTextPart;
export type ChatMessageContentItemImage = Extract<OpenRouterContentPart, { type: "image_url" }>;
export type ChatMessageContentItemAudio = Extract<OpenRouterContentPart, { type: "input_audio" }>;
export type ChatMessageContentItemVideo = Extract<OpenRouterContentPart, { type: "video_url" }>;
export type ChatMessageContentItem = OpenRouterContentPart;

// reasoning
export type ReasoningSummaryDetail = OpenRouterReasoningDetail & { type: "reasoning.summary" };
export type ReasoningEncryptedDetail = OpenRouterReasoningDetail & { type: "reasoning.encrypted" };
export type ReasoningTextDetail = OpenRouterReasoningDetail & { type: "reasoning.text" };
export type ReasoningDetail = OpenRouterReasoningDetail;

// messages
export type SystemMessage = Extract<OpenRouterMessage, { role: "system" | "developer" }> & { role: "system" };
export type DeveloperMessage = Extract<OpenRouterMessage, { role: "system" | "developer" }> & { role: "developer" };
export type UserMessage = Extract<OpenRouterMessage, { role: "user" }>;
export type AssistantMessage = Extract<OpenRouterMessage, { role: "assistant" }>;
export type ToolResponseMessage = Extract<OpenRouterMessage, { role: "tool" }>;
export type Message = OpenRouterMessage;

// tools and output format
export type ChatMessageToolCall = OpenRouterToolCall;
export type ChatStreamingMessageToolCall = OpenRouterResponseToolCall;
export type ToolDefinitionJson = OpenRouterFunctionTool;
export type NamedToolChoice = Extract<OpenRouterToolChoice, { function: { name: string } }>;
export type ToolChoiceOption = OpenRouterToolChoice;
export type ResponseFormatJSONSchema = Extract<OpenRouterResponseFormat, { type: "json_schema" }>;
export type JSONSchemaConfig = ResponseFormatJSONSchema["json_schema"];
export interface ResponseFormatTextGrammar {
  type: "grammar";
  grammar: string;
}

// usage and logprobs
export type ChatMessageTokenLogprob = OpenRouterTokenLogprob;
export type ChatMessageTokenLogprobs = OpenRouterLogprobs;
export type ChatGenerationTokenUsage = OpenRouterUsage;

// routing and plugins
export type PercentileLatencyCutoffs = OpenRouterPercentiles;
export type PercentileThroughputCutoffs = OpenRouterPercentiles;
export type PreferredMaxLatency = number | OpenRouterPercentiles;
export type PreferredMinThroughput = number | OpenRouterPercentiles;
export type ProviderSortUnion = NonNullable<OpenRouterProviderPreferences["sort"]>;
export type ProviderSortConfig = Exclude<ProviderSortUnion, string>;
export type ProviderPreferences = OpenRouterProviderPreferences;
export type AutoRouterPlugin = OpenRouterPlugin & { id: "auto-router" };
export type ModerationPlugin = OpenRouterPlugin & { id: "moderation" };
export type WebPlugin = OpenRouterPlugin & { id: "web" };
export type FileParserPlugin = OpenRouterPlugin & { id: "file-parser" };
export type ResponseHealingPlugin = OpenRouterPlugin & { id: "response-healing" };
export type PluginDefinition = OpenRouterPlugin;
export type TraceConfig = OpenRouterTraceConfig;

// request and response
export type ChatStreamOptions = NonNullable<OpenRouterChatRequest["stream_options"]>;
export type ChatGenerationParams = OpenRouterChatRequest;
export type ChatResponseChoice = OpenRouterChoice;
export type ChatResponse = OpenRouterChatResponse;
export type ChatStreamingMessageChunk = OpenRouterDelta;
export type ChatStreamingChoice = OpenRouterStreamChoice;
/** One parsed stream event, under `data` as 0.4 typed it. */
export interface ChatStreamingResponseChunk {
  data: OpenRouterStreamChunk;
}
export type ChatError = OpenRouterErrorBody;

// this package's wire types, without the OpenRouter prefix
export type {
  OpenRouterAnnotation as Annotation,
  OpenRouterAudioOutput as AudioOutput,
  OpenRouterDebugOptions as DebugOptions,
  OpenRouterPromptCacheOptions as PromptCacheOptions,
  OpenRouterServiceTier as ServiceTier,
  OpenRouterStopServerToolsCondition as StopServerToolsCondition,
  OpenRouterVerbosity as Verbosity,
  OpenRouterXSearchFilter as XSearchFilter,
  OpenRouterCacheControl as CacheControl,
  OpenRouterChatRequest as ChatRequest,
  OpenRouterContentPart as ContentPart,
  OpenRouterFunctionTool as FunctionTool,
  OpenRouterImageConfig as ImageConfig,
  OpenRouterModality as Modality,
  OpenRouterPercentiles as Percentiles,
  OpenRouterPlugin as Plugin,
  OpenRouterPluginId as PluginId,
  OpenRouterPrediction as Prediction,
  OpenRouterProviderSortBy as ProviderSortBy,
  OpenRouterReasoningConfig as ReasoningConfig,
  OpenRouterReasoningEffort as ReasoningEffort,
  OpenRouterResponseFormat as ResponseFormat,
  OpenRouterRoute as Route,
  OpenRouterServerTool as ServerTool,
  OpenRouterTool as Tool,
  OpenRouterToolChoice as ToolChoice,
  OpenRouterUserLocation as UserLocation,
  OpenRouterWebSearchOptions as WebSearchOptions,
  OpenRouterWebSearchParameters as WebSearchParameters,
  OpenRouterWebSearchTool as WebSearchTool,
  OpenRouterWebFetchParameters as WebFetchParameters,
  OpenRouterWebFetchTool as WebFetchTool,
  OpenRouterDatetimeParameters as DatetimeParameters,
  OpenRouterDatetimeTool as DatetimeTool,
  OpenRouterImageGenerationParameters as ImageGenerationParameters,
  OpenRouterImageGenerationTool as ImageGenerationTool,
  OpenRouterAdvisorParameters as AdvisorParameters,
  OpenRouterAdvisorTool as AdvisorTool,
  OpenRouterFusionParameters as FusionParameters,
  OpenRouterFusionTool as FusionTool,
} from "./request_types.js";
export type {
  OpenRouterErrorBody as ErrorBody,
  OpenRouterErrorObject as ErrorObject,
  OpenRouterFinishReason as FinishReason,
  OpenRouterImage as Image,
  OpenRouterLogprobs as Logprobs,
  OpenRouterStreamChunk as StreamChunk,
  OpenRouterTokenLogprob as TokenLogprob,
  OpenRouterUsage as Usage,
} from "./response_types.js";
export type {
  OpenRouterCredits as Credits,
  OpenRouterEmbedding as Embedding,
  OpenRouterEmbeddingContentInput as EmbeddingContentInput,
  OpenRouterEmbeddingContentPart as EmbeddingContentPart,
  OpenRouterEmbeddingImagePart as EmbeddingImagePart,
  OpenRouterEmbeddingTextPart as EmbeddingTextPart,
  OpenRouterEmbeddingsRequest as EmbeddingsRequest,
  OpenRouterEmbeddingsResponse as EmbeddingsResponse,
  OpenRouterEmbeddingsUsage as EmbeddingsUsage,
  OpenRouterGeneration as Generation,
  OpenRouterGenerationContent as GenerationContent,
  OpenRouterInputModality as InputModality,
  OpenRouterKeyInfo as KeyInfo,
  OpenRouterModel as Model,
  OpenRouterModelArchitecture as ModelArchitecture,
  OpenRouterModelEndpoint as ModelEndpoint,
  OpenRouterModelEndpoints as ModelEndpoints,
  OpenRouterModelReasoning as ModelReasoning,
  OpenRouterOutputModality as OutputModality,
  OpenRouterPricing as Pricing,
  OpenRouterProvider as Provider,
} from "./platform_types.js";
export type {
  OpenRouterRerankRequest as RerankRequest,
  OpenRouterRerankResponse as RerankResponse,
  OpenRouterRerankResult as RerankResult,
  OpenRouterRerankUsage as RerankUsage,
} from "./rerank_types.js";
