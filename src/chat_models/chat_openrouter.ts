import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from "@langchain/core/language_models/base";
import { BaseChatModel, type BindToolsInput, type LangSmithParams } from "@langchain/core/language_models/chat_models";
import type { ChatModelStreamEvent } from "@langchain/core/language_models/event";
import type { ModelProfile } from "@langchain/core/language_models/profile";
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import type { ChatGenerationChunk, ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import type { SerializableSchema } from "@langchain/core/utils/standard_schema";
import type { ZodV3Like, ZodV4Like } from "@langchain/core/utils/types";
import type { IterableReadableStream } from "@langchain/core/utils/stream";
import { getEnvironmentVariable } from "@langchain/core/utils/env";
import { toWireMessages } from "../convert/to_wire_messages.js";
import { toWireToolChoice, toWireTools } from "../convert/to_wire_tools.js";
import { attributionOf, createConnection, missingKeyError } from "../wire/connection.js";
import type { OpenRouterConnection, OpenRouterStream } from "../wire/send_request.js";
import type { OpenRouterChatRequest } from "../wire/types.js";
import { ChatOpenRouterBinding } from "./chat_openrouter_binding.js";
import { BODY_FIELDS, HEADER_OPTIONS, invocationParams } from "./invocation_params.js";
import { CALL_OPTION_NAMES } from "./known_options.js";
import { modelProfile } from "./model_catalog.js";
import type { ChatOpenRouterCallOptions, ChatOpenRouterFields, ChatOpenRouterRequestOptions } from "./options.js";
import { withPackageVersion } from "./package_version.js";
import { releaseTypedTimeout, withTypedTimeout } from "./call_signal.js";
import { constructorFields } from "./constructor_fields.js";
import { chatResultOfStream, generationChunks, modelEvents } from "./read_answer.js";
import { sendForResult, sendForStream } from "./send_chat_request.js";
import { structuredOutputRunnable } from "./structured_output.js";
import { registerBlockTranslator } from "./register_block_translator.js";
import { validateOptions } from "./validate_options.js";

// LangChain's withStructuredOutput signature uses Record<string, any>, so interface types fit too
// oxlint-disable-next-line typescript/no-explicit-any
type AnyRecord = Record<string, any>;

// the fields were resolved against the environment once, at construction
const noEnvironment = (): undefined => undefined;


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
// oxlint-disable-next-line typescript/no-unsafe-declaration-merging -- the fields are assigned in the constructor (BODY_FIELDS)
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
  // is what the next request sends. The request options are declared once, on ChatOpenRouterRequestOptions
  // (src/chat_models/options.ts, with their docs), and merged into this class by the interface below it.
  /** The model slug requests go to unless a call names another. */
  model: string;
  streamUsage: boolean;
  /** `invoke` goes through the stream (token callbacks per token, the stream's idle timeout). */
  streaming: boolean;
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
    const { fields, model } = constructorFields(modelOrFields, moreFields);
    validateOptions(fields, "constructor");
    super({ ...fields, maxRetries: 0 });
    // core's constructor does not read this field; integrations set it themselves
    if (fields.disableStreaming !== undefined) this.disableStreaming = fields.disableStreaming;
    registerBlockTranslator();
    const connection = createConnection(fields, getEnvironmentVariable, "ChatOpenRouter");
    if (!connection.apiKey) throw missingKeyError("ChatOpenRouter");
    const options = [...BODY_FIELDS.map(([option]) => option), ...HEADER_OPTIONS];
    Object.assign(this, Object.fromEntries(options.map((option) => [option, fields[option]])));
    this.model = model;
    this.stop = fields.stop ?? fields.stopSequences;
    // an empty variable counts as unset, as OPENROUTER_BASE_URL does
    this.sessionId = fields.sessionId ?? (getEnvironmentVariable("OPENROUTER_SESSION_ID") || undefined);
    this.streamUsage = fields.streamUsage ?? true;
    this.streaming = fields.streaming ?? false;
    this.modelKwargs = fields.modelKwargs;
    this.useResponsesApi = fields.useResponsesApi;
    this.apiKey = connection.apiKey;
    this.baseURL = connection.baseURL;
    ({ siteUrl: this.siteUrl, siteName: this.siteName } = attributionOf(fields, getEnvironmentVariable));
    this.appCategories = fields.appCategories;
    this.maxRetries = connection.maxRetries;
    this.timeout = fields.timeout;
    this.defaultHeaders = fields.defaultHeaders;
    this.fetchImplementation = fields.fetch;
    this.metadata = withPackageVersion(this.metadata);
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
    return invocationParams(this, options);
  }

  /** The whole request body of a call; the call's options are checked here, once per call. */
  protected requestBody(messages: BaseMessage[], options: this["ParsedCallOptions"]): OpenRouterChatRequest {
    validateOptions(options, "call");
    return { ...this.invocationParams(options), messages: toWireMessages(messages) };
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
    const host = { model: this.model, models: this.models, route: this.route, baseURL: this.baseURL };
    return structuredOutputRunnable({ ...host, bound: (options) => this.withConfig(options) }, outputSchema, config) as Runnable<BaseLanguageModelInput, RunOutput> | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  }

  /** How to reach OpenRouter for a call, from the fields as they are now (checked again: they may have been assigned). */
  protected connectionFor(options: this["ParsedCallOptions"]): OpenRouterConnection {
    const { apiKey, baseURL, siteUrl, siteName, appCategories, timeout, defaultHeaders, retryBaseDelayMs } = this;
    const fields = { apiKey, baseURL, siteUrl, siteName, appCategories, timeout, defaultHeaders, fetch: this.fetchImplementation };
    const connection = createConnection({ ...fields, maxRetries: options.maxRetries ?? this.maxRetries }, noEnvironment, "ChatOpenRouter", {
      retryBaseDelayMs,
    });
    if (!connection.apiKey) throw missingKeyError("ChatOpenRouter");
    return connection;
  }

  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    // OpenRouter sends audio only in a stream
    const audio = (options.modalities ?? this.modalities)?.includes("audio");
    if (this.streaming || audio) return chatResultOfStream(this._streamResponseChunks(messages, options, runManager));
    return sendForResult(this.connectionFor(options), this, this.requestBody(messages, options), options);
  }

  /** Sends the streamed request; the chunks it yields are read once, by whichever path asked. */
  protected openStream(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<OpenRouterStream> {
    return sendForStream(this.connectionFor(options), this, this.requestBody(messages, options), options);
  }

  /** As core's `stream()`, with every timeout of the call an OpenRouterTimeoutError (call_signal.ts). */
  override async stream(input: BaseLanguageModelInput, options?: Partial<ChatOpenRouterCallOptions>): Promise<IterableReadableStream<AIMessageChunk>> {
    const typed = withTypedTimeout(options);
    try {
      return await super.stream(input, typed);
    } catch (error) {
      releaseTypedTimeout(typed?.signal);
      throw error;
    }
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun
  ): AsyncGenerator<ChatGenerationChunk> {
    try {
      yield* generationChunks(await this.openStream(messages, options), runManager, (options.audio ?? this.audio)?.format);
    } finally {
      releaseTypedTimeout(options.signal);
    }
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
    yield* modelEvents(await this.openStream(messages, options), runManager, (options.audio ?? this.audio)?.format);
  }
}

/** The request options as public fields (declared once, in options.ts); `model` and `streamUsage` are declared on the class, as never undefined. */
// oxlint-disable-next-line typescript/no-unsafe-declaration-merging
export interface ChatOpenRouter extends Omit<ChatOpenRouterRequestOptions, "model" | "streamUsage"> {}
