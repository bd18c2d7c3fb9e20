// A LangChain chat model used as an application uses one: one model per baseURL, reused; `invoke`,
// `stream`, and `bindTools([...]).stream` for the tool-call stream.
import { PROMPT, TOOL } from "../inputs.mjs";

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
      const tools = [{ type: "function", function: TOOL }];
      model = typeof base.bindTools === "function" ? base.bindTools(tools) : base.withConfig({ tools });
      toolModels.set(baseURL, model);
    }
    return model;
  };
  return {
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
