// Response body → parsed stream chunks. Comments (`: OPENROUTER PROCESSING`) and blank keep-alives
// are skipped by the parser; `[DONE]` ends the stream; an `error` chunk or a body that ends or
// breaks before `[DONE]` raises OpenRouterStreamError (api.md §4.1, §4.5).
import { createParser } from "eventsource-parser";
import type { AbortScope } from "./abort_scope.js";
import { inBandErrorOf } from "./error_from_response.js";
import { OpenRouterError, OpenRouterStreamError } from "./errors.js";
import type { OpenRouterStreamChunk } from "./types.js";

function brokenStreamError(error: unknown, scope: AbortScope | undefined): unknown {
  if (OpenRouterError.isInstance(error)) return error;
  if (scope?.signal.aborted && !scope.timedOut) return scope.signal.reason;
  const why = scope?.timedOut ? "no bytes arrived within the timeout" : String((error as Error)?.message ?? error);
  return new OpenRouterStreamError(`OpenRouter's stream broke before [DONE]: ${why}.`, { cause: error });
}

/**
 * Yields each `data:` event of an OpenRouter SSE body as a parsed chunk. `scope`, when given, is
 * re-armed before every read (the idle timeout) and aborting it cancels the read.
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  scope?: AbortScope,
  headers?: Headers
): AsyncGenerator<OpenRouterStreamChunk> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: OpenRouterStreamChunk[] = [];
  let sawDone = false;
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
      if (typeof chunk === "object" && chunk !== null && !Array.isArray(chunk)) pending.push(chunk as OpenRouterStreamChunk);
      else badEvent = event.data;
    },
  });
  let finished = false;
  let lastText = "";
  try {
    for (;;) {
      scope?.arm();
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        throw brokenStreamError(error, scope);
      }
      if (read.done) {
        // a trailing "\r" is a whole line ending once no "\n" can follow; an event not closed
        // by a blank line at the end of the body is discarded (SSE spec)
        const rest = decoder.decode();
        parser.feed(rest.endsWith("\r") || (rest === "" && lastText.endsWith("\r")) ? `${rest}\n` : rest);
        finished = true;
      } else {
        lastText = decoder.decode(read.value, { stream: true });
        parser.feed(lastText);
      }
      for (let i = 0; i < pending.length; i++) {
        const chunk = pending[i]!;
        if (chunk.error) throw inBandErrorOf(chunk.error, { id: chunk.id, usage: chunk.usage, headers });
        yield chunk;
      }
      pending.length = 0;
      if (badEvent !== undefined) {
        throw new OpenRouterStreamError(`OpenRouter sent an event that is not a JSON object: ${badEvent.slice(0, 200)}`, {
          raw: badEvent.slice(0, 200),
        });
      }
      if (sawDone) return;
      if (finished) throw new OpenRouterStreamError("OpenRouter's stream ended without [DONE]: the answer may be incomplete.");
    }
  } finally {
    scope?.disarm();
    if (!finished) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
