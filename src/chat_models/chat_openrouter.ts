import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from "@langchain/core/language_models/base";
import { BaseChatModel, type BindToolsInput, type LangSmithParams } from "@langchain/core/language_models/chat_models";
import type { ChatModelStreamEvent } from "@langchain/core/language_models/event";
import type { ModelProfile } from "@langchain/core/language_models/profile";
import { AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import type { ChatGenerationChunk, ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import type { SerializableSchema } from "@langchain/core/utils/standard_schema";
import type { ZodV3Like, ZodV4Like } from "@langchain/core/utils/types";
import { getEnvironmentVariable } from "@langchain/core/utils/env";
import { closingKwargs, fromWireDelta, newChunkState } from "../convert/from_wire_chunk.js";
import { fromWireMessage } from "../convert/from_wire_message.js";
import { type CompletionFacts, fromWireMetadata } from "../convert/from_wire_metadata.js";
import { fromWireUsage } from "../convert/from_wire_usage.js";
import { foldChunkFacts } from "../convert/stream_facts.js";
import { chunkEvents, closingEvents, newEventState } from "../convert/to_stream_events.js";
import { toWireMessages } from "../convert/to_wire_messages.js";
import { toWireToolChoice, toWireTools } from "../convert/to_wire_tools.js";
import { createConnection, DEFAULT_SITE_NAME, DEFAULT_SITE_URL } from "../wire/connection.js";
import { OpenRouterAuthError, OpenRouterProviderError, OpenRouterStreamError } from "../wire/errors.js";
import { type OpenRouterConnection, requestJson, requestStream } from "../wire/send_request.js";
import type {
  OpenRouterCacheControl,
  OpenRouterChatRequest,
  OpenRouterChatResponse,
  OpenRouterImageConfig,
  OpenRouterModality,
  OpenRouterPlugin,
  OpenRouterPrediction,
  OpenRouterProviderPreferences,
  OpenRouterReasoningConfig,
  OpenRouterRoute,
  OpenRouterStreamChunk,
  OpenRouterTraceConfig,
  OpenRouterWebSearchOptions,
} from "../wire/types.js";
import { ChatOpenRouterBinding } from "./chat_openrouter_binding.js";
import { BODY_FIELDS, invocationParams } from "./invocation_params.js";
import { CALL_OPTION_NAMES } from "./known_options.js";
import { modelProfile } from "./model_catalog.js";
import type { ChatOpenRouterCallOptions, ChatOpenRouterFields, ChatOpenRouterRequestOptions } from "./options.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./package_version.js";
import { StreamedGenerationChunk } from "./streamed_generation_chunk.js";
import { structuredOutputRunnable } from "./structured_output.js";
import { registerBlockTranslator } from "./register_block_translator.js";
import { validateOptions } from "./validate_options.js";

// LangChain's withStructuredOutput signature uses Record<string, any>, so interface types fit too
// oxlint-disable-next-line typescript/no-explicit-any
type AnyRecord = Record<string, any>;

const MISSING_KEY = "ChatOpenRouter needs an API key: pass { apiKey } or set OPENROUTER_API_KEY.";
// the fields were resolved against the environment once, at construction
const noEnvironment = (): undefined => undefined;

/** The constructor's arguments as one options object; the model may come first, as a string. */
function constructorFields(modelOrFields: unknown, moreFields: unknown): ChatOpenRouterFields {
  const usage = 'new ChatOpenRouter({ model: "openai/gpt-4o" }) or new ChatOpenRouter("openai/gpt-4o", { temperature: 0 })';
  if (typeof modelOrFields === "string") {
    if (moreFields !== undefined && (typeof moreFields !== "object" || moreFields === null)) {
      throw new TypeError(`ChatOpenRouter's second argument must be an options object: ${usage}.`);
    }
    const rest = (moreFields ?? {}) as ChatOpenRouterFields;
    for (const given of [rest.model, rest.modelName]) {
      if (given !== undefined && given !== modelOrFields) {
        throw new TypeError(`ChatOpenRouter got two models, "${modelOrFields}" and "${String(given)}": give the model once.`);
      }
    }
    return { ...rest, model: modelOrFields };
  }
  if (typeof modelOrFields !== "object" || modelOrFields === null) throw new TypeError(`ChatOpenRouter needs options: ${usage}.`);
  const fields = modelOrFields as ChatOpenRouterFields;
  if (fields.model !== undefined && fields.modelName !== undefined && fields.model !== fields.modelName) {
    throw new TypeError(`ChatOpenRouter got "model" ${JSON.stringify(fields.model)} and its alias "modelName" ${JSON.stringify(fields.modelName)}: give one.`);
  }
  return fields;
}

/**
 * Every model on OpenRouter as a LangChain chat model.
 *
 * ```ts
 * const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", temperature: 0 });
 * const answer = await model.invoke("I love programming.");
 * for await (const chunk of await model.stream("Write a short poem about the sea.")) process.stdout.write(chunk.text);
 * ```
 *
 * Options: {@link ChatOpenRouterFields}. Docs: https://docs.langchain.com/oss/javascript/integrations/chat/openrouter
 */
export class ChatOpenRouter
  extends BaseChatModel<ChatOpenRouterCallOptions, AIMessageChunk>
  implements ChatOpenRouterRequestOptions
{
  static override lc_name(): string {
    return "ChatOpenRouter";
  }

  override lc_serializable = true;
  override lc_namespace = ["langchain", "chat_models", "openrouter"];

  override get lc_secrets(): Record<string, string> {
    return { apiKey: "OPENROUTER_API_KEY" };
  }

  // serialized keys go through snake_case and back: without this, baseURL would load as "baseUrl";
  // modelName is serialized as "model", as in @langchain/openrouter 0.4, whose JSON then loads here
  override get lc_aliases(): Record<string, string> {
    return { baseURL: "base_url", modelName: "model" };
  }

  // Every option is a public field, read when a request is built: an assignment after construction
  // is what the next request sends. Each one's doc is on ChatOpenRouterFields (src/chat_models/options.ts).
  /** The model slug requests go to unless a call names another. */
  model: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  topK?: number;
  minP?: number;
  topA?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
  repetitionPenalty?: number;
  seed?: number;
  stop?: string[];
  logitBias?: Record<string, number>;
  logprobs?: boolean;
  topLogprobs?: number;
  user?: string;
  sessionId?: string;
  trace?: OpenRouterTraceConfig;
  transforms?: string[];
  prediction?: OpenRouterPrediction;
  provider?: OpenRouterProviderPreferences;
  models?: string[];
  route?: OpenRouterRoute;
  plugins?: OpenRouterPlugin[];
  reasoning?: OpenRouterReasoningConfig;
  includeReasoning?: boolean;
  modalities?: OpenRouterModality[];
  imageConfig?: OpenRouterImageConfig;
  cacheControl?: OpenRouterCacheControl;
  promptCacheKey?: string;
  webSearchOptions?: OpenRouterWebSearchOptions;
  streamUsage: boolean;
  modelKwargs?: Record<string, unknown>;
  // connection:
  apiKey: string;
  baseURL: string;
  siteUrl: string;
  siteName: string;
  appCategories?: string[];
  maxRetries: number;
  timeout?: number;
  defaultHeaders?: Record<string, string>;
  protected fetchImplementation?: typeof fetch;
  /** Internal, not an option: the first retry backoff step in ms (500 by default); a subclass may shorten it. */
  protected retryBaseDelayMs?: number;

  /** `new ChatOpenRouter("openai/gpt-4o", { temperature: 0 })`, or {@link ChatOpenRouterFields} with a `model`. */
  constructor(model: string, fields?: Omit<ChatOpenRouterFields, "model" | "modelName">);
  constructor(fields: ChatOpenRouterFields);
  constructor(modelOrFields: string | ChatOpenRouterFields, moreFields?: Omit<ChatOpenRouterFields, "model" | "modelName">) {
    const fields = constructorFields(modelOrFields, moreFields);
    validateOptions(fields, "constructor");
    const model = fields.model ?? fields.modelName;
    if (model === undefined) {
      throw new TypeError('ChatOpenRouter needs a model: new ChatOpenRouter({ model: "openai/gpt-4o" }). See https://openrouter.ai/models.');
    }
    super({ ...fields, maxRetries: 0 });
    // core's constructor does not read this field; integrations set it themselves
    if (fields.disableStreaming !== undefined) this.disableStreaming = fields.disableStreaming;
    registerBlockTranslator();
    const connection = createConnection(fields, getEnvironmentVariable, "ChatOpenRouter");
    if (!connection.apiKey) throw new OpenRouterAuthError(MISSING_KEY);
    const own = this as unknown as Record<string, unknown>;
    for (const [option] of BODY_FIELDS) own[option] = fields[option];
    this.model = model;
    this.stop = fields.stop ?? fields.stopSequences;
    // an empty variable counts as unset, as OPENROUTER_BASE_URL does
    this.sessionId = fields.sessionId ?? (getEnvironmentVariable("OPENROUTER_SESSION_ID") || undefined);
    this.streamUsage = fields.streamUsage ?? true;
    this.modelKwargs = fields.modelKwargs;
    this.apiKey = connection.apiKey;
    this.baseURL = connection.baseURL;
    this.siteUrl = fields.siteUrl ?? DEFAULT_SITE_URL;
    this.siteName = fields.siteName ?? DEFAULT_SITE_NAME;
    this.appCategories = fields.appCategories;
    this.maxRetries = connection.maxRetries;
    this.timeout = fields.timeout;
    this.defaultHeaders = fields.defaultHeaders;
    this.fetchImplementation = fields.fetch;
    // LangSmith shows it on every run, beside core's own (BaseLangChain does the same for core)
    const versions = this.metadata?.["versions"];
    this.metadata = {
      ...this.metadata,
      versions: { ...(typeof versions === "object" && versions !== null ? versions : {}), [PACKAGE_NAME]: PACKAGE_VERSION },
    };
    // the key must not be reachable by enumeration (JSON.stringify, util.inspect of the model);
    // toJSON still finds it in lc_kwargs and writes the OPENROUTER_API_KEY secret marker instead
    for (const key of ["apiKey", "lc_kwargs"] as const) {
      Object.defineProperty(this, key, { enumerable: false, writable: true, configurable: true, value: this[key] });
    }
  }

  /** Alias of {@link ChatOpenRouter.model}. */
  get modelName(): string {
    return this.model;
  }

  set modelName(value: string) {
    this.model = value;
  }

  /** The option names a call takes (core's and this package's). */
  override get callKeys(): string[] {
    return [...new Set([...super.callKeys, ...CALL_OPTION_NAMES])];
  }

  _llmType(): string {
    return "openrouter";
  }

  override getLsParams(options: this["ParsedCallOptions"]): LangSmithParams {
    return {
      ls_provider: "openrouter",
      ls_model_name: options.model ?? this.model,
      ls_model_type: "chat",
      ls_temperature: options.temperature ?? this.temperature,
      ls_max_tokens: options.maxTokens ?? this.maxTokens,
      ls_stop: options.stop ?? this.stop,
    };
  }

  /** The request body's fields for a call (without messages), as sent: the model's fields, overridden by the call's options. */
  override invocationParams(options?: this["ParsedCallOptions"]): Omit<OpenRouterChatRequest, "messages"> {
    if (options) validateOptions(options, "call");
    return invocationParams(this, options);
  }

  /**
   * What the model can do (tool calling, structured output, input and output modalities, context
   * window), from the model catalog: the snapshot shipped in the package, or the list fetched by
   * `refreshModelCatalog()`. `{}` for a model the catalog does not know.
   */
  override get profile(): ModelProfile {
    return modelProfile(this.model, this.baseURL);
  }

  /**
   * Binds tools sent with every call: LangChain tools, `{ name, description, schema }` (Zod 3/4,
   * Standard Schema or JSON schema), OpenAI function tools, or OpenRouter server tools such as
   * `{ type: "openrouter:web_search" }`. Options: `tool_choice`, `strict`, `parallel_tool_calls`.
   */
  override bindTools(
    tools: BindToolsInput[],
    kwargs: Partial<ChatOpenRouterCallOptions> = {}
  ): ChatOpenRouterBinding {
    validateOptions(kwargs, "call");
    const wireTools = toWireTools(tools);
    // a bad tool_choice fails here, at bind time, not on the first call
    toWireToolChoice(kwargs.tool_choice, wireTools);
    return this.withConfig({ ...kwargs, tools: wireTools });
  }

  /** The model with options bound to every call; its `streamEvents()` without a version is the content-block stream. */
  override withConfig(config: Partial<ChatOpenRouterCallOptions>): ChatOpenRouterBinding {
    return new ChatOpenRouterBinding({ bound: this, config, kwargs: {} });
  }

  override withStructuredOutput<RunOutput extends AnyRecord = AnyRecord>(
    outputSchema: SerializableSchema<RunOutput>,
    config?: StructuredOutputMethodOptions<false>
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends AnyRecord = AnyRecord>(
    outputSchema: SerializableSchema<RunOutput>,
    config?: StructuredOutputMethodOptions<true>
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput<RunOutput extends AnyRecord = AnyRecord>(
    outputSchema: ZodV4Like<RunOutput> | AnyRecord,
    config?: StructuredOutputMethodOptions<false>
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends AnyRecord = AnyRecord>(
    outputSchema: ZodV4Like<RunOutput> | AnyRecord,
    config?: StructuredOutputMethodOptions<true>
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput<RunOutput extends AnyRecord = AnyRecord>(
    outputSchema: ZodV3Like<RunOutput> | AnyRecord,
    config?: StructuredOutputMethodOptions<false>
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends AnyRecord = AnyRecord>(
    outputSchema: ZodV3Like<RunOutput> | AnyRecord,
    config?: StructuredOutputMethodOptions<true>
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  /**
   * A runnable that answers with an object matching the schema (Zod 3/4, Standard Schema or JSON
   * schema). `method` defaults by the model's capabilities: `jsonSchema` where OpenRouter lists
   * `structured_outputs`, else `functionCalling`, else `jsonMode`; always `functionCalling` with
   * fallback `models` or `route: "fallback"`. `strict`, `name` and `includeRaw` as in LangChain.
   */
  override withStructuredOutput<RunOutput extends AnyRecord = AnyRecord>(
    outputSchema: unknown,
    config?: StructuredOutputMethodOptions<boolean>
  ): Runnable<BaseLanguageModelInput, RunOutput> | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }> {
    return structuredOutputRunnable(
      {
        model: this.model,
        models: this.models,
        route: this.route,
        baseURL: this.baseURL,
        bound: (options) => this.withConfig(options),
      },
      outputSchema,
      config
    ) as Runnable<BaseLanguageModelInput, RunOutput> | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  }

  /** How to reach OpenRouter for a call, from the fields as they are now (checked again: they may have been assigned). */
  protected connectionFor(options: this["ParsedCallOptions"]): OpenRouterConnection {
    const connection = createConnection(
      {
        apiKey: this.apiKey,
        baseURL: this.baseURL,
        siteUrl: this.siteUrl,
        siteName: this.siteName,
        appCategories: this.appCategories,
        maxRetries: options.maxRetries ?? this.maxRetries,
        timeout: this.timeout,
        defaultHeaders: this.defaultHeaders,
        fetch: this.fetchImplementation,
      },
      noEnvironment,
      "ChatOpenRouter",
      { retryBaseDelayMs: this.retryBaseDelayMs }
    );
    if (!connection.apiKey) throw new OpenRouterAuthError(MISSING_KEY);
    return connection;
  }

  override async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"]
  ): Promise<ChatResult> {
    const request: OpenRouterChatRequest = { ...this.invocationParams(options), messages: toWireMessages(messages) };
    const { body } = await requestJson<OpenRouterChatResponse>(this.connectionFor(options), {
      path: "/chat/completions",
      body: request,
      signal: options.signal,
      headers: options.headers,
    });
    // (an error inside the 200 was raised by requestJson, as its status' class, retried by its rule)
    const choice = Array.isArray(body?.choices) ? body.choices[0] : undefined;
    if (typeof choice !== "object" || choice === null) {
      throw new OpenRouterProviderError("OpenRouter answered 200 without a choice: the body has no `choices[0]` object, so there is no answer.", {
        generationId: typeof body?.id === "string" ? body.id : undefined,
        raw: body,
      });
    }
    const message = fromWireMessage(body);
    // no llmOutput: core would copy it into response_metadata, and invoke must equal concat(stream)
    return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
  }

  /** Sends the streamed request; the chunks it yields are read once, by whichever path asked. */
  protected async openStream(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"]
  ): Promise<AsyncGenerator<OpenRouterStreamChunk>> {
    const request: OpenRouterChatRequest = {
      ...this.invocationParams(options),
      messages: toWireMessages(messages),
      stream: true,
    };
    if (options.streamUsage ?? this.streamUsage) request.stream_options = { include_usage: true };
    const { chunks } = await requestStream(this.connectionFor(options), {
      path: "/chat/completions",
      body: request,
      signal: options.signal,
      headers: options.headers,
    });
    return chunks;
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun
  ): AsyncGenerator<ChatGenerationChunk> {
    const chunks = await this.openStream(messages, options);
    const state = newChunkState();
    const facts: CompletionFacts = {};
    for await (const chunk of chunks) {
      const delta = foldChunkFacts(chunk, facts);
      if (!delta) continue;
      state.generationId = facts.id;
      const fields = fromWireDelta(delta, state);
      if (!fields) continue;
      const generation = new StreamedGenerationChunk({
        // model_provider on every chunk, so each chunk's contentBlocks shows its reasoning, citations, images
        message: new AIMessageChunk({ ...fields, id: facts.id, response_metadata: { model_provider: "openrouter" } }),
        text: fields.content,
      });
      yield generation;
      await runManager?.handleLLMNewToken(fields.content, { prompt: 0, completion: 0 }, undefined, undefined, undefined, {
        chunk: generation,
      });
    }
    if (facts.finish_reason == null) throw incompleteStreamError(facts);
    // every fact goes on exactly one chunk, so concat gives what invoke gives
    yield new StreamedGenerationChunk({
      message: new AIMessageChunk({
        content: "",
        id: facts.id,
        additional_kwargs: closingKwargs(state),
        usage_metadata: fromWireUsage(facts.usage),
        response_metadata: fromWireMetadata(facts),
      }),
      text: "",
    });
  }

  /**
   * Content-block events for `streamEvents()` without a `version`, read from
   * the same SSE loop as `stream()` but emitted straight from the wire deltas: no message chunk and
   * no merge per delta. The message core assembles from them equals `invoke`'s (id, content,
   * reasoning_details, tool calls, response_metadata, usage); a broken stream rejects it.
   */
  override async *_streamChatModelEvents(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun
  ): AsyncGenerator<ChatModelStreamEvent> {
    const chunks = await this.openStream(messages, options);
    const state = newEventState();
    for await (const chunk of chunks) {
      const events = chunkEvents(chunk, state);
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        yield event;
        if (runManager !== undefined && event.event === "content-block-delta" && event.delta.type === "text-delta") {
          await runManager.handleLLMNewToken(event.delta.text, { prompt: 0, completion: 0 });
        }
      }
    }
    if (state.facts.finish_reason == null) throw incompleteStreamError(state.facts);
    yield* closingEvents(state);
  }
}

/** A stream whose body ended (even with `[DONE]`) before any finish reason: never a short answer. */
function incompleteStreamError(facts: CompletionFacts): OpenRouterStreamError {
  return new OpenRouterStreamError("OpenRouter's stream ended without a finish reason: the answer may be incomplete.", {
    generationId: facts.id,
    usage: facts.usage ?? undefined,
  });
}
