// Reference, not a peer: the smallest honest chat model on @langchain/core. A BaseChatModel subclass over
// the raw-fetch loop that builds one AIMessageChunk per delta, reports each token to the run manager and
// ends with a usage chunk. What core itself costs any integration's invoke / stream: the floor a
// ChatOpenRouter reaches without doing anything about core's own per-chunk work.
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk } from "@langchain/core/messages";
import { ChatGenerationChunk } from "@langchain/core/outputs";
import { API_KEY, MODEL } from "../inputs.mjs";
import { langchainClient } from "./langchain_client.mjs";
import { splitDataLines } from "./raw_fetch.mjs";

export const label = "reference: minimal BaseChatModel on raw fetch (core's floor)";
export const imports = [];

const ROLES = { human: "user", ai: "assistant", system: "system", tool: "tool" };

function usageOf(usage) {
  return { input_tokens: usage.prompt_tokens, output_tokens: usage.completion_tokens, total_tokens: usage.total_tokens };
}

class FloorChatModel extends BaseChatModel {
  constructor({ baseURL }) {
    super({});
    this.url = `${baseURL}/chat/completions`;
  }

  _llmType() {
    return "bench-floor";
  }

  bindTools(tools) {
    return this.withConfig({ tools });
  }

  async post(messages, options, stream) {
    const body = { model: MODEL, messages: messages.map((message) => ({ role: ROLES[message.type], content: message.content })) };
    if (options.tools) body.tools = options.tools;
    if (stream) {
      body.stream = true;
      body.stream_options = { include_usage: true };
    }
    const response = await fetch(this.url, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: options.signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  }

  async _generate(messages, options) {
    const body = await (await this.post(messages, options, false)).json();
    const message = body.choices[0].message;
    const text = message.content ?? "";
    return {
      generations: [{ text, message: new AIMessage({ content: text, id: body.id, usage_metadata: usageOf(body.usage) }) }],
    };
  }

  async *_streamResponseChunks(messages, options, runManager) {
    const reader = (await this.post(messages, options, true)).body.getReader();
    const decoder = new TextDecoder();
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const split = splitDataLines(rest + decoder.decode(value, { stream: true }));
      rest = split.rest;
      for (const data of split.data) {
        if (data === "[DONE]") return;
        const chunk = JSON.parse(data);
        const delta = chunk.choices[0]?.delta;
        const calls = delta?.tool_calls;
        const text = delta?.content ?? "";
        if (!text && !calls && !chunk.usage) continue;
        const message = new AIMessageChunk({
          content: text,
          id: chunk.id,
          tool_call_chunks: calls?.map((call) => ({
            type: "tool_call_chunk",
            index: call.index,
            id: call.id,
            name: call.function?.name,
            args: call.function?.arguments,
          })),
          usage_metadata: chunk.usage ? usageOf(chunk.usage) : undefined,
        });
        const generation = new ChatGenerationChunk({ message, text });
        yield generation;
        await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk: generation });
      }
    }
  }
}

/** A floor model on `baseURL` (bench/invoke_layers.mjs calls its layers one by one). */
export const modelFor = (baseURL) => new FloorChatModel({ baseURL });

export const { invoke, stream, streamTool, bindsTools, streamEvents, streamEventsTool } = langchainClient((fields) => new FloorChatModel(fields));
