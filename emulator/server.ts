/**
 * OpenRouter emulator: a real `node:http` server on 127.0.0.1 that speaks OpenRouter's
 * chat-completions wire protocol (JSON, SSE with processing comments, error envelopes)
 * and injects faults chosen per request by a scenario string.
 *
 * Scenario selection, in order: path prefix `/s/<urlencoded scenario>/api/v1/...`,
 * header `x-emulator-scenario`, else `"ok"`. Grammar: see scenarios.ts and README.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { fixtureBytes, fixtureReply } from "./fixtures.js";
import { answerJson, answerStream, buildAnswer, DONE, errorFrame, PROCESSING, prng, type ResponderState } from "./responder.js";
import { forgetGenerations, PLATFORM_ROUTES, recordGeneration } from "./platform_routes.js";
import { planFor, ScenarioError, type Plan } from "./scenarios.js";
import { isRecord } from "./schema_values.js";

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
  rawBody: string;
  scenario: string;
  /** 1-based count of requests seen for this scenario string (0 for CORS preflights, which do not count). */
  attempt: number;
  /** `performance.now()` when the request's headers arrived: the gaps between attempts show the client's waits. */
  receivedAt: number;
}

export interface Emulator {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** `${url}/api/v1` */
  baseURL: string;
  /** `${url}/s/${encodeURIComponent(scenario)}/api/v1` */
  baseURLFor(scenario: string): string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  lastRequest(): RecordedRequest | undefined;
  /** Only POST .../chat/completions. */
  chatRequests(): RecordedRequest[];
  /** Sockets currently open (clients close idle keep-alive sockets within seconds: undici after 4 s). */
  openConnections(): number;
  /** Requests whose response has not finished or been aborted yet. */
  activeRequests(): number;
  /** Clears requests and all per-scenario counters (and the prompt cache). */
  reset(): void;
  /** Destroys all sockets and closes the server. */
  close(): Promise<void>;
}

/** What a route handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  recorded: RecordedRequest;
  plan: Plan;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  state: ResponderState;
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
  "Access-Control-Expose-Headers": "X-Generation-Id, X-Provider-Name, request-id",
};

/** OpenRouter's keep-alive padding before a non-streamed JSON body. */
export const JSON_PADDING = "\n         \n";

const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * How long an idle socket stays open: longer than any client keeps one for reuse (undici's
 * default is 4 s, Node's agent 5 s), as OpenRouter does. A server that closes an idle socket
 * first races the client: a request written as the server closes it dies (ECONNRESET, "other side
 * closed") before the server read it, and the client retries an attempt the server never saw.
 * Clients close idle sockets themselves, so `openConnections()` still returns to 0 in seconds.
 */
const IDLE_SOCKET_MS = 10_000;

// ---------------------------------------------------------------------------
// Low-level writing helpers

function sleep(ms: number, signal: AbortSignal): Promise<void> {
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

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function alive(res: ServerResponse): boolean {
  return !res.destroyed && !res.writableEnded;
}

/** Writes one chunk, waits for drain if needed, then yields a tick. False once the client is gone. */
async function send(res: ServerResponse, chunk: string | Buffer): Promise<boolean> {
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
  await tick();
  return alive(res);
}

function writeHead(res: ServerResponse, status: number, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...CORS_HEADERS, ...headers });
}

export function errorEnvelope(code: number, message: string, metadata?: Record<string, unknown>): string {
  return JSON.stringify({ error: metadata ? { code, message, metadata } : { code, message } });
}

/** Sends a complete response at once (used for errors and small bodies). */
function sendWhole(res: ServerResponse, status: number, body: string | Buffer, contentType: string, headers: Record<string, string> = {}): void {
  if (!alive(res)) return;
  writeHead(res, status, { "Content-Type": contentType, ...headers });
  res.end(body);
}

const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache",
  Connection: "keep-alive",
};

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

async function replayFixture(ctx: RouteContext, name: string): Promise<void> {
  const { res, plan, signal } = ctx;
  const reply = fixtureReply(name);
  if (!reply) {
    sendWhole(res, 500, errorEnvelope(500, `emulator: fixture ${name} vanished`), "application/json");
    return;
  }
  writeHead(res, reply.status, { ...(reply.sse ? SSE_HEADERS : { "Content-Type": reply.contentType }), ...plan.headers });
  res.flushHeaders();
  await sleep(plan.bodyDelayMs, signal);
  if (reply.sse) await sendSlices(res, reply.body, name);
  else if (alive(res)) res.end(reply.body);
}

// ---------------------------------------------------------------------------
// Routes

