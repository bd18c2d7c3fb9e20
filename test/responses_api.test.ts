// useResponsesApi through real HTTP to the emulator's POST /responses and the Responses API fixtures
// (docs/responses_api.md): what goes on the wire, what comes back on every path (invoke, stream,
// both streamEvents), and that the LangChain side is the chat path's: same messages, same errors.
import { type AIMessage, type AIMessageChunk, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatOpenRouter, OpenRouterAuthError, OpenRouterBadRequestError, OpenRouterProviderError, OpenRouterRateLimitError, OpenRouterStreamError, serverTools } from "../src/index.js";
import { CANARY_API_KEY, modelOn, scenarioText, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

const getWeather = tool(async ({ location }) => `Sunny in ${location}`, {
  name: "get_weather",
  description: "Get the current weather in a given location",
  schema: z.object({ location: z.string() }),
});

function responsesModel(fields: Partial<ConstructorParameters<typeof ChatOpenRouter>[0] & object> & { scenario?: string } = {}): ChatOpenRouter {
  return modelOn(emulator.current, { useResponsesApi: true, ...fields });
}

/** The body of the last POST /responses. */
function lastResponsesBody(): Record<string, unknown> {
  const request = emulator.current.requests.filter((r) => r.path.endsWith("/responses")).at(-1);
  if (!request) throw new Error("no /responses request");
  return request.body as Record<string, unknown>;
}

/** The reasoning item the emulator answers the last /responses body with, as it sends it (asked again, directly). */
async function reasoningItemOfLastRequest(): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.current.baseURL}/responses`, {
    method: "POST",
    headers: { Authorization: `Bearer ${CANARY_API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify(lastResponsesBody()),
  });
  return ((await response.json()) as { output: Record<string, unknown>[] }).output.find((o) => o["type"] === "reasoning")!;
}

async function streamed(iterable: AsyncIterable<AIMessageChunk>): Promise<AIMessageChunk> {
  let message: AIMessageChunk | undefined;
  for await (const chunk of iterable) message = message ? concat(message, chunk) : chunk;
  if (!message) throw new Error("empty stream");
  return message;
}

/** What a message says, without the fields that differ per request (ids, timestamps). */
function said(message: AIMessage | AIMessageChunk): unknown {
  // each answer is its own generation: its own id and times
  const { id: _id, created: _created, completed_at: _completed, ...metadata } = message.response_metadata;
  return {
    content: message.content,
    // the emulator derives call ids from the whole body, `stream` included
    tool_calls: message.tool_calls?.map(({ id: _callId, ...call }) => call),
    additional_kwargs: message.additional_kwargs,
    usage: message.usage_metadata && [message.usage_metadata.input_tokens, message.usage_metadata.output_tokens, message.usage_metadata.output_token_details?.reasoning],
    metadata,
  };
}

