// Tool calling through real HTTP to the emulator: every input form and tool_choice form on the
// wire, invoke == concat(stream), recorded tool-call bodies, the round trip, agent loops.
import { type AIMessage, type AIMessageChunk, type BaseMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { tool } from "@langchain/core/tools";
import { concat } from "@langchain/core/utils/stream";
import { createAgent } from "langchain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";
import { fixtureJson } from "./helpers/fixtures.js";

const emulator = useEmulator();

const getWeather = tool(async ({ location }) => `Sunny in ${location}`, {
  name: "get_weather",
  description: "Get the current weather in a given location",
  schema: z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }),
});

const getTime = tool(async ({ city }) => `It is 09:30 in ${city}`, {
  name: "get_time",
  description: "Get the current local time in a city",
  schema: z3.object({ city: z3.string().describe("The city, e.g. Tokyo") }),
});

const WEATHER_WIRE = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather in a given location",
    parameters: {
      type: "object",
      properties: { location: { type: "string", description: "The city and state, e.g. San Francisco, CA" } },
      required: ["location"],
      additionalProperties: false,
    },
  },
};

async function streamed(iterable: AsyncIterable<AIMessageChunk>): Promise<AIMessageChunk> {
  let message: AIMessageChunk | undefined;
  for await (const chunk of iterable) message = message ? concat(message, chunk) : chunk;
  if (!message) throw new Error("empty stream");
  return message;
}

describe("bindTools sends every input form as an OpenAI function tool", () => {
  const forms: [string, unknown][] = [
    ["tool() with zod", getWeather],
    ["a raw OpenAI function tool", WEATHER_WIRE],
    ["{ name, description, schema }", { name: "get_weather", description: WEATHER_WIRE.function.description, schema: WEATHER_WIRE.function.parameters }],
  ];
  it.each(forms)("%s", async (_label, input) => {
    const model = modelOn(emulator.current, { model: "openai/gpt-4o" }).bindTools([input as never]);
    const message = await model.invoke("What is the weather like in San Francisco?");
    expect(lastChatBody(emulator.current)["tools"]).toEqual([WEATHER_WIRE]);
    expect(message.tool_calls).toEqual([
      { name: "get_weather", args: { location: "San Francisco, CA" }, id: expect.stringMatching(/^call_/), type: "tool_call" },
    ]);
  });

  it("sends the tools on every call, including the one carrying tool results", async () => {
    const model = modelOn(emulator.current).bindTools([getWeather]);
    const first = await model.invoke("What is the weather like in Paris?");
    await model.invoke([new HumanMessage("What is the weather like in Paris?"), first, new ToolMessage({ content: "Sunny", tool_call_id: first.tool_calls![0]!.id! })]);
    expect(emulator.current.chatRequests().map((request) => (request.body as { tools?: unknown }).tools)).toEqual([[WEATHER_WIRE], [WEATHER_WIRE]]);
  });

  it("sends OpenRouter server tools verbatim (request-web-search-server-tool-full-params.json)", async () => {
    const recorded = fixtureJson<{ tools: unknown[] }>("request-web-search-server-tool-full-params.json");
    const model = modelOn(emulator.current, { model: "google/gemini-2.5-flash" }).bindTools(recorded.tools as never);
    const message = await model.invoke("Reply with `ready`.");
    expect(lastChatBody(emulator.current)["tools"]).toEqual(recorded.tools);
    expect(message.tool_calls).toEqual([]);
    expect(message.additional_kwargs["annotations"]).toHaveLength(2);
  });

  it("accepts tools as a call option too", async () => {
    const message = await modelOn(emulator.current).invoke("What is the weather like in Paris?", { tools: [getWeather] });
    expect(lastChatBody(emulator.current)["tools"]).toEqual([WEATHER_WIRE]);
    expect(message.tool_calls![0]?.args).toEqual({ location: "Paris" });
  });
});

