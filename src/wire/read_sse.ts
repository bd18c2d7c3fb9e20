// Response body → parsed stream chunks. Comments (`: OPENROUTER PROCESSING`) and blank keep-alives
// are skipped by the parser; `[DONE]` ends the stream; an `error` chunk, or a body that ends or
// breaks before `[DONE]` without a finish reason, raises OpenRouterStreamError (api.md §4.1, §4.5).
// A body that ends after a finish reason but without `[DONE]` is complete: proxies and some
// OpenAI-compatible gateways drop the frame. With `requireFinish`, `[DONE]` before any finish
// reason raises too. Every error raised here carries what the stream delivered before it: the
// first choice's text as `partialText`, the last usage, the generation id.
import { createParser } from "eventsource-parser";
import type { AbortScope } from "./abort_scope.js";
import { OpenRouterError } from "./errors.js";
import { callerAbortFailure, inBandErrorOf, OpenRouterStreamError, timeoutError } from "./transport_errors.js";
import { isRecord } from "./is_record.js";
import type { OpenRouterErrorObject, OpenRouterStreamChunk } from "./types.js";

/** What a stream delivered before it failed, as the fields of the error that ends it. */
interface Delivered {
  partialText: string;
  usage?: unknown;
  generationId?: string;
}

/** What a protocol's chunks delivered so far; its `observe` folds each chunk into it. */
export interface Seen {
  /** The answer's text so far (the first choice's). */
  text: string;
  usage?: unknown;
  generationId?: string;
}

/**
 * How one API's chunks end and fail: chat completions' `chat.completion.chunk`s (the default), or
 * the Responses API's typed events (responses_protocol.ts). `observe` folds a chunk into `seen` and
 * says what it means for the stream: `"finish"` (the answer is complete), an error object (raised,
 * with what was delivered), or undefined.
 */
export interface SseProtocol<T> {
  observe(chunk: T, seen: Seen): "finish" | OpenRouterErrorObject | undefined;
  /** What a complete stream ends with, named in the errors of a stream that did not get there. */
  end: string;
}

/** Chat completions: an `error` chunk fails, a finish reason completes, `[DONE]` ends (api.md §4). */
export const chatProtocol: SseProtocol<OpenRouterStreamChunk> = {
  end: "[DONE]",
  observe(chunk, seen) {
    if (chunk.usage) seen.usage = chunk.usage;
    if (seen.generationId === undefined && typeof chunk.id === "string") seen.generationId = chunk.id;
    if (chunk.error) return chunk.error;
    const choice = chunk.choices?.[0];
    if (choice == null) return undefined;
    const content = choice.delta?.content;
    if (typeof content === "string" && content !== "") seen.text += content;
    return choice.finish_reason != null ? "finish" : undefined;
  },
};

// After the 200 every failure is an OpenRouterStreamError (part of the answer may be out); a timeout
// (ours or the caller's) is its cause, as an OpenRouterTimeoutError. A caller's other abort stays an abort.
function brokenStreamError(error: unknown, scope: AbortScope | undefined, delivered: Delivered, end: string): unknown {
  if (OpenRouterError.isInstance(error)) return error;
  if (scope?.signal.aborted && !scope.timedOut) {
    const failure = callerAbortFailure(scope.signal.reason);
    if (!OpenRouterError.isInstance(failure)) return failure;
    return new OpenRouterStreamError(`OpenRouter's stream broke before ${end}: the call's own time limit ran out.`, { ...delivered, cause: failure });
  }
  if (scope?.timedOut) {
    return new OpenRouterStreamError(`OpenRouter's stream broke before ${end}: no bytes arrived within the timeout.`, {
      ...delivered,
      cause: timeoutError({ timeoutMs: scope.timeoutMs }),
    });
  }
  const reason = String((error as Error)?.message ?? error);
  return new OpenRouterStreamError(`OpenRouter's stream broke before ${end}: ${reason}.`, { ...delivered, cause: error });
}

