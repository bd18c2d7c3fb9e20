// Sends one chat call on the API it chose: chat completions (`POST /chat/completions`), or, with
// `useResponsesApi`, OpenRouter's Responses API (`POST /responses`), whose answer is read as the chat
// completion it stands for (convert/from_responses_*.ts), so everything after this is one path.
import type { ChatResult } from "@langchain/core/outputs";
import { chatChunksOf } from "../convert/from_responses_event.js";
import { fromResponsesResult } from "../convert/from_responses_result.js";
import { responsesProtocol } from "../wire/responses_protocol.js";
import { RESPONSES_ONLY_SERVER_TOOLS } from "../wire/server_tools.js";
import { type OpenRouterConnection, type OpenRouterStream, requestJson, requestStream } from "../wire/send_request.js";
import type { OpenRouterChatRequest, OpenRouterChatResponse, OpenRouterResponsesResult } from "../wire/types.js";
import { chatRequest, responsesRequest } from "./invocation_params.js";
import type { ChatOpenRouterCallOptions, ChatOpenRouterRequestOptions } from "./options.js";
import { chatResultOf } from "./read_answer.js";

/** The model's fields as the next request sends them (`streamUsage` already defaulted by the constructor). */
type Model = Partial<ChatOpenRouterRequestOptions> & { streamUsage: boolean; defaultHeaders?: Record<string, string> };

const usesResponsesApi = (model: Model, options: ChatOpenRouterCallOptions): boolean => options.useResponsesApi ?? model.useResponsesApi ?? false;

/** A chat completions body with a server tool only the Responses API runs is refused, naming the switch. */
function checkChatTools(body: OpenRouterChatRequest): void {
  const only = body.tools?.find((tool) => RESPONSES_ONLY_SERVER_TOOLS.has(tool.type));
  if (only) {
    throw new TypeError(`ChatOpenRouter: OpenRouter runs ${only.type} only on its Responses API: set useResponsesApi: true (on the model or the call).`);
  }
}

/** `invoke` without streaming: the whole answer. */
export async function sendForResult(connection: OpenRouterConnection, model: Model, body: OpenRouterChatRequest, options: ChatOpenRouterCallOptions): Promise<ChatResult> {
  if (usesResponsesApi(model, options)) {
    const answer = await requestJson<OpenRouterResponsesResult>(connection, responsesRequest(model, body, options));
    return chatResultOf(fromResponsesResult(answer.body), answer.headers);
  }
  checkChatTools(body);
  const answer = await requestJson<OpenRouterChatResponse>(connection, chatRequest(model, body, options));
  return chatResultOf(answer.body, answer.headers);
}

/** A streamed answer, its chunks as chat completion chunks whichever API sent them. */
export async function sendForStream(connection: OpenRouterConnection, model: Model, body: OpenRouterChatRequest, options: ChatOpenRouterCallOptions): Promise<OpenRouterStream> {
  const streamed: OpenRouterChatRequest = { ...body, stream: true };
  if (usesResponsesApi(model, options)) {
    // usage always comes with response.completed: no stream_options there
    const { headers, chunks } = await requestStream(connection, responsesRequest(model, streamed, options), responsesProtocol);
    return { headers, chunks: chatChunksOf(chunks) };
  }
  checkChatTools(body);
  if (options.streamUsage ?? model.streamUsage) streamed.stream_options = { include_usage: true };
  return requestStream(connection, chatRequest(model, streamed, options));
}
