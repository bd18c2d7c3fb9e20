// Cancellation at every stage: before the request, while waiting for headers or the body, mid-
// stream, during a retry wait. Each rejects with the abort (the server would otherwise hold the
// call for a minute, past the test's timeout) and leaves no response, timer or listener behind.
// Each test aborts on the event that puts the call in its stage: the emulator holding the request,
// Node's fetch reporting the response headers (diagnostics channel "undici:request:headers"), the
// caller's loop getting a chunk, the client setting its retry timer.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { AIMessageChunk } from "@langchain/core/messages";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ChatOpenRouter, type ChatOpenRouterFields, OpenRouterStreamError } from "../../src/index.js";
import { CANARY_API_KEY, useEmulator } from "../helpers/emulator.js";
import { FastRetryChatOpenRouter } from "./helpers/fast_retry_model.js";
import { abortListeners, eventually, pendingTimers } from "./helpers/leaks.js";
import { type ScriptedServer, sseOf, startScriptedServer } from "./helpers/scripted_server.js";

const emulator = useEmulator();
type Mode = "invoke" | "stream";
const MODES: Mode[] = ["invoke", "stream"];

const chunk = (content: string, finish: string | null = null) => ({ id: "gen-c", choices: [{ index: 0, delta: { content }, finish_reason: finish }] });

function modelOn(baseURL: string, fields: Partial<ChatOpenRouterFields> = {}): ChatOpenRouter {
  return new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL, ...fields });
}

/** Runs the call; `onStarted` gets each chunk as it arrives (streams) and may abort. */
async function run(model: ChatOpenRouter, mode: Mode, signal: AbortSignal, onChunk?: (index: number) => void | Promise<void>): Promise<{ text: string; error?: unknown }> {
  let merged: AIMessageChunk | undefined;
  try {
    if (mode === "invoke") return { text: (await model.invoke("hi", { signal })).text };
    let index = 0;
    for await (const piece of await model.stream("hi", { signal })) {
      merged = merged ? merged.concat(piece) : piece;
      await onChunk?.(index++);
    }
    return { text: merged?.text ?? "" };
  } catch (error) {
    return { text: merged?.text ?? "", error };
  }
}

const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";

/** Responses whose headers reached the client, as Node's fetch (undici) reports them, by request path. */
const HEADERS_CHANNEL = "undici:request:headers";
const headersArrived: { path: string; status: number }[] = [];
const headersWaiters = new Set<() => void>();
function onHeaders(message: unknown): void {
  const { request, response } = message as { request: { path: string }; response: { statusCode: number } };
  headersArrived.push({ path: request.path, status: response.statusCode });
  for (const wake of headersWaiters) wake();
}
const headersFor = (scenario: string) => headersArrived.filter((seen) => seen.path.includes(`/s/${encodeURIComponent(scenario)}/`));

/** Resolves once the client holds the response headers of a request for `scenario`. */
function clientGetsHeaders(scenario: string): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      if (headersFor(scenario).length === 0) return;
      headersWaiters.delete(wake);
      resolve();
    };
    headersWaiters.add(wake);
    wake();
  });
}

/**
 * Resolves once the client sets a timer `isRetryWait` picks out: its retry wait. The spy passes
 * every call through to the real setTimeout, and resolves after the caller that set the timer
 * returns, so the wait is in place when the test goes on.
 */
function retryWaitStarts(isRetryWait: (ms: number) => boolean): Promise<void> {
  const realSetTimeout = globalThis.setTimeout;
  return new Promise((resolve) => {
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((...args: Parameters<typeof setTimeout>) => {
      const timer = realSetTimeout(...args);
      if (isRetryWait(args[1] ?? 0)) {
        spy.mockRestore();
        resolve();
      }
      return timer;
    }) as typeof setTimeout);
  });
}

