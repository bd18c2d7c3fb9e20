/**
 * `POST /api/v1/chat/completions`: the responder's answer as padded JSON or as SSE, with the
 * body-level faults (`truncate`, `reset-mid-body`, `stall-mid-body`, `mid-stream-error`, `error-in-200`, `no-done`).
 */
import { recordGeneration } from "./platform_routes.js";
import { replayFixture, sendError, sendFrames, sendJsonBody, type RouteContext } from "./http.js";
import { answerJson, JSON_PADDING } from "./render_json.js";
import { answerStream, DONE, errorFrame, PROCESSING } from "./render_sse.js";
import { buildAnswer } from "./responder.js";
import type { Answer } from "./answer.js";
import type { Action, Plan } from "./scenarios.js";
import { isRecord, type JsonValue } from "./schema_values.js";

/** The frames a stream sends under `action`, and what it does after them: end, destroy the socket, or hold it open. */
function streamFrames(answer: Answer, action: Action, plan: Plan): { frames: string[]; destroyAtEnd?: boolean; holdAtEnd?: boolean } {
  const { head, body, tail } = answerStream(answer);
  switch (action.kind) {
    case "truncate":
      return { frames: [...head, ...body], destroyAtEnd: false };
    case "reset-mid-body":
      return { frames: [...head, ...body.slice(0, 2)], destroyAtEnd: true };
    case "stall-mid-body":
      return { frames: [...head, ...body.slice(0, 2)], holdAtEnd: true };
    case "mid-stream-error":
      return { frames: [...head, ...body.slice(0, Math.max(1, Math.floor(body.length / 2))), errorFrame(answer), DONE], destroyAtEnd: false };
    case "error-in-200":
      return { frames: [PROCESSING, errorFrame(answer), DONE], destroyAtEnd: false };
    default:
      return { frames: [...head, ...body, ...(plan.noDone ? tail.filter((frame) => frame !== DONE) : tail)], destroyAtEnd: false };
  }
}

/** The routing decision OpenRouter reports with `X-OpenRouter-Metadata: enabled` (api.md §3.1): direct, one endpoint. */
function routerMetadataOf(answer: Answer): Record<string, JsonValue> {
  return {
    requested: answer.model,
    strategy: "direct",
    attempt: 1,
    is_byok: false,
    endpoints: { total: 1, available: [{ provider: answer.provider, model: answer.model, selected: true }] },
  };
}

/**
 * OpenRouter's response cache (api.md §1.1, §1.2): with `X-OpenRouter-Cache: true`, the first answer
 * to a body is a MISS, a repeat within the TTL a HIT with its age; `X-OpenRouter-Cache-Clear` starts over.
 * (The emulator answers a HIT afresh, with the same words: its answers are deterministic.)
 */
function responseCacheHeaders({ recorded, state }: RouteContext): Record<string, string> {
  if (recorded.headers["x-openrouter-cache"] !== "true") return {};
  const key = recorded.rawBody;
  const ttlSeconds = Number(recorded.headers["x-openrouter-cache-ttl"] ?? 300);
  const now = Date.now();
  const entry = recorded.headers["x-openrouter-cache-clear"] === "true" ? undefined : state.responseCache.get(key);
  if (entry && now - entry.at < entry.ttlSeconds * 1000) {
    return { "X-OpenRouter-Cache-Status": "HIT", "X-OpenRouter-Cache-Age": String(Math.floor((now - entry.at) / 1000)), "X-OpenRouter-Cache-TTL": String(entry.ttlSeconds) };
  }
  state.responseCache.set(key, { at: now, ttlSeconds });
  return { "X-OpenRouter-Cache-Status": "MISS", "X-OpenRouter-Cache-TTL": String(ttlSeconds) };
}

export async function chatCompletions(ctx: RouteContext): Promise<void> {
  const { res, recorded, plan, state } = ctx;
  const action = plan.action;
  if (action.kind === "fixture") return replayFixture(ctx, action.name);
  const body = recorded.body;
  if (!isRecord(body)) return sendError(res, 400, "Invalid JSON in request body");
  const stream = body["stream"] === true;
  // OpenRouter answers audio only as a stream (api.md §2.1 `audio`)
  if (!stream && Array.isArray(body["modalities"]) && body["modalities"].includes("audio")) {
    return sendError(res, 400, "Audio output requires stream: true");
  }
  if (!stream && (action.kind === "error-in-200" || action.kind === "mid-stream-error")) {
    return replayFixture(ctx, "error-in-200-nonstreaming-choice.docs-example.json");
  }

  const answer = buildAnswer(body, state, plan.answer);
  if (/^enabled$/i.test(recorded.headers["x-openrouter-metadata"] ?? "")) answer.openrouterMetadata = routerMetadataOf(answer);
  recordGeneration(state, answer, recorded);
  const headers = { "X-Generation-Id": answer.id, "X-Provider-Name": answer.provider, ...responseCacheHeaders(ctx), ...plan.headers };
  if (!stream) return sendJsonBody(ctx, 200, JSON.stringify(answerJson(answer)), headers, JSON_PADDING);

  const { frames, ...end } = streamFrames(answer, action, plan);
  await sendFrames(ctx, headers, frames, end);
}
