export { ChatOpenRouter } from "./chat_models/chat_openrouter.js";
export { ChatOpenRouterBinding } from "./chat_models/chat_openrouter_binding.js";
export { openRouterImportMap } from "./chat_models/import_map.js";
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
  OpenRouterModelSort,
} from "./platform/options.js";
export { OpenRouterEmbeddings } from "./embeddings/openrouter_embeddings.js";
export type {
  OpenRouterEmbedContentOptions,
  OpenRouterEmbeddingsCallOptions,
  OpenRouterEmbeddingsFields,
  OpenRouterEmbeddingsResult,
} from "./embeddings/options.js";
export { OpenRouterRerank } from "./rerank/openrouter_rerank.js";
export type {
  OpenRouterRerankCallOptions,
  OpenRouterRerankFields,
  OpenRouterRerankRanking,
  OpenRouterRerankResult,
} from "./rerank/options.js";
export {
  OpenRouterAuthError,
  OpenRouterBadRequestError,
  OpenRouterContextOverflowError,
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
  OpenRouterTimeoutError,
} from "./wire/errors.js";
export { OpenRouterConnectionError, OpenRouterStreamError } from "./wire/transport_errors.js";
export { serverTools } from "./wire/server_tools.js";
// the wire types the options name; every wire shape is also in the OpenRouter namespace, unprefixed
export type {
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
  OpenRouterServerTool,
  OpenRouterServiceTier,
  OpenRouterStopServerToolsCondition,
  OpenRouterTool,
  OpenRouterToolChoice,
  OpenRouterTraceConfig,
  OpenRouterVerbosity,
  OpenRouterWebSearchOptions,
  OpenRouterXSearchFilter,
} from "./wire/types.js";
