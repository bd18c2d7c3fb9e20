// How a streamed Responses API answer ends and fails (docs/responses_api.md), for readSse: the
// answer is complete at `response.completed` (`response.done` in the docs' example; or
// `response.incomplete`, cut by a limit); it fails at
// `response.failed` or an `error` event, raised with the text already delivered; a body that ends
// before either raises as a broken stream, as on chat completions.
import type { SseProtocol } from "./read_sse.js";
import type { OpenRouterResponsesEvent } from "./responses_types.js";
import type { OpenRouterErrorObject } from "./response_types.js";

/** The error object of a failure event: `response.failed`'s `response.error`, or the `error` event's own fields. */
function failureOf(event: OpenRouterResponsesEvent): OpenRouterErrorObject {
  if (event.type === "error") {
    const { type: _type, sequence_number: _sequence, ...error } = event;
    return error as OpenRouterErrorObject;
  }
  const response = event.response;
  const error = response?.error ?? { message: `the response ended with status ${String(response?.status ?? "failed")}` };
  // a failed response names its precise category beside the error (docs/responses_api.md §5.4)
  const errorType = response?.["error_type"];
  return typeof errorType === "string" && error.error_type == null ? { ...error, error_type: errorType } : error;
}

export const responsesProtocol: SseProtocol<OpenRouterResponsesEvent> = {
  end: "response.completed",
  observe(event, seen) {
    switch (event.type) {
      case "response.output_text.delta":
      // the name OpenRouter's one documented example stream uses (docs/responses_api.md §4.3)
      case "response.content_part.delta":
        if (typeof event.delta === "string") seen.text += event.delta;
        return undefined;
      case "response.created":
      case "response.in_progress":
        if (seen.generationId === undefined && typeof event.response?.id === "string") seen.generationId = event.response.id;
        return undefined;
      case "response.completed":
      case "response.done":
      case "response.incomplete":
        if (event.response?.usage != null) seen.usage = event.response.usage;
        return "finish";
      case "response.failed":
      case "error":
        if (event.response?.usage != null) seen.usage = event.response.usage;
        return failureOf(event);
      default:
        return undefined;
    }
  },
};