describe("useResponsesApi: the request", () => {
  it("sends POST /responses with input items, no messages, and the options under their Responses names", async () => {
    await responsesModel({ temperature: 0.2, maxTokens: 64, provider: { sort: "price" } }).invoke([
      ["system", "Be brief."],
      ["human", "Hello"],
    ]);
    expect(emulator.current.lastRequest()!.path).toBe("/api/v1/responses");
    expect(emulator.current.chatRequests()).toEqual([]);
    const body = lastResponsesBody();
    expect(body).toEqual({
      model: "openai/gpt-4o-mini",
      temperature: 0.2,
      max_output_tokens: 64,
      provider: { sort: "price" },
      input: [
        { type: "message", role: "system", content: "Be brief." },
        { type: "message", role: "user", content: "Hello" },
      ],
    });
  });

  it("is a call option too, and the field is what the next request uses", async () => {
    const model = modelOn(emulator.current);
    await model.invoke("hi", { useResponsesApi: true });
    expect(emulator.current.lastRequest()!.path).toBe("/api/v1/responses");
    await model.invoke("hi");
    expect(emulator.current.lastRequest()!.path).toBe("/api/v1/chat/completions");
    model.useResponsesApi = true;
    await model.invoke("hi");
    expect(emulator.current.lastRequest()!.path).toBe("/api/v1/responses");
  });

  it("sends images and files as input_image / input_file parts", async () => {
    await responsesModel().invoke([
      new HumanMessage({
        content: [
          { type: "text", text: "Describe both" },
          { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
          { type: "file", source_type: "base64", mime_type: "application/pdf", data: "JVBERi0=", metadata: { filename: "a.pdf" } },
        ],
      }),
    ]);
    const [message] = lastResponsesBody()["input"] as { content: unknown[] }[];
    expect(message!.content).toEqual([
      { type: "input_text", text: "Describe both" },
      { type: "input_image", image_url: "https://example.com/cat.png", detail: "auto" },
      expect.objectContaining({ type: "input_file", filename: "a.pdf", file_data: expect.stringContaining("JVBERi0=") }),
    ]);
  });

  it("refuses what the Responses API has no place for, and the stateful options, naming the fix", async () => {
    await expect(responsesModel({ stop: ["END"] }).invoke("hi")).rejects.toThrow(/Responses API has no place for stop\. Unset it, or use chat completions/);
    await expect(responsesModel({ modelKwargs: { previous_response_id: "resp_1" } }).invoke("hi")).rejects.toThrow(/stateless/);
    expect(() => new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, store: true } as never)).toThrow(/stateless.*whole conversation is sent each time/);
    expect(() => new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, previousResponseId: "resp_1" } as never)).toThrow(/stateless/);
    expect(emulator.current.requests).toEqual([]);
  });

  it("the Responses-only server tools go on /responses, and chat completions refuses them naming the switch", async () => {
    const tools = [serverTools.shell(), serverTools.applyPatch(), serverTools.toolSearch()];
    await responsesModel().bindTools(tools).invoke("hi");
    expect(lastResponsesBody()["tools"]).toEqual([{ type: "openrouter:shell" }, { type: "openrouter:apply_patch" }, { type: "openrouter:tool_search" }]);
    const onChat = modelOn(emulator.current).bindTools([serverTools.shell()]);
    await expect(onChat.invoke("hi")).rejects.toThrow("OpenRouter runs openrouter:shell only on its Responses API: set useResponsesApi: true");
    await expect((async () => onChat.stream("hi"))()).rejects.toThrow(/useResponsesApi: true/);
    expect(emulator.current.chatRequests()).toEqual([]);
  });

  it("the emulator refuses a stateful body with OpenRouter's 400, raised as OpenRouterBadRequestError", async () => {
    const error = await responsesModel({ modelKwargs: { store: false, previous_response_id: null }, scenario: "ok" })
      .invoke("hi")
      .then(() => undefined, (e: unknown) => e);
    // store: false and a null previous_response_id are what stateless means: sent, and accepted
    expect(error).toBeUndefined();
    const response = await fetch(`${emulator.current.baseURL}/responses`, {
      method: "POST",
      headers: { Authorization: `Bearer ${CANARY_API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o", input: "hi", previous_response_id: "resp_1" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_prompt", message: expect.stringMatching(/stateless/) } });
  });
});

describe("useResponsesApi: the answer, on every path", () => {
  it("invoke reads the result as the chat path's message: text, usage with cost, served model, finish reason", async () => {
    const message = await responsesModel({ scenario: scenarioText("say", "Hello there, friend.") }).invoke("hi");
    expect(message.content).toBe("Hello there, friend.");
    expect(message.usage_metadata).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) });
    expect(message.response_metadata).toMatchObject({
      model_provider: "openrouter",
      model_name: "openai/gpt-4o-mini-2024-07-18",
      finish_reason: "stop",
      native_finish_reason: "completed",
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), cost: expect.any(Number) },
    });
    expect(message.id).toMatch(/^gen-/);
  });

  it("stream() concatenates to what invoke returns (reasoning with encrypted content included)", async () => {
    const model = responsesModel({ model: "openai/gpt-5-mini", reasoning: { effort: "low", summary: "auto" } });
    const invoked = await model.invoke("What is 2+2?");
    const chunks = await streamed(await model.stream("What is 2+2?"));
    expect(said(chunks)).toEqual(said(invoked));
    expect(invoked.additional_kwargs["reasoning_details"]).toEqual([
      expect.objectContaining({ type: "reasoning.summary", id: expect.stringMatching(/^rs_/), format: "openai-responses-v1" }),
      expect.objectContaining({ type: "reasoning.encrypted", data: expect.stringMatching(/^gAAAAA/), id: expect.stringMatching(/^rs_/) }),
    ]);
    expect(invoked.contentBlocks.map((block) => block.type)).toEqual(["reasoning", "text"]);
  });

  it("sends the reasoning item back on the next turn as it came: id, summary and encrypted content verbatim", async () => {
    const model = responsesModel({ model: "openai/gpt-5-mini", reasoning: { effort: "low", summary: "auto" } });
    const first = await model.invoke("What is 2+2?");
    const item = await reasoningItemOfLastRequest();
    await model.invoke([new HumanMessage("What is 2+2?"), first, new HumanMessage("And 3+3?")]);
    const input = lastResponsesBody()["input"] as Record<string, unknown>[];
    const { status: _status, ...sent } = item;
    expect(input[1]).toEqual(sent);
    expect(input[2]).toEqual({ type: "message", role: "assistant", id: "msg_2", status: "completed", content: [{ type: "output_text", text: first.content, annotations: [] }] });
  });

  it("an Anthropic reasoning item (reasoning text, signature, format) goes back as it came too, and v2 streamEvents streams the same text", async () => {
    const model = responsesModel({ model: "anthropic/claude-sonnet-4.5", reasoning: { max_tokens: 1024 } });
    const first = await model.invoke("Is 17 prime?");
    const item = await reasoningItemOfLastRequest();
    expect(item).toMatchObject({ content: [{ type: "reasoning_text" }], signature: expect.any(String), format: "anthropic-claude-v1" });
    await model.invoke([new HumanMessage("Is 17 prime?"), first, new HumanMessage("And 19?")]);
    const { status: _status, ...sent } = item;
    expect((lastResponsesBody()["input"] as unknown[])[1]).toEqual(sent);

    const texts: string[] = [];
    for await (const event of model.streamEvents("Is 17 prime?", { version: "v2" })) {
      if (event.event === "on_chat_model_stream") texts.push((event.data.chunk as AIMessageChunk).text);
    }
    expect(texts.join("")).toBe(first.text);
    expect(said(await streamed(await model.stream("Is 17 prime?")))).toEqual(said(first));
    expect(first.additional_kwargs["reasoning"]).toMatch(/Is 17 prime/);
    // the content-block stream assembles the same reasoning_details, and the next turn sends the same item
    const assembled = await model.streamEvents("Is 17 prime?");
    const [reasoningBlock] = assembled.content as Record<string, unknown>[];
    expect(reasoningBlock).toMatchObject({ type: "reasoning", extras: { reasoning_details: first.additional_kwargs["reasoning_details"] } });
    await model.invoke([new HumanMessage("Is 17 prime?"), assembled, new HumanMessage("And 19?")]);
    expect((lastResponsesBody()["input"] as unknown[])[1]).toEqual(sent);
  });

  it("bindTools: flattened function tools, a tool call on invoke and stream, and the round trip as function_call / function_call_output", async () => {
    const model = responsesModel().bindTools([getWeather], { tool_choice: "get_weather" });
    const call = await model.invoke("What's the weather in Paris?");
    const body = lastResponsesBody();
    expect(body["tools"]).toEqual([{ type: "function", name: "get_weather", description: "Get the current weather in a given location", parameters: expect.objectContaining({ type: "object" }) }]);
    expect(body["tool_choice"]).toEqual({ type: "function", name: "get_weather" });
    expect(call.tool_calls).toEqual([{ type: "tool_call", id: expect.any(String), name: "get_weather", args: { location: expect.any(String) } }]);
    expect(call.response_metadata["finish_reason"]).toBe("tool_calls");
    const chunks = await streamed(await model.stream("What's the weather in Paris?"));
    expect(said(chunks)).toEqual(said(call));

    const toolCall = call.tool_calls![0]!;
    await responsesModel().bindTools([getWeather]).invoke([
      new HumanMessage("What's the weather in Paris?"),
      call,
      new ToolMessage({ tool_call_id: toolCall.id!, content: "Sunny in Paris" }),
    ]);
    const input = lastResponsesBody()["input"] as Record<string, unknown>[];
    expect(input.slice(1)).toEqual([
      { type: "function_call", id: `fc_${toolCall.id}`, call_id: toolCall.id, name: "get_weather", arguments: JSON.stringify(toolCall.args) },
      { type: "function_call_output", call_id: toolCall.id, output: "Sunny in Paris" },
    ]);
  });

  it("withStructuredOutput (jsonSchema) sends text.format and parses the answer, on invoke and stream", async () => {
    const schema = z.object({ title: z.string(), year: z.number() });
    const structured = responsesModel({ model: "openai/gpt-4.1" }).withStructuredOutput(schema, { name: "movie", method: "jsonSchema" });
    const parsed = await structured.invoke("Name a movie");
    expect(schema.safeParse(parsed).success).toBe(true);
    const text = lastResponsesBody()["text"] as { format: Record<string, unknown> };
    expect(text.format).toMatchObject({ type: "json_schema", name: "movie", schema: expect.objectContaining({ type: "object" }) });
    let last: unknown;
    for await (const partial of await structured.stream("Name a movie")) last = partial;
    expect(last).toEqual(parsed);
  });

  it("streamEvents() (content blocks) gives the same message as invoke", async () => {
    const model = responsesModel({ scenario: scenarioText("say", "Blocks from the Responses API.") });
    const invoked = await model.invoke("hi");
    const stream = model.streamEvents("hi");
    const deltas: string[] = [];
    for await (const event of stream) {
      if (event.event === "content-block-delta" && event.delta.type === "text-delta") deltas.push(event.delta.text);
    }
    const message = await stream.output;
    expect(deltas.join("")).toBe("Blocks from the Responses API.");
    expect(message.text).toBe(invoked.text);
    expect(message.usage_metadata).toEqual(invoked.usage_metadata);
    expect(message.response_metadata["native_finish_reason"]).toBe("completed");
  });

  it("an answer cut by max_output_tokens finishes with length and keeps incomplete_details", async () => {
    const message = await responsesModel({ maxTokens: 3, scenario: scenarioText("say", "one two three four five six seven eight nine ten") }).invoke("hi");
    expect(message.response_metadata).toMatchObject({ finish_reason: "length", native_finish_reason: "incomplete", incomplete_details: { reason: "max_output_tokens" } });
  });
});

describe("useResponsesApi: errors are the chat path's", () => {
  it("a 401 is an OpenRouterAuthError", async () => {
    await expect(responsesModel({ apiKey: "sk-or-v1-invalid" }).invoke("hi")).rejects.toBeInstanceOf(OpenRouterAuthError);
  });

  it("response.failed mid-stream raises OpenRouterStreamError with the text already received and the provider error as cause", async () => {
    const model = responsesModel({ scenario: `mid-stream-error+${scenarioText("say", "alpha beta gamma delta epsilon zeta eta theta")}` });
    let received = "";
    const error = await (async () => {
      for await (const chunk of await model.stream("hi")) received += chunk.content as string;
    })().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    const streamError = error as OpenRouterStreamError;
    expect(streamError.partialText).toBe(received);
    expect(received.length).toBeGreaterThan(0);
    expect(streamError.cause).toBeInstanceOf(OpenRouterProviderError);
    expect(streamError.generationId).toMatch(/^gen-/);
  });

  it("an error event raises with its code's class as cause; a cut stream raises as broken", async () => {
    const failure = (scenario: string) => (async () => streamed(await responsesModel({ scenario }).stream("hi")))().then(() => undefined, (e: unknown) => e);
    const error = await failure("error-in-200");
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect((error as OpenRouterStreamError).cause).toBeInstanceOf(OpenRouterRateLimitError);
    expect((error as OpenRouterStreamError).partialText).toBe("");
    const cut = await failure("truncate");
    expect(cut).toBeInstanceOf(OpenRouterStreamError);
    expect((cut as Error).message).toMatch(/ended without response\.completed/);
  });

  it("a failed 200 result is the class its error_type names, retried as that status is", async () => {
    const error = await responsesModel({ scenario: "error-in-200", maxRetries: 1 }).invoke("hi").then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect((error as OpenRouterProviderError).code).toBe("server_error");
    expect(emulator.current.requests.length).toBe(2);
  });
});

describe("useResponsesApi: the docs' own examples (fixtures)", () => {
  it("responses-text.docs-example.json", async () => {
    const message = await responsesModel({ scenario: "fixture:responses-text.docs-example.json" }).invoke("hi");
    expect(typeof message.content).toBe("string");
    expect((message.content as string).length).toBeGreaterThan(0);
    expect(message.usage_metadata?.total_tokens).toBeGreaterThan(0);
  });

  it("responses-reasoning.docs-example.json: plain-string summaries and the encrypted content", async () => {
    const message = await responsesModel({ scenario: "fixture:responses-reasoning.docs-example.json" }).invoke("hi");
    expect(message.additional_kwargs["reasoning"]).toBe(
      "First, I need to determine the current year\n\nThen calculate the difference from 1995\n\nFinally, compare that to 30 years"
    );
    expect(message.additional_kwargs["reasoning_details"]).toContainEqual(expect.objectContaining({ type: "reasoning.encrypted", id: "rs_abc123", data: expect.stringMatching(/^gAAAAAB/) }));
    expect(message.usage_metadata).toMatchObject({ input_tokens: 15, output_tokens: 85, output_token_details: { reasoning: 45 } });
  });

  it("responses-tool-call.docs-example.json", async () => {
    const message = await responsesModel({ scenario: "fixture:responses-tool-call.docs-example.json" }).invoke("hi");
    expect(message.tool_calls?.length).toBeGreaterThan(0);
    expect(message.response_metadata["finish_reason"]).toBe("tool_calls");
  });

  it("responses-web-search.docs-example.json: url citations as the chat path's annotations, other items whole", async () => {
    const message = await responsesModel({ scenario: "fixture:responses-web-search.docs-example.json" }).invoke("hi");
    const annotations = message.additional_kwargs["annotations"] as { type: string; url_citation: { url: string } }[];
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations[0]).toMatchObject({ type: "url_citation", url_citation: { url: expect.stringMatching(/^https?:/) } });
    expect(message.contentBlocks.find((block) => block.type === "text")).toMatchObject({ annotations: expect.arrayContaining([expect.objectContaining({ type: "citation", url: annotations[0]!.url_citation.url })]) });
  });

  it("responses-failed-error-type.docs-example.json: a failed result whose error_type is authentication", async () => {
    const error = await responsesModel({ scenario: "fixture:responses-failed-error-type.docs-example.json" }).invoke("hi").then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenRouterAuthError);
    expect((error as Error).message).toMatch(/Invalid credentials/);
  });

  it("responses-error-400.docs-example.json: a string code on a 400", async () => {
    const error = await responsesModel({ scenario: "fixture:responses-error-400.docs-example.json" }).invoke("hi").then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenRouterBadRequestError);
    expect(error).toMatchObject({ status: 400, code: "invalid_prompt" });
  });

  it("responses-stream-text.docs-example.sse: the docs' event names (content_part.delta, response.done)", async () => {
    const message = await streamed(await responsesModel({ scenario: "fixture:responses-stream-text.docs-example.sse" }).stream("hi"));
    expect(message.content).toBe("Once upon a time");
    expect(message.usage_metadata).toMatchObject({ input_tokens: 12, output_tokens: 45, total_tokens: 57 });
  });

  it.each(["responses-stream-text.reconstructed.sse", "responses-stream-tool-call.reconstructed.sse", "responses-stream-reasoning.reconstructed.sse"])(
    "%s streams to a complete message",
    async (name) => {
      const message = await streamed(await responsesModel({ scenario: `fixture:${name}` }).stream("hi"));
      expect(message.response_metadata["native_finish_reason"]).toBe("completed");
      expect(message.usage_metadata?.total_tokens).toBeGreaterThan(0);
      if (name.includes("tool-call")) {
        expect(message.tool_calls).toEqual([{ type: "tool_call", id: "call-abc123", name: "get_weather", args: { city: "San Francisco", units: "celsius" } }]);
      } else if (name.includes("reasoning")) {
        expect(message.additional_kwargs["reasoning_details"]).not.toHaveLength(0);
      } else {
        expect((message.content as string).length).toBeGreaterThan(0);
      }
    }
  );
});