describe("cancellation", () => {
  let scripted: ScriptedServer;
  let timersBefore: number;

  beforeAll(async () => {
    // /hold: three chunks, then nothing until the client goes away; /slow: a chunk every 20 ms
    scripted = await startScriptedServer((request) => {
      const events = [chunk("one "), chunk("two "), chunk("three ")];
      if (request.path.startsWith("/hold")) return { headers: { "Content-Type": "text/event-stream" }, pieces: [sseOf(events, false)], hold: true };
      return { headers: { "Content-Type": "text/event-stream" }, pieces: sseOf([...events, chunk("", "stop")]).split(/(?<=\n\n)/), gapMs: 20 };
    });
  });
  afterAll(() => scripted?.close());
  beforeAll(() => subscribe(HEADERS_CHANNEL, onHeaders));
  afterAll(() => unsubscribe(HEADERS_CHANNEL, onHeaders));
  beforeEach(() => {
    headersArrived.length = 0;
    timersBefore = pendingTimers();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Nothing left running: no response in progress, no timer, no listener on the caller's signal. */
  async function nothingLeft(signal: AbortSignal): Promise<void> {
    await eventually(() => emulator.current.activeRequests() + scripted.activeResponses(), (count) => count === 0, "every response ending");
    await eventually(pendingTimers, (count) => count <= timersBefore, "every timer clearing");
    expect(abortListeners(signal)).toBe(0);
  }

  it.each(MODES)("aborted before the call: rejects with the abort and sends nothing (%s)", async (mode) => {
    const controller = new AbortController();
    controller.abort();
    const { error } = await run(modelOn(emulator.current.baseURL), mode, controller.signal);
    expect(isAbort(error)).toBe(true);
    expect(emulator.current.requests).toEqual([]);
    await nothingLeft(controller.signal);
  });

  it.each(MODES)("aborted while waiting for headers: rejects with the abort and closes the request (%s)", async (mode) => {
    const controller = new AbortController();
    // the emulator holds a stalled request without answering: once it has it, the client waits for headers
    const pending = run(modelOn(emulator.current.baseURLFor("stall")), mode, controller.signal);
    await eventually(() => emulator.current.activeRequests(), (count) => count === 1, "the emulator holding the request");
    controller.abort();
    expect(isAbort((await pending).error)).toBe(true);
    expect(headersFor("stall")).toEqual([]);
    await nothingLeft(controller.signal);
  });

  it.each(MODES)("aborted between headers and the first byte: rejects with the abort and closes the request (%s)", async (mode) => {
    const controller = new AbortController();
    // the emulator sends the headers, then no body byte for 60 s: the abort comes once the client has the headers
    const pending = run(modelOn(emulator.current.baseURLFor("slow-body:60000")), mode, controller.signal);
    await clientGetsHeaders("slow-body:60000");
    controller.abort();
    expect(isAbort((await pending).error)).toBe(true);
    expect(headersFor("slow-body:60000").map((seen) => seen.status)).toEqual([200]);
    await nothingLeft(controller.signal);
  });

  it("aborted mid-stream: rejects with the abort after the chunks already read, and closes the body", async () => {
    const controller = new AbortController();
    const { text, error } = await run(modelOn(`${scripted.url}/hold`), "stream", controller.signal, (index) => {
      if (index === 1) controller.abort();
    });
    expect(isAbort(error)).toBe(true);
    expect(text).toBe("one two ");
    await nothingLeft(controller.signal);
  });

  it.each(MODES)("aborted during a Retry-After wait: rejects with the abort, and the retry is never sent (%s)", async (mode) => {
    const controller = new AbortController();
    const scenario = `retry-after:60@${mode}`;
    // the 60 s timer, once the client holds the 429 (no other timer here is that long)
    const waiting = retryWaitStarts((ms) => ms === 60_000 && headersFor(scenario).length === 1);
    const pending = run(modelOn(emulator.current.baseURLFor(scenario), { maxRetries: 2 }), mode, controller.signal);
    await waiting;
    controller.abort();
    expect(isAbort((await pending).error)).toBe(true);
    expect(headersFor(scenario).map((seen) => seen.status)).toEqual([429]);
    await nothingLeft(controller.signal);
    expect(emulator.current.requests).toHaveLength(1);
  });

  it.each(MODES)("aborted during a backoff wait: rejects with the abort, and the retry is never sent (%s)", async (mode) => {
    const controller = new AbortController();
    const scenario = `status:503@${mode}`;
    // a 60 s first backoff step, capped at 8 s: a wait of 4 to 8 s, set once the client holds the 503
    // (undici's keep-alive timer is 4 s exactly, the emulator's idle timers 10 s)
    const waiting = retryWaitStarts((ms) => ms > 4000 && ms <= 8000 && headersFor(scenario).length === 1);
    const model = new FastRetryChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURLFor(scenario), maxRetries: 2 }, 60_000);
    const pending = run(model, mode, controller.signal);
    await waiting;
    controller.abort();
    expect(isAbort((await pending).error)).toBe(true);
    expect(headersFor(scenario).map((seen) => seen.status)).toEqual([503]);
    await nothingLeft(controller.signal);
    expect(emulator.current.requests).toHaveLength(1);
  });

  it.each(MODES)("the caller's own abort reason is what the call rejects with (%s)", async (mode) => {
    const controller = new AbortController();
    const reason = new Error("user pressed stop");
    const pending = run(modelOn(emulator.current.baseURLFor("stall")), mode, controller.signal);
    await eventually(() => emulator.current.activeRequests(), (count) => count === 1, "the emulator holding the request");
    controller.abort(reason);
    expect((await pending).error).toBe(reason);
    expect(headersFor("stall")).toEqual([]);
    await nothingLeft(controller.signal);
  });

  it("a caller that stops reading a stream (break) closes the body and leaves nothing running", async () => {
    const controller = new AbortController();
    const model = modelOn(`${scripted.url}/hold`);
    let seen = 0;
    for await (const piece of await model.stream("hi", { signal: controller.signal })) {
      seen += piece.text === "" ? 0 : 1;
      if (seen === 2) break;
    }
    expect(seen).toBe(2);
    await nothingLeft(controller.signal);
  });

  it("core's timeout call option aborts a stalled call and closes the request", async () => {
    const model = modelOn(emulator.current.baseURLFor("stall"));
    const error = await model.invoke("hi", { timeout: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    await eventually(() => emulator.current.activeRequests(), (count) => count === 0, "the request closing");
  });

  it("a server silent mid-stream for longer than the timeout: OpenRouterStreamError after the chunks read, nothing left", async () => {
    const controller = new AbortController();
    const { text, error } = await run(modelOn(`${scripted.url}/hold`, { timeout: 150 }), "stream", controller.signal);
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect((error as Error).message).toContain("no bytes arrived within the timeout");
    expect(text).toBe("one two three ");
    await nothingLeft(controller.signal);
  });

  // before the fix this hung: the idle timer aborted the fetch while bytes sat unread
  it("a consumer slower than the timeout does not time out a stream whose bytes all arrived", { timeout: 5_000 }, async () => {
    const controller = new AbortController();
    // the server sends a chunk every 20 ms, well within 150 ms; the caller takes 300 ms per chunk
    const { text, error } = await run(modelOn(`${scripted.url}/slow`, { timeout: 150 }), "stream", controller.signal, () => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(error).toBeUndefined();
    expect(text).toBe("one two three ");
    await nothingLeft(controller.signal);
  });
});
