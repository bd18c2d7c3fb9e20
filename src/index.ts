export { ChatOpenRouter } from "./chat_models/chat_openrouter.js";
export { ChatOpenRouterBinding } from "./chat_models/chat_openrouter_binding.js";
export { OPENROUTER_MODEL_PROFILES, refreshModelCatalog, type RefreshModelCatalogOptions } from "./chat_models/model_catalog.js";
export { MODEL_CATALOG_CAPTURED_AT, MODEL_CATALOG_SOURCE } from "./chat_models/model_catalog_data.js";
export type { StructuredOutputMethod } from "./chat_models/structured_output.js";
export type {
  ChatOpenRouterCallOptions,
  ChatOpenRouterFields,
  ChatOpenRouterInput,
  ChatOpenRouterRequestOptions,
} from "./chat_models/options.js";
export type * as OpenRouter from "./wire/openrouter_namespace.js";
export { OpenRouterClient } from "./platform/openrouter_client.js";
export type {
  GetGenerationOptions,
  ListModelsOptions,
  OpenRouterCallOptions,
  OpenRouterClientFields,
} from "./platform/options.js";
export { OpenRouterEmbeddings } from "./embeddings/openrouter_embeddings.js";
export type {
  OpenRouterEmbeddingsCallOptions,
  OpenRouterEmbeddingsFields,
  OpenRouterEmbeddingsResult,
} from "./embeddings/options.js";
export {
  OpenRouterAuthError,
  OpenRouterBadRequestError,
  OpenRouterConnectionError,
  OpenRouterError,
  type OpenRouterErrorFields,
  OpenRouterInsufficientCreditsError,
  OpenRouterModerationError,
  OpenRouterNotFoundError,
  OpenRouterPermissionError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
  type OpenRouterRateLimitErrorFields,
  type OpenRouterRateLimitType,
  OpenRouterStreamError,
  OpenRouterTimeoutError,
} from "./wire/errors.js";
export type {
  OpenRouterAnnotation,
  OpenRouterCacheControl,
  OpenRouterChatRequest,
  OpenRouterChatResponse,
  OpenRouterContentPart,
  OpenRouterErrorBody,
  OpenRouterErrorObject,
  OpenRouterFinishReason,
  OpenRouterFunctionTool,
  OpenRouterImage,
  OpenRouterImageConfig,
  OpenRouterLogprobs,
  OpenRouterMessage,
  OpenRouterModality,
  OpenRouterPercentiles,
  OpenRouterPlugin,
  OpenRouterPluginId,
  OpenRouterPrediction,
  OpenRouterProviderPreferences,
  OpenRouterProviderSortBy,
  OpenRouterQuantization,
  OpenRouterReasoningConfig,
  OpenRouterReasoningDetail,
  OpenRouterReasoningEffort,
  OpenRouterResponseFormat,
  OpenRouterRoute,
  OpenRouterServerTool,
  OpenRouterStreamChunk,
  OpenRouterTokenLogprob,
  OpenRouterTool,
  OpenRouterToolChoice,
  OpenRouterTraceConfig,
  OpenRouterUsage,
  OpenRouterUserLocation,
  OpenRouterWebSearchOptions,
  OpenRouterWebSearchParameters,
  OpenRouterWebSearchTool,
} from "./wire/types.js";
export type {
  OpenRouterCredits,
  OpenRouterEmbedding,
  OpenRouterEmbeddingsRequest,
  OpenRouterEmbeddingsResponse,
  OpenRouterEmbeddingsUsage,
  OpenRouterGeneration,
  OpenRouterInputModality,
  OpenRouterKeyInfo,
  OpenRouterModel,
  OpenRouterModelArchitecture,
  OpenRouterModelEndpoint,
  OpenRouterModelEndpoints,
  OpenRouterModelReasoning,
  OpenRouterOutputModality,
  OpenRouterPricing,
} from "./wire/platform_types.js";
