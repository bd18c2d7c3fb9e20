// The floor: global fetch, the smallest SSE line splitter that handles this server's bodies, JSON.parse.
// No framework, no web-stream pipes; what any client must at least spend.
import { API_KEY, MODEL, PROMPT, TOOL } from "../inputs.mjs";

export const label = "raw fetch + minimal SSE (floor)";
export const imports = [];

const headers = { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" };
const messages = [{ role: "user", content: PROMPT }];
const INVOKE_BODY = JSON.stringify({ model: MODEL, messages });
const STREAM_BODY = JSON.stringify({ model: MODEL, messages, stream: true, stream_options: { include_usage: true } });
const TOOL_BODY = JSON.stringify({ model: MODEL, messages, stream: true, stream_options: { include_usage: true }, tools: [{ type: "function", function: TOOL }] });

/** Splits decoded SSE text into its `data:` payloads; returns them and the unfinished tail. */
export function splitDataLines(text) {
  const data = [];
  let start = 0;
  for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
    if (text.startsWith("data: ", start)) data.push(text.slice(start + 6, end));
    start = end + 1;
  }
  return { data, rest: text.slice(start) };
}

async function post(baseURL, body) {
  const response = await fetch(`${baseURL}/chat/completions`, { method: "POST", headers, body });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  return response;
}

async function readEvents(response, onChunk) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error("stream ended without [DONE]");
    const split = splitDataLines(rest + decoder.decode(value, { stream: true }));
    rest = split.rest;
    for (const data of split.data) {
      if (data === "[DONE]") {
        await reader.cancel();
        return;
      }
      onChunk(JSON.parse(data));
    }
  }
}

export async function invoke(baseURL) {
  const body = await (await post(baseURL, INVOKE_BODY)).json();
  return body.choices[0].message.content;
}

export async function stream(baseURL) {
  let chunks = 0;
  let text = "";
  await readEvents(await post(baseURL, STREAM_BODY), (chunk) => {
    const content = chunk.choices[0]?.delta?.content;
    if (content) {
      text += content;
      chunks++;
    }
  });
  return { chunks, text };
}

export async function streamTool(baseURL) {
  let chunks = 0;
  let args = "";
  await readEvents(await post(baseURL, TOOL_BODY), (chunk) => {
    const calls = chunk.choices[0]?.delta?.tool_calls;
    if (!calls) return;
    for (const call of calls) args += call.function?.arguments ?? "";
    chunks++;
  });
  return { chunks, args };
}
