/**
 * `POST /api/v1/rerank`: deterministic relevance scores from word overlap between the query and
 * each document (ties broken by index), `top_n` honoured, usage with `search_units` and `cost`.
 * Registered in `PLATFORM_ROUTES` (platform_routes.ts); see README.md.
 */
import { detChars, tokenCount } from "./deterministic.js";
import { errorEnvelope, replayFixture, sendJsonBody, type RouteContext } from "./http.js";
import { isRecord } from "./schema_values.js";

/** USD per search unit (Cohere bills 1 unit per query and up to 100 documents). */
const COST_PER_SEARCH_UNIT = 0.002;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** The share of the query's words found in `document`, in [0, 1], rounded to 6 places. */
export function overlapScore(query: string, document: string): number {
  const wanted = words(query);
  if (wanted.size === 0) return 0;
  const present = words(document);
  let shared = 0;
  for (const word of wanted) if (present.has(word)) shared += 1;
  return Number((shared / wanted.size).toFixed(6));
}

async function send(ctx: RouteContext, status: number, json: string): Promise<void> {
  const action = ctx.plan.action;
  if (action.kind === "fixture") return replayFixture(ctx, action.name);
  if (action.kind === "error-in-200" || action.kind === "mid-stream-error") {
    return sendJsonBody(ctx, 200, errorEnvelope(502, "Provider returned error", { provider_name: "Emulator", raw: "upstream failed" }));
  }
  return sendJsonBody(ctx, status, json);
}

export async function createRerank(ctx: RouteContext): Promise<void> {
  const body = ctx.recorded.body;
  if (!isRecord(body)) return send(ctx, 400, errorEnvelope(400, "Invalid JSON in request body"));
  const { model, query, documents, top_n: topN } = body;
  if (typeof model !== "string" || model === "") return send(ctx, 400, errorEnvelope(400, "model is required"));
  if (typeof query !== "string" || query === "") return send(ctx, 400, errorEnvelope(400, "query is required"));
  if (!Array.isArray(documents) || documents.length === 0) {
    return send(ctx, 400, errorEnvelope(400, "documents must be a non-empty array"));
  }
  if (topN !== undefined && (!Number.isInteger(topN) || (topN as number) < 1)) {
    return send(ctx, 400, errorEnvelope(400, "top_n must be a positive integer"));
  }
  const texts = documents.map((item) => (typeof item === "string" ? item : isRecord(item) && typeof item["text"] === "string" ? item["text"] : JSON.stringify(item)));
  const ranked = texts
    .map((text, index) => ({ index, relevance_score: overlapScore(query, text), document: { text } }))
    .sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index);
  const results = topN === undefined ? ranked : ranked.slice(0, topN as number);
  const searchUnits = Math.ceil(texts.length / 100);
  const tokens = texts.reduce((sum, text) => sum + tokenCount(text), tokenCount(query));
  await send(ctx, 200, JSON.stringify({
    id: `gen-rerank-${detChars(`${ctx.recorded.search}|${JSON.stringify(body)}`, 20)}`,
    model,
    provider: "Emulator",
    results,
    usage: { total_tokens: tokens, search_units: searchUnits, cost: Number((searchUnits * COST_PER_SEARCH_UNIT).toFixed(12)) },
  }));
}
