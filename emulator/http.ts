/**
 * What every route shares: the route and context types, OpenRouter's error envelope, the
 * `Authorization` key, reading a request body, and writing bodies with the body-level faults.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { prng } from "./deterministic.js";
import { fixtureReply } from "./fixtures.js";
import type { Plan } from "./scenarios.js";
import type { EmulatorState } from "./state.js";

export interface RecordedRequest {
  method: string;
  /** Path after the scenario prefix, without the query, e.g. "/api/v1/chat/completions". */
  path: string;
  /** Raw query string including the leading "?", or "". */
  search: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** The body as text ("" when it was over MAX_BODY_BYTES and answered 413). */
  rawBody: string;
  scenario: string;
  /** 1-based count of requests seen for this scenario string (0 for CORS preflights, which do not count). */
  attempt: number;
  /** `performance.now()` when the request's headers arrived: the gaps between attempts show the client's waits. */
  receivedAt: number;
}

/** What a route handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  recorded: RecordedRequest;
  plan: Plan;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  state: EmulatorState;
}

export interface Route {
  method: "GET" | "POST";
  /** Path after the optional scenario prefix; a `:name` segment matches any one segment. */
  path: string;
  /** Requires `Authorization: Bearer …`. */
  auth: boolean;
  handler: (ctx: RouteContext) => Promise<void>;
}

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "X-Generation-Id, X-Provider-Name, request-id, X-OpenRouter-Cache-Status, X-OpenRouter-Cache-Age, X-OpenRouter-Cache-TTL",
};

export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache",
  Connection: "keep-alive",
};

/** Request bodies past this size are answered 413. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** OpenRouter's error envelope, `{error:{code,message,metadata?}}`. */
export function errorEnvelope(code: number, message: string, metadata?: Record<string, unknown>): string {
  return JSON.stringify({ error: metadata ? { code, message, metadata } : { code, message } });
}

/** The key of `Authorization: Bearer <key>`, or undefined. */
export function bearerKey(headers: Record<string, string>): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(headers["authorization"] ?? "")?.[1];
}

/** The body as text, or undefined when it is over `limit` bytes (read to the end, the excess dropped). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on("end", () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

// writing:

/** Holds until the client disconnects (or `close()` destroys the socket). */
export function holdUntilAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

export function alive(res: ServerResponse): boolean {
  return !res.destroyed && !res.writableEnded;
}

/** Writes one chunk, waits for drain if needed, then yields a tick. False once the client is gone. */
export async function send(res: ServerResponse, chunk: string | Buffer): Promise<boolean> {
  if (!alive(res)) return false;
  if (!res.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        res.off("drain", done);
        res.off("close", done);
        resolve();
      };
      res.on("drain", done);
      res.on("close", done);
    });
  }
  await new Promise((resolve) => setImmediate(resolve));
  return alive(res);
}

export function writeHead(res: ServerResponse, status: number, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...CORS_HEADERS, ...headers });
}

/** Sends a complete response at once (errors and small bodies). */
export function sendWhole(res: ServerResponse, status: number, body: string | Buffer, contentType: string, headers: Record<string, string> = {}): void {
  if (!alive(res)) return;
  writeHead(res, status, { "Content-Type": contentType, ...headers });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendWhole(res, status, errorEnvelope(status, message), "application/json", headers);
}

// body-level faults:

/** Streams bytes in deterministic uneven slices (1–97 bytes), split on bytes. */
async function sendSlices(res: ServerResponse, bytes: Buffer, seed: string): Promise<void> {
  const rand = prng(seed);
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rand() * 97);
    if (!(await send(res, bytes.subarray(i, i + n)))) return;
    i += n;
  }
  if (alive(res)) res.end();
}

/** `fixture:<file>`: the file's bytes with its status (fixtures.ts); `.sse` files in uneven slices. */
export async function replayFixture(ctx: RouteContext, name: string): Promise<void> {
  const { res, plan, signal } = ctx;
  const reply = fixtureReply(name);
  if (!reply) return sendError(res, 500, `emulator: fixture ${name} vanished`);
  writeHead(res, reply.status, { ...(reply.sse ? SSE_HEADERS : { "Content-Type": reply.contentType }), ...plan.headers });
  res.flushHeaders();
  await sleep(plan.bodyDelayMs, signal);
  if (reply.sse) await sendSlices(res, reply.body, name);
  else if (alive(res)) res.end(reply.body);
}

/**
 * Sends a JSON body after `padding`, honouring `slow-body` and the cuts: `truncate` ends after
 * half the body (invalid JSON), `reset-mid-body` destroys the socket there.
 */
export async function sendJsonBody(ctx: RouteContext, status: number, json: string, headers: Record<string, string> = {}, padding = ""): Promise<void> {
  const { res, plan, signal } = ctx;
  if (!alive(res) || res.headersSent) return;
  writeHead(res, status, { "Content-Type": "application/json", ...headers, ...plan.headers });
  res.flushHeaders();
  await sleep(plan.bodyDelayMs, signal);
  if (padding !== "" && !(await send(res, padding))) return;
  const kind = plan.action.kind;
  if (kind === "truncate" || kind === "reset-mid-body" || kind === "stall-mid-body") {
    if (!(await send(res, json.slice(0, Math.floor(json.length / 2))))) return;
    if (kind === "stall-mid-body") await holdUntilAbort(signal);
    if (kind === "reset-mid-body" || kind === "stall-mid-body") res.destroy();
    else res.end();
    return;
  }
  if (alive(res)) res.end(json);
}

/**
 * Streams SSE `frames` with a 200 after the plan's `slow-body` delay, then ends the body, holds it
 * open until the client aborts (`holdAtEnd`), or destroys the socket (`destroyAtEnd`).
 */
export async function sendFrames(
  ctx: RouteContext,
  headers: Record<string, string>,
  frames: string[],
  end: { destroyAtEnd?: boolean; holdAtEnd?: boolean } = {},
): Promise<void> {
  const { res, plan, signal } = ctx;
  writeHead(res, 200, { ...SSE_HEADERS, ...headers });
  res.flushHeaders();
  await sleep(plan.bodyDelayMs, signal);
  for (const frame of frames) if (!(await send(res, frame))) return;
  if (end.holdAtEnd) await holdUntilAbort(signal);
  if (end.destroyAtEnd) res.destroy();
  else if (alive(res)) res.end();
}
