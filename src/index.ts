export { ChatOpenRouter } from "./chat_models/chat_openrouter.js";
export { refreshModelCatalog, type RefreshModelCatalogOptions } from "./chat_models/model_catalog.js";
export { MODEL_CATALOG_CAPTURED_AT, MODEL_CATALOG_SOURCE } from "./chat_models/model_catalog_data.js";
export type { StructuredOutputMethod } from "./chat_models/structured_output.js";
export type {
  ChatOpenRouterCallOptions,
  ChatOpenRouterFields,
  ChatOpenRouterRequestOptions,
} from "./chat_models/options.js";
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
  OpenRouterMessage,
  OpenRouterPercentiles,
  OpenRouterPlugin,
  OpenRouterPluginId,
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
  OpenRouterTool,
  OpenRouterToolChoice,
  OpenRouterUsage,
} from "./wire/types.js";