async function chatCompletions(ctx: RouteContext): Promise<void> {
  const { res, recorded, plan, signal, state } = ctx;
  const action = plan.action;
  if (action.kind === "fixture") return replayFixture(ctx, action.name);
  const body = recorded.body;
  if (!isRecord(body)) {
    sendWhole(res, 400, errorEnvelope(400, "Invalid JSON in request body"), "application/json");
    return;
  }
  const stream = body["stream"] === true;
  if (!stream && (action.kind === "error-in-200" || action.kind === "mid-stream-error")) {
    return replayFixture(ctx, "error-in-200-nonstreaming-choice.docs-example.json");
  }

  const answer = buildAnswer(body, state, { preamble: plan.preamble, badArguments: plan.badArguments });
  recordGeneration(state, answer, recorded);
  const headers = { "X-Generation-Id": answer.id, "X-Provider-Name": answer.provider, ...plan.headers };

  if (stream) {
    writeHead(res, 200, { ...SSE_HEADERS, ...headers });
    res.flushHeaders();
    await sleep(plan.bodyDelayMs, signal);
    const { head, body: middle, tail } = answerStream(answer);
    let frames: string[];
    let destroyAtEnd = false;
    switch (action.kind) {
      case "truncate":
        frames = [...head, ...middle];
        break;
      case "reset-mid-body":
        frames = [...head, ...middle.slice(0, 2)];
        destroyAtEnd = true;
        break;
      case "mid-stream-error":
        frames = [...head, ...middle.slice(0, Math.max(1, Math.floor(middle.length / 2))), errorFrame(answer), DONE];
        break;
      case "error-in-200":
        frames = [PROCESSING, errorFrame(answer), DONE];
        break;
      default:
        frames = [...head, ...middle, ...(plan.noDone ? tail.filter((frame) => frame !== DONE) : tail)];
    }
    for (const frame of frames) if (!(await send(res, frame))) return;
    if (destroyAtEnd) res.destroy();
    else if (alive(res)) res.end();
    return;
  }

  const json = JSON.stringify(answerJson(answer));
  writeHead(res, 200, { "Content-Type": "application/json", ...headers });
  res.flushHeaders();
  await sleep(plan.bodyDelayMs, signal);
  if (!(await send(res, JSON_PADDING))) return;
  if (action.kind === "reset-mid-body" || action.kind === "truncate") {
    if (!(await send(res, json.slice(0, Math.floor(json.length / 2))))) return;
    if (action.kind === "reset-mid-body") res.destroy();
    else res.end();
    return;
  }
  res.end(json);
}

/**
 * The route table. Paths are matched after the optional `/s/<scenario>` prefix.
 *
 * Platform routes (models, endpoints, generation, key, credits, embeddings) live in
 * platform_routes.ts. Generic faults (status, html, empty,
 * retry-after, slow, stall, reset, flaky) are applied by the server before the handler;
 * handlers only see `ok`, `fixture:` and the body-level faults in `ctx.plan.action`.
 */
export const ROUTES: Route[] = [
  { method: "POST", path: "/api/v1/chat/completions", auth: true, handler: chatCompletions },
  ...PLATFORM_ROUTES,
];

function routeMatches(route: Route, path: string): boolean {
  const want = route.path.split("/");
  const got = path.split("/");
  return want.length === got.length && want.every((segment, i) => (segment.startsWith(":") ? got[i] !== "" : segment === got[i]));
}

// ---------------------------------------------------------------------------
// Server

function splitScenario(rawPath: string): { scenario: string | undefined; path: string } {
  const m = /^\/s\/([^/]*)(\/.*)?$/.exec(rawPath);
  if (!m) return { scenario: undefined, path: rawPath };
  let scenario = m[1] ?? "";
  try {
    scenario = decodeURIComponent(scenario);
  } catch {
    // keep the raw segment
  }
  return { scenario, path: m[2] ?? "/" };
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function bearerKey(headers: Record<string, string>): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers["authorization"] ?? "");
  return m ? m[1] : undefined;
}

