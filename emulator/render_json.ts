/** The non-streamed `chat.completion` body of an answer (sent after OpenRouter's padding). */
import type { Answer } from "./answer.js";
import { logprobsOf } from "./logprobs.js";
import type { JsonValue } from "./schema_values.js";

/** OpenRouter's keep-alive padding before a non-streamed JSON body. */
export const JSON_PADDING = "\n         \n";

export function answerJson(a: Answer): Record<string, JsonValue> {
  const message: Record<string, JsonValue> = {
    role: "assistant",
    content: a.content,
    refusal: a.refusal,
    reasoning: a.reasoning,
  };
  if (a.reasoningDetails.length > 0) message["reasoning_details"] = a.reasoningDetails;
  if (a.toolCalls.length > 0) {
    message["tool_calls"] = a.toolCalls.map((call, index) => ({
      id: call.id,
      type: "function",
      index,
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  if (a.images.length > 0) {
    message["images"] = a.images.map((url, index) => ({ type: "image_url", image_url: { url }, index }));
  }
  if (a.annotations.length > 0) message["annotations"] = structuredClone(a.annotations);
  return {
    id: a.id,
    provider: a.provider,
    model: a.model,
    object: "chat.completion",
    created: a.created,
    choices: [
      {
        index: 0,
        message,
        finish_reason: a.finishReason,
        native_finish_reason: a.nativeFinishReason,
        logprobs: a.logprobs === null ? null : { content: logprobsOf(a.content, a.logprobs), refusal: null },
      },
    ],
    system_fingerprint: null,
    usage: a.usage,
    ...(a.openrouterMetadata ? { openrouter_metadata: a.openrouterMetadata } : {}),
  };
}
