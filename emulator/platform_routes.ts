/**
 * The platform routes besides chat completions: `GET /models`, `GET /models/:author/:slug/endpoints`,
 * `GET /generation?id=` (with the transient 404 right after a generation), `GET /key`,
 * `GET /credits`, `POST /embeddings`. Registered in `ROUTES` (server.ts); see README.md.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { fixtureBytes, fixtureJson, fixtureReply } from "./fixtures.js";
import {
  base64Vector,
  defaultDimensions,
  filterModels,
  type GenerationRecord,
  generationOf,
  modelCatalog,
  modelEndpoints,
  syntheticGeneration,
  textVector,
  tokenCount,
} from "./platform_data.js";
import { type Answer, detChars, type ResponderState } from "./responder.js";
import type { Plan } from "./scenarios.js";
import { isRecord } from "./schema_values.js";

/** The part of server.ts's RouteContext these routes use (kept structural: no import cycle). */
export interface PlatformRouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  recorded: { path: string; search: string; headers: Record<string, string>; body: unknown };
  plan: Plan;
  signal: AbortSignal;
  state: ResponderState;
}

export interface PlatformRoute {
  method: "GET" | "POST";
  path: string;
  auth: boolean;
  handler: (ctx: PlatformRouteContext) => Promise<void>;
}

/** Lookups of emulator-made generations that answer 404 before the stats appear (api.md §6.3). */
export const DEFAULT_GENERATION_PENDING = 1;

/** The spec example's generation id, served as recorded (`generation.spec-example.json`). */
const FIXTURE_GENERATION_ID = "gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG";

interface PlatformState {
  generations: Map<string, GenerationRecord>;
  lookups: Map<string, number>;
}

const platformStates = new WeakMap<ResponderState, PlatformState>();

function platformState(state: ResponderState): PlatformState {
  let platform = platformStates.get(state);
  if (!platform) {
    platform = { generations: new Map(), lookups: new Map() };
    platformStates.set(state, platform);
  }
  return platform;
}

/** Remembers a chat answer so `GET /generation` can report it (called by the chat route). */
export function recordGeneration(state: ResponderState, answer: Answer, request: { body: unknown; headers: Record<string, string> }): void {
  const body = isRecord(request.body) ? request.body : {};
  const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
  platformState(state).generations.set(answer.id, {
    answer,
    streamed: body["stream"] === true,
    requestedModel: text(body["model"]),
    user: text(body["user"]),
    sessionId: text(body["session_id"]) ?? request.headers["x-session-id"],
    referer: request.headers["http-referer"],
    userAgent: request.headers["user-agent"],
  });
}

/** Forgets generations and lookup counts (called by `reset()`). */
export function forgetGenerations(state: ResponderState): void {
  platformStates.delete(state);
}

// ---------------------------------------------------------------------------
// Writing

const HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "X-Generation-Id, X-Provider-Name, request-id",
  "Content-Type": "application/json",
};

function errorBody(code: number, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Sends a JSON answer, honouring the body-level scenarios: `fixture:<file>` replays the file,
 * `error-in-200`/`mid-stream-error` send an error envelope with status 200, `truncate` ends after
 * half the body, `reset-mid-body` destroys the socket there.
 */
async function sendJson(ctx: PlatformRouteContext, status: number, value: unknown): Promise<void> {
  const { res, plan, signal } = ctx;
  const action = plan.action;
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (action.kind === "fixture") {
    const reply = fixtureReply(action.name);
    if (reply) {
      status = reply.status;
      text = reply.body.toString("utf8");
    }
  } else if (action.kind === "error-in-200" || action.kind === "mid-stream-error") {
    status = 200;
    text = JSON.stringify({ error: { code: 502, message: "Provider returned error", metadata: { provider_name: "Emulator", raw: "upstream failed" } } });
  }
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { ...HEADERS, ...plan.headers });
  if (plan.bodyDelayMs > 0) {
    res.flushHeaders();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, plan.bodyDelayMs);
      signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
    if (res.destroyed) return;
  }
  if (action.kind === "truncate" || action.kind === "reset-mid-body") {
    res.write(text.slice(0, Math.floor(text.length / 2)));
    if (action.kind === "reset-mid-body") res.destroy();
    else res.end();
    return;
  }
  res.end(text);
}

function fixtureText(name: string): string {
  const bytes = fixtureBytes(name);
  if (!bytes) throw new Error(`emulator: missing fixture ${name}`);
  return bytes.toString("utf8");
}

function bearerKey(headers: Record<string, string>): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(headers["authorization"] ?? "")?.[1];
}

// ---------------------------------------------------------------------------
// Handlers

async function listModels(ctx: PlatformRouteContext): Promise<void> {
  const query = new URLSearchParams(ctx.recorded.search);
  await sendJson(ctx, 200, { data: filterModels(modelCatalog(), query) });
}

