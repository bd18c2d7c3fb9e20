// OpenRouter's answer → what LangChain reads: a 200 body → the ChatResult of `invoke`; a stream's
// parsed chunks → message chunks for `stream()`, content-block events for `streamEvents()`. Both
// stream paths fold the chunks' facts the same way (convert/) and report each text delta to the run
// manager; a stream that ends without a finish reason is raised by the transport (wire/read_sse.ts).
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { ChatModelStreamEvent } from "@langchain/core/language_models/event";
import { AIMessageChunk } from "@langchain/core/messages";
import type { ChatGenerationChunk, ChatResult } from "@langchain/core/outputs";
import { closingChunkFields, fromWireChunk, newChunkState } from "../convert/from_wire_chunk.js";
import { fromWireMessage } from "../convert/from_wire_message.js";
import { headerFactsOf } from "../convert/from_wire_metadata.js";
import { chunkEvents, closingEvents, newEventState } from "../convert/to_stream_events.js";
import { OpenRouterProviderError } from "../wire/errors.js";
import type { OpenRouterStream } from "../wire/send_request.js";
import type { OpenRouterChatResponse } from "../wire/types.js";
import { StreamedGenerationChunk } from "./streamed_generation_chunk.js";

/** `invoke`: the answer of a 200 body (an error inside it was already raised by the transport, as its status' class). */
export function chatResultOf(body: OpenRouterChatResponse, headers?: Headers): ChatResult {
  const choice = Array.isArray(body?.choices) ? body.choices[0] : undefined;
  if (typeof choice !== "object" || choice === null) {
    throw new OpenRouterProviderError("OpenRouter answered 200 without a choice: the body has no `choices[0]` object, so there is no answer.", {
      generationId: typeof body?.id === "string" ? body.id : undefined,
      raw: body,
    });
  }
  const message = fromWireMessage(body, headerFactsOf(headers));
  // no llmOutput: core would copy it into response_metadata, and invoke must equal concat(stream)
  return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
}

/** `invoke` with `streaming: true`: the stream's chunks merged as `concat` merges them, so the answer equals the non-streamed one. */
export async function chatResultOfStream(chunks: AsyncIterable<ChatGenerationChunk>): Promise<ChatResult> {
  let merged: ChatGenerationChunk | undefined;
  for await (const chunk of chunks) merged = merged === undefined ? chunk : merged.concat(chunk);
  // a stream always ends with its closing chunk, or raises
  const { message, text } = merged!;
  return { generations: [{ text, message }] };
}

/** `stream()`: one generation chunk per delta that carries anything, then one closing chunk with every fact. */
export async function* generationChunks(
  { headers, chunks }: OpenRouterStream,
  runManager: CallbackManagerForLLMRun | undefined,
  audioFormat?: string
): AsyncGenerator<ChatGenerationChunk> {
  const state = newChunkState();
  state.facts.headers = headerFactsOf(headers);
  state.facts.audioFormat = audioFormat;
  for await (const chunk of chunks) {
    const fields = fromWireChunk(chunk, state);
    if (!fields) continue;
    const generation = new StreamedGenerationChunk({
      // model_provider on every chunk, so each chunk's contentBlocks shows its reasoning, citations, images
      message: new AIMessageChunk({ ...fields, id: state.facts.id, response_metadata: { model_provider: "openrouter" } }),
      text: fields.content,
    });
    yield generation;
    await runManager?.handleLLMNewToken(fields.content, { prompt: 0, completion: 0 }, undefined, undefined, undefined, {
      chunk: generation,
    });
  }
  yield new StreamedGenerationChunk({
    message: new AIMessageChunk({ content: "", id: state.facts.id, ...closingChunkFields(state) }),
    text: "",
  });
}

/** `streamEvents()` without a version: content-block events straight from the wire deltas, no message chunk per delta. */
export async function* modelEvents(
  { headers, chunks }: OpenRouterStream,
  runManager: CallbackManagerForLLMRun | undefined,
  audioFormat?: string
): AsyncGenerator<ChatModelStreamEvent> {
  const state = newEventState();
  state.facts.headers = headerFactsOf(headers);
  state.facts.audioFormat = audioFormat;
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
  yield* closingEvents(state);
}