export interface ReadSseOptions {
  /** Re-armed before every read (the idle timeout); aborting it cancels the read; disposed when the reading ends, however it ends. */
  scope?: AbortScope;
  /** The answer's headers, for the errors built from an error chunk. */
  headers?: Headers;
  /** Cleans the text of errors built from the body (it may echo the API key). */
  redact?: (text: string) => string;
  /** `[DONE]` before any finish reason raises: a chat completion always ends with one. */
  requireFinish?: boolean;
}

/** Yields each `data:` event of an OpenRouter SSE body as a parsed chunk; `protocol` says how its chunks end and fail. */
export function readSse(body: ReadableStream<Uint8Array>, options?: ReadSseOptions): AsyncGenerator<OpenRouterStreamChunk>;
export function readSse<T>(body: ReadableStream<Uint8Array>, options: ReadSseOptions, protocol: SseProtocol<T>): AsyncGenerator<T>;
export async function* readSse<T>(
  body: ReadableStream<Uint8Array>,
  { scope, headers, redact = (text) => text, requireFinish = false }: ReadSseOptions = {},
  protocol: SseProtocol<T> = chatProtocol as unknown as SseProtocol<T>
): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: T[] = [];
  const { end } = protocol;
  let sawDone = false;
  let sawFinish = false;
  // what the caller has received, for the error that may end the stream; redacted only then
  const seen: Seen = { text: "" };
  const delivered = (): Delivered => ({ partialText: redact(seen.text), usage: seen.usage, generationId: seen.generationId });
  let badEvent: string | undefined;
  const parser = createParser({
    onEvent(event) {
      if (sawDone || badEvent !== undefined) return;
      if (event.data === "[DONE]") {
        sawDone = true;
        return;
      }
      let chunk: unknown;
      try {
        chunk = JSON.parse(event.data);
      } catch {
        badEvent = event.data;
        return;
      }
      // `null`, a number or an array is no chunk: reading fields of it would throw a TypeError
      if (isRecord(chunk)) pending.push(chunk as T);
      else badEvent = event.data;
    },
  });
  let finished = false;
  // "\r\n", "\r" and "\n" all end a line (SSE spec). eventsource-parser holds a "\r" that ends a
  // read until a later read brings a line break, so at the end of the body the blank line it
  // closed, and the event before it, were lost. Each "\r" is passed on as "\n" at once instead,
  // and a "\n" that completes it in the next read is dropped.
  let afterCr = false;
  const feed = (text: string) => {
    if (text === "") return;
    if (afterCr && text.charCodeAt(0) === 10) text = text.slice(1);
    afterCr = text.endsWith("\r");
    parser.feed(text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);
  };
  try {
    for (;;) {
      scope?.arm();
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        throw brokenStreamError(error, scope, delivered(), end);
      }
      // the timeout is for the server's silence, not the caller's: while the caller works on a
      // chunk no timer runs (aborting the fetch then left the next read of buffered bytes hanging)
      scope?.disarm();
      if (read.done) {
        // an event not closed by a blank line at the end of the body is discarded (SSE spec)
        feed(decoder.decode());
        finished = true;
      } else {
        feed(decoder.decode(read.value, { stream: true }));
      }
      for (let i = 0; i < pending.length; i++) {
        const chunk = pending[i]!;
        const verdict = protocol.observe(chunk, seen);
        if (verdict === "finish") sawFinish = true;
        else if (verdict !== undefined) throw inBandErrorOf(verdict, { ...delivered(), headers, redact });
        yield chunk;
      }
      pending.length = 0;
      if (badEvent !== undefined) {
        const snippet = redact(badEvent).slice(0, 200);
        throw new OpenRouterStreamError(`OpenRouter sent an event that is not a JSON object: ${snippet}`, { ...delivered(), raw: snippet });
      }
      if (sawDone && !sawFinish && requireFinish) {
        throw new OpenRouterStreamError("OpenRouter's stream ended without a finish reason: the answer may be incomplete.", delivered());
      }
      if (sawDone || (finished && sawFinish)) return;
      if (finished) throw new OpenRouterStreamError(`OpenRouter's stream ended without ${end}: the answer may be incomplete.`, delivered());
    }
  } finally {
    scope?.dispose();
    if (!finished) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
