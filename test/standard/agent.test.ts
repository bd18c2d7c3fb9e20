// A full createAgent (package `langchain` v1) run against the emulator: two tools, then a
// structured response, by each strategy LangChain has (its automatic choice, a tool, the provider's
// response format), invoked and streamed.
import { AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createAgent, providerStrategy, toolStrategy } from "langchain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { modelOn, useEmulator } from "../helpers/emulator.js";

const emulator = useEmulator();

const getWeather = tool(async ({ location }) => `Sunny in ${location}`, {
  name: "get_weather",
  description: "Get the current weather in a given location",
  schema: z.object({ location: z.string().describe("The city, e.g. Paris") }),
});
const getTime = tool(async ({ city }) => `It is 09:30 in ${city}`, {
  name: "get_time",
  description: "Get the current local time in a city",
  schema: z3.object({ city: z3.string().describe("The city, e.g. Tokyo") }),
});

const Report = z.object({ weather: z.string().describe("The weather found"), time: z.string().describe("The local time found") });
const ReportZod3 = z3.object({ weather: z3.string().describe("The weather found"), time: z3.string().describe("The local time found") });
const QUESTION = { messages: [{ role: "user", content: "What is the weather in Paris and the time in Tokyo?" }] };
const REPORT = { weather: "Sunny in Paris", time: "It is 09:30 in Tokyo" };

type Body = { stream?: boolean; tools?: { function: { name: string } }[]; tool_choice?: unknown; response_format?: { type: string } };
const bodies = (): Body[] => emulator.current.chatRequests().map((request) => request.body as Body);

const strategies = [
  ["LangChain's automatic choice (zod 4 schema)", () => Report],
  ["toolStrategy (zod 3 schema)", () => toolStrategy(ReportZod3)],
  ["providerStrategy (zod 4 schema)", () => providerStrategy(Report)],
] as const;

describe("createAgent with two tools and a structured response", () => {
  it.each(strategies)("%s: invoke runs both tools, then answers with the report", async (label, responseFormat) => {
    const agent = createAgent({ model: modelOn(emulator.current, { model: "openai/gpt-4o" }), tools: [getWeather, getTime], responseFormat: responseFormat() as typeof Report });
    const result = await agent.invoke(QUESTION);
    expect(result.structuredResponse).toEqual(REPORT);
    const results = result.messages
      .filter((message: BaseMessage) => message.type === "tool" && ["get_weather", "get_time"].includes(message.name ?? ""))
      .map((message: BaseMessage) => message.content);
    expect(results).toEqual(["Sunny in Paris", "It is 09:30 in Tokyo"]);
    const sent = bodies();
    expect(sent).toHaveLength(2);
    if (label.startsWith("toolStrategy")) {
      // the report is a third tool the model must call once the others answered
      expect(sent.map((body) => [body.tool_choice, body.tools?.length])).toEqual([
        ["required", 3],
        ["required", 3],
      ]);
    }
    if (label.startsWith("providerStrategy")) {
      expect(sent.map((body) => body.response_format?.type)).toEqual(["json_schema", "json_schema"]);
    }
  });

  it.each(strategies)("%s: streamed, the model's tokens arrive as AIMessageChunks and the last state has the report", async (_label, responseFormat) => {
    const agent = createAgent({ model: modelOn(emulator.current, { model: "openai/gpt-4o" }), tools: [getWeather, getTime], responseFormat: responseFormat() as typeof Report });
    const tokens: AIMessageChunk[] = [];
    let last: { structuredResponse?: unknown; messages?: BaseMessage[] } | undefined;
    for await (const [mode, chunk] of await agent.stream(QUESTION, { streamMode: ["messages", "values"] })) {
      if (mode === "messages") {
        const [message] = chunk as [unknown, unknown];
        if (message instanceof AIMessageChunk) tokens.push(message);
      } else {
        last = chunk as typeof last;
      }
    }
    expect(last?.structuredResponse).toEqual(REPORT);
    // the agent's model calls went out as streams, and their pieces reached the caller
    expect(bodies().map((body) => body.stream)).toEqual([true, true]);
    expect(tokens.length).toBeGreaterThan(4);
    expect(tokens.some((token) => (token.tool_call_chunks?.length ?? 0) > 0)).toBe(true);
  });
});

describe("createAgent without a structured response", () => {
  it("streams the final text answer token by token", async () => {
    const agent = createAgent({ model: modelOn(emulator.current), tools: [getWeather, getTime] });
    const text: string[] = [];
    for await (const [message] of await agent.stream(QUESTION, { streamMode: "messages" })) {
      // the tools node's ToolMessages come through this mode too; the model's pieces are AIMessageChunks
      if (message instanceof AIMessageChunk) text.push(message.text);
    }
    expect(text.filter((piece) => piece !== "").length).toBeGreaterThan(3);
    expect(text.join("")).toBe("Based on get_weather: Sunny in Paris\nBased on get_time: It is 09:30 in Tokyo");
  });
});
