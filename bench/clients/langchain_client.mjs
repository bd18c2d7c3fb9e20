// A LangChain chat model used as an application uses one: one model per baseURL, reused; `invoke`,
// `stream`, and `bindTools([...]).stream` for the tool-call stream; `streamEvents(input)` (core's
// content-block protocol, no `version`) for the stream-events test.
import { PROMPT, TOOL } from "../inputs.mjs";

const TOOLS = [{ type: "function", function: TOOL }];

/**
 * Reads a versionless `streamEvents()` stream (core's `ChatModelStream`) as a UI would: every event, in
 * order, the text from its `text-delta` events. A chunk is one `content-block-delta` event, whatever its
 * delta's form (`text-delta`; tool arguments as `block-delta` snapshots or `tool-call-delta` slices). The
 * tool call is taken whole from its `content-block-finish` (what `stream.toolCalls` yields), its arguments
 * as `JSON.stringify` of the parsed object: the sent arguments are themselves `JSON.stringify` output, so
 * this is byte for byte, and it reads the same for every client whatever delta form it streams. The stream
 * is returned too, so the worker can check the message `await stream` assembles outside the timed part.
 */
export async function readEventStream(stream) {
  let chunks = 0;
  let text = "";
  let args = "";
  for await (const event of stream) {
    if (event.event === "content-block-delta") {
      chunks++;
      if (event.delta?.type === "text-delta") text += event.delta.text;
    } else if (event.event === "content-block-finish" && event.content.type === "tool_call") {
      args += JSON.stringify(event.content.args);
    }
  }
  return { chunks, text, args, stream };
}

/** The stream-events client functions over any model with core's versionless `streamEvents()`. */
export function eventClient(modelFor) {
  return {
    streamEvents: (baseURL) => readEventStream(modelFor(baseURL).streamEvents(PROMPT)),
    // tools as a call option: core 1.4's RunnableBinding (what bindTools returns) has no versionless streamEvents
    streamEventsTool: (baseURL) => readEventStream(modelFor(baseURL).streamEvents(PROMPT, { tools: TOOLS })),
  };
}

/**
 * The client functions for a chat-model class. `make({ baseURL })` builds the model. A model without
 * `bindTools` gets its tools as a call option (`withConfig`), which sends the same request.
 */
export function langchainClient(make) {
  const models = new Map();
  const toolModels = new Map();
  const modelFor = (baseURL) => {
    let model = models.get(baseURL);
    if (!model) models.set(baseURL, (model = make({ baseURL })));
    return model;
  };
  const toolModelFor = (baseURL) => {
    let model = toolModels.get(baseURL);
    if (!model) {
      const base = modelFor(baseURL);
      model = typeof base.bindTools === "function" ? base.bindTools(TOOLS) : base.withConfig({ tools: TOOLS });
      toolModels.set(baseURL, model);
    }
    return model;
  };
  return {
    ...eventClient(modelFor),
    bindsTools: (baseURL) => typeof modelFor(baseURL).bindTools === "function",
    async invoke(baseURL) {
      const message = await modelFor(baseURL).invoke(PROMPT);
      return message.content;
    },
    async stream(baseURL) {
      let chunks = 0;
      let text = "";
      for await (const chunk of await modelFor(baseURL).stream(PROMPT)) {
        const content = chunk.content;
        if (typeof content === "string" && content !== "") {
          text += content;
          chunks++;
        }
      }
      return { chunks, text };
    },
    async streamTool(baseURL) {
      let chunks = 0;
      let args = "";
      for await (const chunk of await toolModelFor(baseURL).stream(PROMPT)) {
        const calls = chunk.tool_call_chunks;
        if (calls && calls.length > 0) {
          for (const call of calls) args += call.args ?? "";
          chunks++;
        }
      }
      return { chunks, args };
    },
  };
}
