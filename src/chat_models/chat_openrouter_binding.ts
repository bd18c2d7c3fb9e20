// What `bindTools` and `withConfig` return: core's RunnableBinding, whose `streamEvents` forwards
// only the versioned event APIs. Without a `version` core's binding reads `options.version` of
// undefined (no options) or wraps the model's ChatModelStream in a plain event stream (no `.text`,
// `.toolCalls`, no awaited message). This one hands the bound config to the model's own
// `streamEvents`, so `model.bindTools(tools).streamEvents(input)` is the ChatModelStream that
// `model.streamEvents(input, { tools })` gives. Everything else is core's binding, unchanged.
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatModelStream } from "@langchain/core/language_models/stream";
import type { AIMessageChunk } from "@langchain/core/messages";
import { ensureConfig, mergeConfigs, type Runnable, RunnableBinding, type RunnableBindingArgs } from "@langchain/core/runnables";
import type { StreamEvent } from "@langchain/core/tracers/log_stream";
import type { IterableReadableStream } from "@langchain/core/utils/stream";
import type { ChatOpenRouterCallOptions } from "./options.js";

/** core's options for the versioned event APIs (its own type is not exported) */
type EventStreamOptions = Parameters<Runnable["streamEvents"]>[2];
type Versioned = Partial<ChatOpenRouterCallOptions> & { version: "v1" | "v2" };

/** What a binding wraps: the chat model itself (ChatOpenRouter), whose `streamEvents` without a version is the ChatModelStream. */
type BoundChatModel = BaseChatModel<ChatOpenRouterCallOptions, AIMessageChunk>;

/** A ChatOpenRouter with bound options (tools, call options); see `bindTools` and `withConfig`. */
export class ChatOpenRouterBinding extends RunnableBinding<BaseLanguageModelInput, AIMessageChunk, ChatOpenRouterCallOptions> {
  declare bound: BoundChatModel;

  constructor(fields: RunnableBindingArgs<BaseLanguageModelInput, AIMessageChunk, ChatOpenRouterCallOptions> & { bound: BoundChatModel }) {
    super(fields);
  }

  /** More bound options; still a ChatOpenRouterBinding (core's binding rebuilds with `this.constructor`). */
  override withConfig(config: Partial<ChatOpenRouterCallOptions>): ChatOpenRouterBinding {
    return super.withConfig(config) as ChatOpenRouterBinding;
  }

  /** The v1/v2 event APIs, as core's binding gives them. */
  override streamEvents(
    input: BaseLanguageModelInput,
    options: Versioned & { encoding: "text/event-stream" },
    streamOptions?: EventStreamOptions
  ): IterableReadableStream<Uint8Array>;
  override streamEvents(input: BaseLanguageModelInput, options: Versioned, streamOptions?: EventStreamOptions): IterableReadableStream<StreamEvent>;
  /** Without a version: the content-block stream, with the bound tools and options. */
  override streamEvents(input: BaseLanguageModelInput, options?: Partial<ChatOpenRouterCallOptions>): ChatModelStream;
  override streamEvents(
    input: BaseLanguageModelInput,
    options?: Partial<ChatOpenRouterCallOptions> & { version?: "v1" | "v2"; encoding?: "text/event-stream" },
    streamOptions?: EventStreamOptions
  ): ChatModelStream | IterableReadableStream<StreamEvent> | IterableReadableStream<Uint8Array> {
    if (options?.version !== undefined) return super.streamEvents(input, options as Versioned, streamOptions);
    // as core's binding merges for stream(): its config, the caller's, then the bound kwargs
    const config = mergeConfigs<Partial<ChatOpenRouterCallOptions>>(this.config, ensureConfig(options), this.kwargs);
    return this.bound.streamEvents(input, config);
  }
}
