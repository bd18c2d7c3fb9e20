// The public surface, each name a semver promise: the exact runtime exports, the wire types the
// options name at the top level, and every other wire shape only under the OpenRouter namespace.
import type { BindToolsInput } from "@langchain/core/language_models/chat_models";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as entry from "./index.js";
import type {
  OpenRouter,
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
} from "./index.js";
// @ts-expect-error: a response shape is not a top-level export (OpenRouter.StreamChunk is)
import type { OpenRouterStreamChunk as NotTopLevelChunk } from "./index.js";
// @ts-expect-error: nor is a platform shape (OpenRouter.Model is)
import type { OpenRouterModel as NotTopLevelModel } from "./index.js";
import type * as Platform from "./wire/platform_types.js";
import type * as Rerank from "./wire/rerank_types.js";
import type * as Wire from "./wire/types.js";

describe("the package's exports", () => {
  it("exports exactly these runtime values", () => {
    expect(Object.keys(entry).sort()).toEqual([
      "ChatOpenRouter",
      "ChatOpenRouterBinding",
      "MODEL_CATALOG_CAPTURED_AT",
      "MODEL_CATALOG_SOURCE",
      "OPENROUTER_MODEL_PROFILES",
      "OpenRouterAuthError",
      "OpenRouterBadRequestError",
      "OpenRouterClient",
      "OpenRouterConnectionError",
      "OpenRouterContextOverflowError",
      "OpenRouterEmbeddings",
      "OpenRouterError",
      "OpenRouterInsufficientCreditsError",
      "OpenRouterModerationError",
      "OpenRouterNotFoundError",
      "OpenRouterPermissionError",
      "OpenRouterProviderError",
      "OpenRouterRateLimitError",
      "OpenRouterRerank",
      "OpenRouterStreamError",
      "OpenRouterTimeoutError",
      "openRouterImportMap",
      "refreshModelCatalog",
      "serverTools",
    ]);
  });

  it("the top-level wire types are the ones the options name", () => {
    expectTypeOf<entry.ChatOpenRouterFields["cacheControl"]>().toEqualTypeOf<OpenRouterCacheControl | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["imageConfig"]>().toEqualTypeOf<OpenRouterImageConfig | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["modalities"]>().toEqualTypeOf<OpenRouterModality[] | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["plugins"]>().toEqualTypeOf<OpenRouterPlugin[] | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["prediction"]>().toEqualTypeOf<OpenRouterPrediction | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["provider"]>().toEqualTypeOf<OpenRouterProviderPreferences | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["reasoning"]>().toEqualTypeOf<OpenRouterReasoningConfig | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["route"]>().toEqualTypeOf<OpenRouterRoute | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["trace"]>().toEqualTypeOf<OpenRouterTraceConfig | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["webSearchOptions"]>().toEqualTypeOf<OpenRouterWebSearchOptions | undefined>();
    expectTypeOf<entry.ChatOpenRouterCallOptions["response_format"]>().toEqualTypeOf<OpenRouterResponseFormat | undefined>();
    expectTypeOf<entry.ChatOpenRouterCallOptions["tool_choice"]>().toEqualTypeOf<OpenRouterToolChoice | string | undefined>();
    expectTypeOf<entry.ChatOpenRouterCallOptions["tools"]>().toEqualTypeOf<(OpenRouterTool | BindToolsInput)[] | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["audio"]>().toEqualTypeOf<OpenRouterAudioOutput | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["debug"]>().toEqualTypeOf<OpenRouterDebugOptions | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["promptCacheOptions"]>().toEqualTypeOf<OpenRouterPromptCacheOptions | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["serviceTier"]>().toEqualTypeOf<OpenRouterServiceTier | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["stopServerToolsWhen"]>().toEqualTypeOf<OpenRouterStopServerToolsCondition[] | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["verbosity"]>().toEqualTypeOf<OpenRouterVerbosity | undefined>();
    expectTypeOf<entry.ChatOpenRouterFields["xSearchFilter"]>().toEqualTypeOf<OpenRouterXSearchFilter | undefined>();
    expectTypeOf<OpenRouter.AudioOutput>().toEqualTypeOf<OpenRouterAudioOutput>();
    expectTypeOf<NotTopLevelChunk | NotTopLevelModel>().toBeAny();
  });

  it("every wire shape is in the OpenRouter namespace, without the prefix", () => {
    // request
    expectTypeOf<OpenRouter.Annotation>().toEqualTypeOf<Wire.OpenRouterAnnotation>();
    expectTypeOf<OpenRouter.CacheControl>().toEqualTypeOf<Wire.OpenRouterCacheControl>();
    expectTypeOf<OpenRouter.ChatRequest>().toEqualTypeOf<Wire.OpenRouterChatRequest>();
    expectTypeOf<OpenRouter.ContentPart>().toEqualTypeOf<Wire.OpenRouterContentPart>();
    expectTypeOf<OpenRouter.FunctionTool>().toEqualTypeOf<Wire.OpenRouterFunctionTool>();
    expectTypeOf<OpenRouter.ImageConfig>().toEqualTypeOf<Wire.OpenRouterImageConfig>();
    expectTypeOf<OpenRouter.Message>().toEqualTypeOf<Wire.OpenRouterMessage>();
    expectTypeOf<OpenRouter.Modality>().toEqualTypeOf<Wire.OpenRouterModality>();
    expectTypeOf<OpenRouter.Percentiles>().toEqualTypeOf<Wire.OpenRouterPercentiles>();
    expectTypeOf<OpenRouter.Plugin>().toEqualTypeOf<Wire.OpenRouterPlugin>();
    expectTypeOf<OpenRouter.PluginId>().toEqualTypeOf<Wire.OpenRouterPluginId>();
    expectTypeOf<OpenRouter.Prediction>().toEqualTypeOf<Wire.OpenRouterPrediction>();
    expectTypeOf<OpenRouter.ProviderPreferences>().toEqualTypeOf<Wire.OpenRouterProviderPreferences>();
    expectTypeOf<OpenRouter.ProviderSortBy>().toEqualTypeOf<Wire.OpenRouterProviderSortBy>();
    expectTypeOf<OpenRouter.Quantization>().toEqualTypeOf<Wire.OpenRouterQuantization>();
    expectTypeOf<OpenRouter.ReasoningConfig>().toEqualTypeOf<Wire.OpenRouterReasoningConfig>();
    expectTypeOf<OpenRouter.ReasoningDetail>().toEqualTypeOf<Wire.OpenRouterReasoningDetail>();
    expectTypeOf<OpenRouter.ReasoningEffort>().toEqualTypeOf<Wire.OpenRouterReasoningEffort>();
    expectTypeOf<OpenRouter.ResponseFormat>().toEqualTypeOf<Wire.OpenRouterResponseFormat>();
    expectTypeOf<OpenRouter.Route>().toEqualTypeOf<Wire.OpenRouterRoute>();
    expectTypeOf<OpenRouter.ServerTool>().toEqualTypeOf<Wire.OpenRouterServerTool>();
    expectTypeOf<OpenRouter.Tool>().toEqualTypeOf<Wire.OpenRouterTool>();
    expectTypeOf<OpenRouter.ToolChoice>().toEqualTypeOf<Wire.OpenRouterToolChoice>();
    expectTypeOf<OpenRouter.TraceConfig>().toEqualTypeOf<Wire.OpenRouterTraceConfig>();
    expectTypeOf<OpenRouter.UserLocation>().toEqualTypeOf<Wire.OpenRouterUserLocation>();
    expectTypeOf<OpenRouter.WebSearchOptions>().toEqualTypeOf<Wire.OpenRouterWebSearchOptions>();
    expectTypeOf<OpenRouter.WebSearchParameters>().toEqualTypeOf<Wire.OpenRouterWebSearchParameters>();
    expectTypeOf<OpenRouter.WebSearchTool>().toEqualTypeOf<Wire.OpenRouterWebSearchTool>();
    expectTypeOf<OpenRouter.WebFetchTool>().toEqualTypeOf<Wire.OpenRouterWebFetchTool>();
    expectTypeOf<OpenRouter.WebFetchParameters>().toEqualTypeOf<Wire.OpenRouterWebFetchParameters>();
    expectTypeOf<OpenRouter.DatetimeTool>().toEqualTypeOf<Wire.OpenRouterDatetimeTool>();
    expectTypeOf<OpenRouter.DatetimeParameters>().toEqualTypeOf<Wire.OpenRouterDatetimeParameters>();
    expectTypeOf<OpenRouter.ImageGenerationTool>().toEqualTypeOf<Wire.OpenRouterImageGenerationTool>();
    expectTypeOf<OpenRouter.ImageGenerationParameters>().toEqualTypeOf<Wire.OpenRouterImageGenerationParameters>();
    expectTypeOf<OpenRouter.AdvisorTool>().toEqualTypeOf<Wire.OpenRouterAdvisorTool>();
    expectTypeOf<OpenRouter.AdvisorParameters>().toEqualTypeOf<Wire.OpenRouterAdvisorParameters>();
    expectTypeOf<OpenRouter.FusionTool>().toEqualTypeOf<Wire.OpenRouterFusionTool>();
    expectTypeOf<OpenRouter.FusionParameters>().toEqualTypeOf<Wire.OpenRouterFusionParameters>();
    expectTypeOf<OpenRouterServerTool>().toEqualTypeOf<Wire.OpenRouterServerTool>();
    expectTypeOf(entry.serverTools.webSearch()).toExtend<BindToolsInput>();
    // response and stream
    expectTypeOf<OpenRouter.ChatResponse>().toEqualTypeOf<Wire.OpenRouterChatResponse>();
    expectTypeOf<OpenRouter.ErrorBody>().toEqualTypeOf<Wire.OpenRouterErrorBody>();
    expectTypeOf<OpenRouter.ErrorObject>().toEqualTypeOf<Wire.OpenRouterErrorObject>();
    expectTypeOf<OpenRouter.FinishReason>().toEqualTypeOf<Wire.OpenRouterFinishReason>();
    expectTypeOf<OpenRouter.Image>().toEqualTypeOf<Wire.OpenRouterImage>();
    expectTypeOf<OpenRouter.Logprobs>().toEqualTypeOf<Wire.OpenRouterLogprobs>();
    expectTypeOf<OpenRouter.StreamChunk>().toEqualTypeOf<Wire.OpenRouterStreamChunk>();
    expectTypeOf<OpenRouter.TokenLogprob>().toEqualTypeOf<Wire.OpenRouterTokenLogprob>();
    expectTypeOf<OpenRouter.Usage>().toEqualTypeOf<Wire.OpenRouterUsage>();
    // platform endpoints (OpenRouterClient, OpenRouterEmbeddings)
    expectTypeOf<OpenRouter.Credits>().toEqualTypeOf<Platform.OpenRouterCredits>();
    expectTypeOf<OpenRouter.Embedding>().toEqualTypeOf<Platform.OpenRouterEmbedding>();
    expectTypeOf<OpenRouter.EmbeddingContentInput>().toEqualTypeOf<Platform.OpenRouterEmbeddingContentInput>();
    expectTypeOf<OpenRouter.EmbeddingContentPart>().toEqualTypeOf<Platform.OpenRouterEmbeddingContentPart>();
    expectTypeOf<OpenRouter.EmbeddingImagePart>().toEqualTypeOf<Platform.OpenRouterEmbeddingImagePart>();
    expectTypeOf<OpenRouter.EmbeddingTextPart>().toEqualTypeOf<Platform.OpenRouterEmbeddingTextPart>();
    expectTypeOf<OpenRouter.EmbeddingsRequest>().toEqualTypeOf<Platform.OpenRouterEmbeddingsRequest>();
    expectTypeOf<OpenRouter.EmbeddingsResponse>().toEqualTypeOf<Platform.OpenRouterEmbeddingsResponse>();
    expectTypeOf<OpenRouter.EmbeddingsUsage>().toEqualTypeOf<Platform.OpenRouterEmbeddingsUsage>();
    expectTypeOf<OpenRouter.Generation>().toEqualTypeOf<Platform.OpenRouterGeneration>();
    expectTypeOf<OpenRouter.GenerationContent>().toEqualTypeOf<Platform.OpenRouterGenerationContent>();
    expectTypeOf<OpenRouter.InputModality>().toEqualTypeOf<Platform.OpenRouterInputModality>();
    expectTypeOf<OpenRouter.KeyInfo>().toEqualTypeOf<Platform.OpenRouterKeyInfo>();
    expectTypeOf<OpenRouter.Model>().toEqualTypeOf<Platform.OpenRouterModel>();
    expectTypeOf<OpenRouter.ModelArchitecture>().toEqualTypeOf<Platform.OpenRouterModelArchitecture>();
    expectTypeOf<OpenRouter.ModelEndpoint>().toEqualTypeOf<Platform.OpenRouterModelEndpoint>();
    expectTypeOf<OpenRouter.ModelEndpoints>().toEqualTypeOf<Platform.OpenRouterModelEndpoints>();
    expectTypeOf<OpenRouter.ModelReasoning>().toEqualTypeOf<Platform.OpenRouterModelReasoning>();
    expectTypeOf<OpenRouter.OutputModality>().toEqualTypeOf<Platform.OpenRouterOutputModality>();
    expectTypeOf<OpenRouter.Pricing>().toEqualTypeOf<Platform.OpenRouterPricing>();
    // rerank (OpenRouterRerank)
    expectTypeOf<OpenRouter.RerankRequest>().toEqualTypeOf<Rerank.OpenRouterRerankRequest>();
    expectTypeOf<OpenRouter.RerankResponse>().toEqualTypeOf<Rerank.OpenRouterRerankResponse>();
    expectTypeOf<OpenRouter.RerankResult>().toEqualTypeOf<Rerank.OpenRouterRerankResult>();
    expectTypeOf<OpenRouter.RerankUsage>().toEqualTypeOf<Rerank.OpenRouterRerankUsage>();
    expectTypeOf<entry.OpenRouterRerankResult["usage"]>().toEqualTypeOf<OpenRouter.RerankUsage>();
    expectTypeOf<OpenRouter.Provider>().toEqualTypeOf<Platform.OpenRouterProvider>();
    expectTypeOf<Parameters<entry.OpenRouterEmbeddings["embedContent"]>>().toEqualTypeOf<
      [OpenRouter.EmbeddingContentPart[][], (entry.OpenRouterEmbedContentOptions | undefined)?]
    >();
    expectTypeOf<entry.ListModelsOptions["sort"]>().toEqualTypeOf<entry.OpenRouterModelSort | undefined>();
  });
});
