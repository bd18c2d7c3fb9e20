/**
 * The platform routes besides chat completions: `GET /models`, `GET /models/:author/:slug/endpoints`,
 * `GET /generation?id=` (with the transient 404 right after a generation), `GET /key`,
 * `GET /credits`, `POST /embeddings`. Registered in `ROUTES` (server.ts); see README.md.
 */
import type { Answer } from "./answer.js";
import { detChars, tokenCount } from "./deterministic.js";
import { base64Vector, defaultDimensions, textVector } from "./embedding_vectors.js";
import { fixtureJson, fixtureText } from "./fixtures.js";
import { generationOf, syntheticGeneration } from "./generation_stats.js";
import { bearerKey, errorEnvelope, replayFixture, sendJsonBody, type RecordedRequest, type Route, type RouteContext } from "./http.js";
import { filterModels, modelCatalog, modelEndpoints } from "./model_catalog.js";
import { createRerank } from "./rerank_route.js";
import { isRecord } from "./schema_values.js";
import type { EmulatorState } from "./state.js";

/** Lookups of emulator-made generations that answer 404 before the stats appear (api.md §6.3). */
export const DEFAULT_GENERATION_PENDING = 1;

/** The spec example's generation id, served as recorded (`generation.spec-example.json`). */
const FIXTURE_GENERATION_ID = "gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG";

/** Remembers a chat answer so `GET /generation` can report it (called by the chat route). */
export function recordGeneration(state: EmulatorState, answer: Answer, request: Pick<RecordedRequest, "body" | "headers">): void {
  const body = isRecord(request.body) ? request.body : {};
  const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
  state.generations.set(answer.id, {
    answer,
    streamed: body["stream"] === true,
    requestedModel: text(body["model"]),
    user: text(body["user"]),
    sessionId: text(body["session_id"]) ?? request.headers["x-session-id"],
    referer: request.headers["http-referer"],
    userAgent: request.headers["user-agent"],
  });
}

/**
 * Sends a JSON answer, honouring the body-level scenarios: `fixture:<file>` replays the file,
 * `error-in-200`/`mid-stream-error` send an error envelope with status 200, `truncate` ends after
 * half the body, `reset-mid-body` destroys the socket there.
 */
export async function sendJson(ctx: RouteContext, status: number, value: unknown): Promise<void> {
  const action = ctx.plan.action;
  if (action.kind === "fixture") return replayFixture(ctx, action.name);
  if (action.kind === "error-in-200" || action.kind === "mid-stream-error") {
    return sendJsonBody(ctx, 200, errorEnvelope(502, "Provider returned error", { provider_name: "Emulator", raw: "upstream failed" }));
  }
  return sendJsonBody(ctx, status, typeof value === "string" ? value : JSON.stringify(value));
}

// ---------------------------------------------------------------------------
// Handlers

async function listModels(ctx: RouteContext): Promise<void> {
  const query = new URLSearchParams(ctx.recorded.search);
  await sendJson(ctx, 200, { data: filterModels(modelCatalog(), query) });
}

async function getModelEndpoints(ctx: RouteContext): Promise<void> {
  const [, , , , author = "", slug = ""] = ctx.recorded.path.split("/");
  const id = `${decodeURIComponent(author)}/${decodeURIComponent(slug)}`;
  await sendJson(ctx, 200, { data: modelEndpoints(id, bearerKey(ctx.recorded.headers) !== undefined) });
}

async function getGeneration(ctx: RouteContext): Promise<void> {
  const id = new URLSearchParams(ctx.recorded.search).get("id") ?? "";
  if (id === "") return sendJson(ctx, 400, errorEnvelope(400, "Missing required query parameter: id"));
  const { generations, generationLookups } = ctx.state;
  const record = generations.get(id);
  if (!record && !id.startsWith("gen-")) return sendJson(ctx, 404, errorEnvelope(404, `Generation ${id} not found`));
  const lookups = (generationLookups.get(id) ?? 0) + 1;
  generationLookups.set(id, lookups);
  const pending = ctx.plan.generationPending ?? (record ? DEFAULT_GENERATION_PENDING : 0);
  if (lookups <= pending) return sendJson(ctx, 404, errorEnvelope(404, `Generation ${id} not found`));
  if (record) return sendJson(ctx, 200, { data: generationOf(record) });
  if (id === FIXTURE_GENERATION_ID) return sendJson(ctx, 200, fixtureText("generation.spec-example.json"));
  return sendJson(ctx, 200, { data: syntheticGeneration(id) });
}