export async function startEmulator(options: { port?: number; host?: string } = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const counters = new Map<string, number>();
  const state: ResponderState = { seq: 0, cache: new Set() };
  const usedSockets = new WeakSet<Socket>();
  let active = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const signal = controller.signal;

    const url = new URL(req.url ?? "/", "http://emulator.local");
    const split = splitScenario(url.pathname);
    const headers = lowerHeaders(req);
    const scenario = split.scenario ?? headers["x-emulator-scenario"] ?? "ok";
    const method = (req.method ?? "GET").toUpperCase();
    const rawBody = await readBody(req);
    let body: unknown;
    if (rawBody.trim() !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
    }

    let attempt = 0;
    if (method !== "OPTIONS") {
      attempt = (counters.get(scenario) ?? 0) + 1;
      counters.set(scenario, attempt);
    }
    const recorded: RecordedRequest = { method, path: split.path, search: url.search, headers, body, rawBody, scenario, attempt, receivedAt };
    requests.push(recorded);

    if (method === "OPTIONS") {
      res.writeHead(204, {
        ...CORS_HEADERS,
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": headers["access-control-request-headers"] ?? "*",
        "Access-Control-Max-Age": "86400",
        "Content-Length": "0",
      });
      res.end();
      return;
    }

    const candidates = ROUTES.filter((r) => routeMatches(r, split.path));
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      if (candidates.length > 0) {
        sendWhole(res, 405, errorEnvelope(405, `Method ${method} not allowed on ${split.path}`), "application/json", {
          Allow: candidates.map((r) => r.method).join(", "),
        });
      } else {
        sendWhole(res, 404, errorEnvelope(404, `Not Found: ${method} ${split.path}`), "application/json");
      }
      return;
    }

    if (route.auth) {
      const key = bearerKey(headers);
      if (key === undefined) {
        sendWhole(res, 401, fixtureBytes("error-401-no-auth-credentials.transcribed.json") ?? errorEnvelope(401, "No auth credentials found"), "application/json");
        return;
      }
      if (key === "sk-or-v1-invalid") {
        sendWhole(res, 401, fixtureBytes("error-401-user-not-found.transcribed.json") ?? errorEnvelope(401, "User not found."), "application/json");
        return;
      }
    }

    let plan: Plan;
    try {
      plan = planFor(scenario, attempt);
    } catch (error) {
      const message = error instanceof ScenarioError ? error.message : String(error);
      sendWhole(res, 400, errorEnvelope(400, `emulator: ${message}`), "application/json");
      return;
    }

    await sleep(plan.delayMs, signal);
    if (signal.aborted) return;

    const action = plan.action;
    switch (action.kind) {
      case "reset":
        req.socket.destroy();
        return;
      case "stall":
        // Never answer; hold until the client disconnects (or close() destroys the socket).
        if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
        return;
      case "error":
        writeHead(res, action.status, { "Content-Type": action.contentType, ...plan.headers });
        if (plan.bodyDelayMs > 0) {
          res.flushHeaders();
          await sleep(plan.bodyDelayMs, signal);
        }
        if (alive(res)) res.end(action.body);
        return;
      default:
        await route.handler({ req, res, recorded, plan, signal, state });
    }
  }

  const server = createServer((req, res) => {
    usedSockets.add(req.socket);
    // as OpenRouter answers (fixtures/headers-observed.json): no Keep-Alive hint, so clients keep
    // idle sockets for their own default; Node would advertise keepAliveTimeout in a hint otherwise
    if (res.shouldKeepAlive) res.setHeader("Connection", "keep-alive");
    active += 1;
    res.on("close", () => {
      active -= 1;
    });
    handle(req, res).catch((error: unknown) => {
      if (alive(res) && !res.headersSent) {
        sendWhole(res, 500, errorEnvelope(500, `emulator error: ${error instanceof Error ? error.message : String(error)}`), "application/json");
      } else {
        res.destroy();
      }
    });
  });
  // Idle sockets, kept alive or never used (undici re-dials after an aborted request), close
  // after IDLE_SOCKET_MS unless the client closed them first, as clients do well before.
  server.keepAliveTimeout = IDLE_SOCKET_MS;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    // Under load the timer can fire before a request already sent on the socket was read (timers
    // run before I/O): re-check after this loop turn's reads, and spare a socket that got bytes.
    const idle = setTimeout(() => {
      setImmediate(() => {
        if (!usedSockets.has(socket) && socket.bytesRead === 0) socket.destroy();
      });
    }, IDLE_SOCKET_MS);
    idle.unref();
    socket.on("close", () => {
      clearTimeout(idle);
      sockets.delete(socket);
    });
  });
  server.on("clientError", (_error, socket) => {
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 0);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url,
    baseURL: `${url}/api/v1`,
    baseURLFor: (scenario: string) => `${url}/s/${encodeURIComponent(scenario)}/api/v1`,
    requests,
    lastRequest: () => requests[requests.length - 1],
    chatRequests: () => requests.filter((r) => r.method === "POST" && r.path.endsWith("/chat/completions")),
    openConnections: () => sockets.size,
    activeRequests: () => active,
    reset: () => {
      requests.length = 0;
      counters.clear();
      state.cache.clear();
      forgetGenerations(state);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