async function getModelEndpoints(ctx: PlatformRouteContext): Promise<void> {
  const [, , , , author = "", slug = ""] = ctx.recorded.path.split("/");
  const id = `${decodeURIComponent(author)}/${decodeURIComponent(slug)}`;
  await sendJson(ctx, 200, { data: modelEndpoints(id, bearerKey(ctx.recorded.headers) !== undefined) });
}

async function getGeneration(ctx: PlatformRouteContext): Promise<void> {
  const id = new URLSearchParams(ctx.recorded.search).get("id") ?? "";
  if (id === "") return sendJson(ctx, 400, errorBody(400, "Missing required query parameter: id"));
  const platform = platformState(ctx.state);
  const record = platform.generations.get(id);
  if (!record && !id.startsWith("gen-")) return sendJson(ctx, 404, errorBody(404, `Generation ${id} not found`));
  const lookups = (platform.lookups.get(id) ?? 0) + 1;
  platform.lookups.set(id, lookups);
  const pending = ctx.plan.generationPending ?? (record ? DEFAULT_GENERATION_PENDING : 0);
  if (lookups <= pending) return sendJson(ctx, 404, errorBody(404, `Generation ${id} not found`));
  if (record) return sendJson(ctx, 200, { data: generationOf(record) });
  if (id === FIXTURE_GENERATION_ID) return sendJson(ctx, 200, fixtureText("generation.spec-example.json"));
  return sendJson(ctx, 200, { data: syntheticGeneration(id) });
}

/** The key's label is the caller's key masked as OpenRouter masks it (`key.spec-example.json`). */
async function getKey(ctx: PlatformRouteContext): Promise<void> {
  const key = bearerKey(ctx.recorded.headers) ?? "";
  const body = fixtureJson("key.spec-example.json");
  const data = isRecord(body) && isRecord(body["data"]) ? { ...body["data"] } : {};
  data["label"] = `${key.slice(0, 11)}...${key.slice(-3)}`;
  await sendJson(ctx, 200, { data });
}

async function getCredits(ctx: PlatformRouteContext): Promise<void> {
  await sendJson(ctx, 200, fixtureText("credits.spec-example.json"));
}

function inputTexts(input: unknown): string[] | undefined {
  if (typeof input === "string") return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  // token arrays (number[]) are one input; number[][] and content objects are one input each
  if (input.every((item) => typeof item === "number")) return [JSON.stringify(input)];
  return input.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
}

async function createEmbeddings(ctx: PlatformRouteContext): Promise<void> {
  const body = ctx.recorded.body;
  if (!isRecord(body)) return sendJson(ctx, 400, errorBody(400, "Invalid JSON in request body"));
  const model = body["model"];
  if (typeof model !== "string" || model === "") return sendJson(ctx, 400, errorBody(400, "model is required"));
  const texts = inputTexts(body["input"]);
  if (!texts) return sendJson(ctx, 400, errorBody(400, "input must be a string or a non-empty array"));
  const dimensions = body["dimensions"] ?? defaultDimensions(model);
  if (!Number.isInteger(dimensions) || (dimensions as number) < 1 || (dimensions as number) > 8192) {
    return sendJson(ctx, 400, errorBody(400, "dimensions must be an integer between 1 and 8192"));
  }
  const format = body["encoding_format"] ?? "float";
  if (format !== "float" && format !== "base64") {
    return sendJson(ctx, 400, errorBody(400, 'encoding_format must be "float" or "base64"'));
  }
  const data = texts.map((text, index) => {
    const vector = textVector(text, dimensions as number);
    return { object: "embedding", embedding: format === "base64" ? base64Vector(vector) : vector, index };
  });
  if (ctx.plan.outOfOrder) data.reverse();
  const tokens = texts.reduce((sum, text) => sum + tokenCount(text), 0);
  await sendJson(ctx, 200, {
    id: `embd-${detChars(`${ctx.recorded.search}|${JSON.stringify(body)}`, 24)}`,
    object: "list",
    model,
    data,
    usage: { prompt_tokens: tokens, total_tokens: tokens, cost: Number((tokens * 0.00000002).toFixed(12)) },
  });
}

/** Registered in server.ts's `ROUTES`; `:name` segments match any one path segment. */
export const PLATFORM_ROUTES: PlatformRoute[] = [
  { method: "GET", path: "/api/v1/models", auth: false, handler: listModels },
  { method: "GET", path: "/api/v1/models/:author/:slug/endpoints", auth: false, handler: getModelEndpoints },
  { method: "GET", path: "/api/v1/generation", auth: true, handler: getGeneration },
  { method: "GET", path: "/api/v1/key", auth: true, handler: getKey },
  { method: "GET", path: "/api/v1/credits", auth: true, handler: getCredits },
  { method: "POST", path: "/api/v1/embeddings", auth: true, handler: createEmbeddings },
];