describe("bound tools are converted once, at bind time", () => {
  it("each call sends the list bindTools made, without converting or checking it again", async () => {
    const model = modelOn(emulator.current);
    const bound = model.bindTools([getWeather]);
    const boundTools = (bound.config as { tools: unknown[] }).tools;
    // the very list: a second conversion would have built a new one
    expect(model.invocationParams({ tools: boundTools } as never)["tools"]).toBe(boundTools);
    await bound.invoke("hi");
    expect((lastChatBody(emulator.current)["tools"] as { function: { name: string } }[])[0]!.function.name).toBe("get_weather");
  });
});

describe("tool_choice, strict and parallel_tool_calls on the wire", () => {
  const choices: [string, unknown, unknown][] = [
    ['"auto"', "auto", "auto"],
    ['"none"', "none", "none"],
    ['"required"', "required", "required"],
    ['"any"', "any", "required"],
    ["a tool name", "get_time", { type: "function", function: { name: "get_time" } }],
    ["the wire object", { type: "function", function: { name: "get_time" } }, { type: "function", function: { name: "get_time" } }],
  ];
  it.each(choices)("tool_choice %s", async (_label, choice, wire) => {
    const model = modelOn(emulator.current).bindTools([getWeather, getTime], { tool_choice: choice as never });
    const message = await model.invoke("What is the weather like in Paris?");
    expect(lastChatBody(emulator.current)["tool_choice"]).toEqual(wire);
    if (wire === "none") expect(message.tool_calls).toEqual([]);
    if (typeof wire === "object") expect(message.tool_calls!.map((call) => call.name)).toEqual(["get_time"]);
  });

  it("strict: true sets function.strict on every tool (bindTools option and call option)", async () => {
    await modelOn(emulator.current).bindTools([getWeather, getTime], { strict: true }).invoke("Weather in Paris?");
    const tools = lastChatBody(emulator.current)["tools"] as { function: { strict?: boolean } }[];
    expect(tools.map((wireTool) => wireTool.function.strict)).toEqual([true, true]);
    await modelOn(emulator.current).bindTools([getWeather]).invoke("Weather in Paris?", { strict: true });
    expect((lastChatBody(emulator.current)["tools"] as { function: { strict?: boolean } }[])[0]?.function.strict).toBe(true);
  });

  it("parallel_tool_calls is passed through", async () => {
    await modelOn(emulator.current).bindTools([getWeather], { parallel_tool_calls: false }).invoke("Weather in Paris?");
    expect(lastChatBody(emulator.current)["parallel_tool_calls"]).toBe(false);
  });

  it("bad input fails at bind time, before any request", () => {
    const model = modelOn(emulator.current);
    expect(() => model.bindTools([getWeather], { tool_choice: "get_time" })).toThrow(/bound tools are "get_weather"/);
    expect(() => model.bindTools([getWeather], { tool_choice: 7 as never })).toThrow(/does not understand tool_choice/);
    expect(() => model.bindTools([{ description: "nameless", parameters: { type: "object" } }])).toThrow(/needs a name for tool #1/);
    expect(() => model.bindTools([{ name: "count", schema: z.string() }])).toThrow(/describe an object/);
    expect(() => model.bindTools([getWeather], { strict: "yes" as never })).toThrow(/"strict" must be true or false/);
    expect(emulator.current.requests).toHaveLength(0);
  });
});

describe("tool calls: invoke and stream agree", () => {
  it("one call, streamed as many argument fragments", async () => {
    const model = modelOn(emulator.current).bindTools([getWeather]);
    const invoked = await model.invoke("What is the weather like in San Francisco?");
    const message = await streamed(await model.stream("What is the weather like in San Francisco?"));
    expect(message.tool_calls).toEqual([{ ...invoked.tool_calls![0], id: expect.stringMatching(/^call_/) }]);
    expect(message.tool_call_chunks?.map((chunk) => chunk.name)).toEqual(["get_weather"]);
    expect(message.response_metadata["finish_reason"]).toBe("tool_calls");
  });

  it("parallel calls interleaved by index", async () => {
    const model = modelOn(emulator.current).bindTools([getWeather, getTime]);
    const prompt = "What is the weather in Paris and the time in Tokyo?";
    const invoked = await model.invoke(prompt);
    const message = await streamed(await model.stream(prompt));
    const shape = (calls: { name: string; args: unknown }[]) => calls.map(({ name, args }) => ({ name, args }));
    expect(shape(invoked.tool_calls!)).toEqual([
      { name: "get_weather", args: { location: "Paris" } },
      { name: "get_time", args: { city: "Tokyo" } },
    ]);
    expect(shape(message.tool_calls!)).toEqual(shape(invoked.tool_calls!));
    expect(new Set(message.tool_calls!.map((call) => call.id)).size).toBe(2);
  });

  it("three parallel calls to one tool", async () => {
    const model = modelOn(emulator.current).bindTools([getWeather]);
    const message = await streamed(await model.stream("Weather in Paris, Tokyo and Berlin?"));
    expect(message.tool_calls!.map((call) => call.args)).toEqual([{ location: "Paris" }, { location: "Tokyo" }, { location: "Berlin" }]);
  });
});

describe("recorded tool-call responses, replayed", () => {
  it("response-tool-call-mistral.json", async () => {
    const message = await modelOn(emulator.current, { scenario: "fixture:response-tool-call-mistral.json" }).bindTools([getWeather]).invoke("x");
    expect(message.tool_calls).toEqual([
      { name: "divide", args: { numerator: 123, denominator: 456, on_inf: "infinity" }, id: "3sniiMddS", type: "tool_call" },
    ]);
  });

  it("response-tool-call-without-arguments.json: a call without arguments is {}", async () => {
    const message = await modelOn(emulator.current, { scenario: "fixture:response-tool-call-without-arguments.json" }).invoke("x");
    expect(message.tool_calls).toEqual([
      { name: "find_education_content", args: {}, id: "toolu_vrtx_015QAXScZzRDPttiPoc34AdD", type: "tool_call" },
    ]);
    expect(message.content).toBe("I'll search for education content for you.");
  });

  it("stream-tool-call.sse, written in uneven slices", async () => {
    const message = await streamed(await modelOn(emulator.current, { scenario: "fixture:stream-tool-call.sse" }).stream("x"));
    expect(message.tool_calls).toEqual([{ name: "get_date", args: {}, id: "call_eJmyO5ANyXc20sPeLSuWSngc", type: "tool_call" }]);
    expect(message.invalid_tool_calls).toEqual([]);
  });
});

describe("the round trip and agent loops", () => {
  it("sends tool calls back as the assistant message and answers from the tool results", async () => {
    const model = modelOn(emulator.current).bindTools([getWeather]);
    const question = new HumanMessage("What is the weather like in San Francisco?");
    const call = await model.invoke([question]);
    const result = await getWeather.invoke(call.tool_calls![0]!);
    const answer = await model.invoke([question, call, result]);
    const sent = lastChatBody(emulator.current)["messages"] as unknown[];
    expect(sent[1]).toEqual({
      role: "assistant",
      tool_calls: [{ id: call.tool_calls![0]!.id, type: "function", function: { name: "get_weather", arguments: '{"location":"San Francisco, CA"}' } }],
    });
    expect(sent[2]).toEqual({ role: "tool", tool_call_id: call.tool_calls![0]!.id, content: "Sunny in San Francisco, CA" });
    expect(answer.content).toBe("Based on get_weather: Sunny in San Francisco, CA");
  });

  it("a streamed tool call goes back the same way", async () => {
    const model = modelOn(emulator.current).bindTools([getWeather]);
    const question = new HumanMessage("What is the weather like in Paris?");
    const call = await streamed(await model.stream([question]));
    const answer = await model.invoke([question, call, await getWeather.invoke(call.tool_calls![0]!)]);
    expect(answer.content).toBe("Based on get_weather: Sunny in Paris");
  });

  it("a hand-written loop with two tools runs to a text answer", async () => {
    const tools: Record<string, StructuredToolInterface> = { get_weather: getWeather, get_time: getTime };
    const model = modelOn(emulator.current).bindTools(Object.values(tools));
    const messages: BaseMessage[] = [new HumanMessage("What is the weather in Paris and the time in Tokyo?")];
    for (let turn = 0; turn < 5; turn++) {
      const reply = await model.invoke(messages);
      messages.push(reply);
      if (!reply.tool_calls?.length) break;
      for (const call of reply.tool_calls) messages.push(await tools[call.name]!.invoke(call));
    }
    const last = messages.at(-1) as AIMessage;
    expect(last.content).toBe("Based on get_weather: Sunny in Paris\nBased on get_time: It is 09:30 in Tokyo");
    expect(messages.map((message) => message.type)).toEqual(["human", "ai", "tool", "tool", "ai"]);
  });

  it("createAgent from langchain with two tools completes", async () => {
    const agent = createAgent({ model: modelOn(emulator.current), tools: [getWeather, getTime] });
    const result = await agent.invoke({ messages: [{ role: "user", content: "What is the weather in Paris and the time in Tokyo?" }] });
    const last = result.messages.at(-1)!;
    expect(last.content).toBe("Based on get_weather: Sunny in Paris\nBased on get_time: It is 09:30 in Tokyo");
    expect(emulator.current.chatRequests()).toHaveLength(2);
  });
});

describe("strict tools on Anthropic: the structured-outputs beta header, sent by itself", () => {
  const lastHeaders = () => emulator.current.chatRequests().at(-1)!.headers;

  it("a strict tool to an anthropic/* model sends x-anthropic-beta: structured-outputs-2025-11-13", async () => {
    await modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" }).bindTools([getWeather], { strict: true }).invoke("Weather in Paris?");
    expect(lastHeaders()["x-anthropic-beta"]).toBe("structured-outputs-2025-11-13");
  });

  it("added to the betas the call already names, once", async () => {
    const bound = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" }).bindTools([getWeather], { strict: true });
    await bound.invoke("Weather in Paris?", { headers: { "X-Anthropic-Beta": "interleaved-thinking-2025-05-14" } });
    expect(lastHeaders()["x-anthropic-beta"]).toBe("interleaved-thinking-2025-05-14,structured-outputs-2025-11-13");
    await bound.invoke("Weather in Paris?", { headers: { "x-anthropic-beta": "structured-outputs-2025-11-13" } });
    expect(lastHeaders()["x-anthropic-beta"]).toBe("structured-outputs-2025-11-13");
  });

  it("merged with the model's defaultHeaders betas under their own name, so the header is sent once", async () => {
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5", defaultHeaders: { "X-Anthropic-Beta": "interleaved-thinking-2025-05-14" } });
    await model.bindTools([getWeather], { strict: true }).invoke("Weather in Paris?", { headers: { "x-anthropic-beta": "fine-grained-tool-streaming-2025-05-14" } });
    expect(lastHeaders()["x-anthropic-beta"]).toBe("interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14,structured-outputs-2025-11-13");
  });

  it("a strict json schema to Anthropic sends it too; nothing for other models or without strict", async () => {
    const Weather = z.object({ city: z.string() });
    await modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" }).withStructuredOutput(Weather, { method: "jsonSchema", strict: true }).invoke("Paris");
    expect(lastHeaders()["x-anthropic-beta"]).toBe("structured-outputs-2025-11-13");
    await modelOn(emulator.current, { model: "openai/gpt-4o" }).bindTools([getWeather], { strict: true }).invoke("Weather in Paris?");
    expect(lastHeaders()).not.toHaveProperty("x-anthropic-beta");
    await modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" }).bindTools([getWeather]).invoke("Weather in Paris?");
    expect(lastHeaders()).not.toHaveProperty("x-anthropic-beta");
  });
});
