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
import { chatCompletions } from "./chat_route.js";
import { createResponse } from "./responses_route.js";
import { errorBodyForStatus, fixtureBytes } from "./fixtures.js";
import { alive, bearerKey, holdUntilAbort, CORS_HEADERS, errorEnvelope, readBody, sendError, sendWhole, sleep, writeHead, type RecordedRequest, type Route } from "./http.js";
import { CATALOG_ROUTES } from "./catalog_routes.js";
import { PLATFORM_ROUTES } from "./platform_routes.js";
import { planFor, ScenarioError, type Plan } from "./scenarios.js";
import { clearState, createState, type EmulatorState } from "./state.js";

export type { RecordedRequest, Route, RouteContext } from "./http.js";

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
  /** Sockets currently open, idle ones included (clients close those themselves, undici after 4 s). */
  openConnections(): number;
  /** Requests whose response has not finished or been aborted yet. */
  activeRequests(): number;
  /**
   * Closes every idle socket (`server.closeIdleConnections()`, and those that never carried a
   * request) and resolves once they have closed: then `openConnections()` counts only sockets
   * still serving. Only call it when no client is about to send: a request written on a socket as
   * it closes is lost, which is why the emulator never closes idle sockets on its own before 10 s.
   */
  closeIdleConnections(): Promise<void>;
  /** Clears requests and all per-scenario counters (and the prompt cache and generations). */
  reset(): void;
  /** Destroys all sockets and closes the server. */
  close(): Promise<void>;
}

/**
 * How long an idle socket stays open: longer than any client keeps one for reuse (undici's
 * default is 4 s, Node's agent 5 s), as OpenRouter does. A server that closes an idle socket
 * first races the client: a request written as the server closes it dies (ECONNRESET, "other side
 * closed") before the server read it, and the client retries an attempt the server never saw.
 */
const IDLE_SOCKET_MS = 10_000;

/**
 * The route table. Paths are matched after the optional `/s/<scenario>` prefix. Generic faults
 * (status, html, empty, retry-after, slow, stall, reset, flaky) are applied by the server before
 * the handler; handlers only see `ok`, `fixture:` and the body-level faults in `ctx.plan.action`.
 */
export const ROUTES: Route[] = [
  { method: "POST", path: "/api/v1/chat/completions", auth: true, handler: chatCompletions },
  { method: "POST", path: "/api/v1/responses", auth: true, handler: createResponse },
  ...CATALOG_ROUTES,
  ...PLATFORM_ROUTES,
];

function routeMatches(route: Route, path: string): boolean {
  const want = route.path.split("/");
  const got = path.split("/");
  return want.length === got.length && want.every((segment, i) => (segment.startsWith(":") ? got[i] !== "" : segment === got[i]));
}

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

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendPreflight(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(204, {
    ...CORS_HEADERS,
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": headers["access-control-request-headers"] ?? "*",
    "Access-Control-Max-Age": "86400",
    "Content-Length": "0",
  });
  res.end();
}

/** Answers 401 as OpenRouter does for a missing key or the invalid one; true if it did. */
function refusedAuth(res: ServerResponse, headers: Record<string, string>): boolean {
  const key = bearerKey(headers);
  const refusal =
    key === undefined
      ? { file: "error-401-no-auth-credentials.transcribed.json", message: "No auth credentials found" }
      : key === "sk-or-v1-invalid"
        ? { file: "error-401-user-not-found.transcribed.json", message: "User not found." }
        : undefined;
  if (refusal) sendWhole(res, 401, fixtureBytes(refusal.file) ?? errorEnvelope(401, refusal.message), "application/json");
  return refusal !== undefined;
}

/** The generic faults (before any handler); false when the plan leaves the answer to the route. */
async function genericFault(req: IncomingMessage, res: ServerResponse, plan: Plan, signal: AbortSignal): Promise<boolean> {
  const action = plan.action;
  switch (action.kind) {
    case "reset":
      req.socket.destroy();
      return true;
    case "stall":
      // Never answer; hold until the client disconnects (or close() destroys the socket).
      await holdUntilAbort(signal);
      return true;
    case "error":
      writeHead(res, action.status, { "Content-Type": action.contentType, ...plan.headers });
      if (plan.bodyDelayMs > 0) {
        res.flushHeaders();
        await sleep(plan.bodyDelayMs, signal);
      }
      if (alive(res)) res.end(action.body);
      return true;
    default:
      return false;
  }
}

export async function startEmulator(options: { port?: number; host?: string } = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const counters = new Map<string, number>();
  const state: EmulatorState = createState();
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

    let attempt = 0;
    if (method !== "OPTIONS") {
      attempt = (counters.get(scenario) ?? 0) + 1;
      counters.set(scenario, attempt);
    }
    const body = rawBody === undefined ? undefined : parseJson(rawBody);
    const recorded: RecordedRequest = { method, path: split.path, search: url.search, headers, body, rawBody: rawBody ?? "", scenario, attempt, receivedAt };
    requests.push(recorded);

    if (method === "OPTIONS") return sendPreflight(res, headers);
    if (rawBody === undefined) return sendWhole(res, 413, errorBodyForStatus(413), "application/json");

    const candidates = ROUTES.filter((r) => routeMatches(r, split.path));
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      if (candidates.length === 0 && !split.path.startsWith("/api/")) {
        // outside /api/ the site answers with its web page, not the API's JSON (an assumption, not a capture)
        return sendWhole(res, 404, `<!DOCTYPE html><html><head><title>404: This page could not be found</title></head><body><h1>404</h1><p>This page could not be found.</p></body></html>`, "text/html; charset=utf-8");
      }
      if (candidates.length === 0) return sendError(res, 404, `Not Found: ${method} ${split.path}`);
      return sendError(res, 405, `Method ${method} not allowed on ${split.path}`, { Allow: candidates.map((r) => r.method).join(", ") });
    }
    if (route.auth && refusedAuth(res, headers)) return;

    let plan: Plan;
    try {
      plan = planFor(scenario, attempt);
    } catch (error) {
      return sendError(res, 400, `emulator: ${error instanceof ScenarioError ? error.message : String(error)}`);
    }

    await sleep(plan.delayMs, signal);
    if (signal.aborted) return;
    if (await genericFault(req, res, plan, signal)) return;
    await route.handler({ req, res, recorded, plan, signal, state });
  }

  const server = createServer((req, res) => {
    // as OpenRouter answers (fixtures/headers-observed.json): no Keep-Alive hint, so clients keep
    // idle sockets for their own default; Node would advertise keepAliveTimeout in a hint otherwise
    if (res.shouldKeepAlive) res.setHeader("Connection", "keep-alive");
    active += 1;
    res.on("close", () => {
      active -= 1;
    });
    handle(req, res).catch((error: unknown) => {
      if (alive(res) && !res.headersSent) sendError(res, 500, `emulator error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = IDLE_SOCKET_MS;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
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
    closeIdleConnections: async () => {
      server.closeIdleConnections();
      // Node counts a socket that never carried a request as active (its headers timeout runs)
      for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
      // a socket leaves `sockets` on its "close" event, which follows destroy() by a loop turn
      const closing = [...sockets].filter((socket) => socket.destroyed);
      await Promise.all(closing.map((socket) => new Promise<void>((resolve) => socket.once("close", () => resolve()))));
    },
    reset: () => {
      requests.length = 0;
      counters.clear();
      clearState(state);
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