/** The key's label is the caller's key masked as OpenRouter masks it (`key.spec-example.json`). */
async function getKey(ctx: RouteContext): Promise<void> {
  const key = bearerKey(ctx.recorded.headers) ?? "";
  const body = fixtureJson("key.spec-example.json");
  const data = isRecord(body) && isRecord(body["data"]) ? { ...body["data"] } : {};
  data["label"] = `${key.slice(0, 11)}...${key.slice(-3)}`;
  await sendJson(ctx, 200, { data });
}

async function getCredits(ctx: RouteContext): Promise<void> {
  await sendJson(ctx, 200, fixtureText("credits.spec-example.json"));
}

/** A multimodal input `{ content: [{ type: "text", text } | { type: "image_url", image_url: { url } }] }` as one text, or undefined. */
function contentText(item: unknown): string | undefined {
  if (!isRecord(item) || !Array.isArray(item["content"]) || item["content"].length === 0) return undefined;
  const parts = item["content"].map((part) => {
    if (isRecord(part) && part["type"] === "text" && typeof part["text"] === "string") return part["text"];
    if (isRecord(part) && part["type"] === "image_url" && isRecord(part["image_url"]) && typeof part["image_url"]["url"] === "string") {
      return `[image ${part["image_url"]["url"]}]`;
    }
    return undefined;
  });
  return parts.every((part) => part !== undefined) ? parts.join(" ") : undefined;
}

function inputTexts(input: unknown): string[] | undefined {
  if (typeof input === "string") return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  // token arrays (number[]) are one input; number[][] and content objects are one input each
  if (input.every((item) => typeof item === "number")) return [JSON.stringify(input)];
  const texts = input.map((item) => (typeof item === "string" ? item : Array.isArray(item) ? JSON.stringify(item) : contentText(item)));
  return texts.every((text) => text !== undefined) ? texts : undefined;
}

async function createEmbeddings(ctx: RouteContext): Promise<void> {
  const body = ctx.recorded.body;
  if (!isRecord(body)) return sendJson(ctx, 400, errorEnvelope(400, "Invalid JSON in request body"));
  const model = body["model"];
  if (typeof model !== "string" || model === "") return sendJson(ctx, 400, errorEnvelope(400, "model is required"));
  const texts = inputTexts(body["input"]);
  if (!texts) return sendJson(ctx, 400, errorEnvelope(400, "input must be a string, an array of strings or tokens, or of { content: [text and image_url parts] }"));
  const dimensions = body["dimensions"] ?? defaultDimensions(model);
  if (!Number.isInteger(dimensions) || (dimensions as number) < 1 || (dimensions as number) > 8192) {
    return sendJson(ctx, 400, errorEnvelope(400, "dimensions must be an integer between 1 and 8192"));
  }
  const format = body["encoding_format"] ?? "float";
  if (format !== "float" && format !== "base64") {
    return sendJson(ctx, 400, errorEnvelope(400, 'encoding_format must be "float" or "base64"'));
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
export const PLATFORM_ROUTES: Route[] = [
  { method: "GET", path: "/api/v1/models", auth: false, handler: listModels },
  { method: "GET", path: "/api/v1/models/:author/:slug/endpoints", auth: false, handler: getModelEndpoints },
  { method: "GET", path: "/api/v1/generation", auth: true, handler: getGeneration },
  { method: "GET", path: "/api/v1/key", auth: true, handler: getKey },
  { method: "GET", path: "/api/v1/credits", auth: true, handler: getCredits },
  { method: "POST", path: "/api/v1/embeddings", auth: true, handler: createEmbeddings },
  { method: "POST", path: "/api/v1/rerank", auth: true, handler: createRerank },
];
