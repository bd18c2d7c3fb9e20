/**
 * `POST /api/v1/responses`: OpenRouter's stateless Responses API over the same responder as chat
 * completions (the body read as the chat request it stands for, responses_request.ts), sent as a
 * result object or as typed events (render_responses.ts), with the same body-level faults:
 * `truncate`, `reset-mid-body`, `stall-mid-body`, `mid-stream-error` (a `response.failed` event),
 * `error-in-200` (a failed result, or a stream of one `error` event), `no-done`.
 */
import { recordGeneration } from "./platform_routes.js";
import { replayFixture, sendError, sendFrames, sendJsonBody, type RouteContext } from "./http.js";
import { JSON_PADDING } from "./render_json.js";
import { DONE, PROCESSING } from "./render_sse.js";
import { failedFrame, responsesJson, responsesStream } from "./render_responses.js";
import { buildAnswer } from "./responder.js";
import { chatBodyOf, refusalOf } from "./responses_request.js";
import { isRecord } from "./schema_values.js";

const ERROR_EVENT = `data: ${JSON.stringify({ type: "error", code: "rate_limit_exceeded", message: "Rate limit exceeded upstream", param: null, sequence_number: 0 })}\n\n`;

export async function createResponse(ctx: RouteContext): Promise<void> {
  const { res, recorded, plan, state } = ctx;
  const action = plan.action;
  if (action.kind === "fixture") return replayFixture(ctx, action.name);
  const body = recorded.body;
  if (!isRecord(body)) return sendError(res, 400, "Invalid JSON in request body");
  const refused = refusalOf(body);
  if (refused) return sendJsonBody(ctx, 400, JSON.stringify({ error: { code: "invalid_prompt", message: refused }, metadata: null }));
  const stream = body["stream"] === true;
  const answer = buildAnswer(chatBodyOf(body), state, plan.answer);
  recordGeneration(state, answer, recorded);
  const headers = { "X-Generation-Id": answer.id, ...plan.headers };
  if (!stream) {
    if (action.kind === "error-in-200" || action.kind === "mid-stream-error") {
      const failed = { ...responsesJson(answer), status: "failed", output: [], error: { code: "server_error", message: "Provider returned error" }, error_type: "provider_unavailable" };
      return sendJsonBody(ctx, 200, JSON.stringify(failed), headers, JSON_PADDING);
    }
    return sendJsonBody(ctx, 200, JSON.stringify(responsesJson(answer)), headers, JSON_PADDING);
  }

  const { head, body: items, tail } = responsesStream(answer);
  let frames: string[];
  let destroyAtEnd = false;
  let holdAtEnd = false;
  switch (action.kind) {
    case "truncate":
      frames = [...head, ...items];
      break;
    case "reset-mid-body":
      frames = [...head, ...items.slice(0, 4)];
      destroyAtEnd = true;
      break;
    case "stall-mid-body":
      frames = [...head, ...items.slice(0, 4)];
      holdAtEnd = true;
      break;
    case "mid-stream-error":
      frames = [...head, ...items.slice(0, Math.max(1, Math.floor(items.length / 2))), failedFrame(answer), DONE];
      break;
    case "error-in-200":
      frames = [PROCESSING, ERROR_EVENT, DONE];
      break;
    default:
      frames = [...head, ...items, ...(plan.noDone ? tail.filter((frame) => frame !== DONE) : tail)];
  }
  await sendFrames(ctx, headers, frames, { destroyAtEnd, holdAtEnd });
}
