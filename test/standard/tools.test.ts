// Standard integration checks, part 2: tool calling and structured output, through real HTTP to
// the emulator. Its tool calls take their arguments from the prompt (numbers, cities, `e.g.`
// examples), so every expected call below is exact; after tool results it answers
// "Based on <tool>: <result>".
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { awaitAllCallbacks } from "@langchain/core/callbacks/promises";
import { AIMessage, type AIMessageChunk, type BaseMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { lastChatBody, modelOn, useEmulator } from "../helpers/emulator.js";
import {
  AdderTool,
  adderSchema,
  adderSchemaZod3,
  currentTimeTool,
  MATH_A,
  MATH_ADDITION_PROMPT,
  MATH_B,
  PARALLEL_PROMPT,
  weatherTool,
} from "./standard_inputs.js";

const emulator = useEmulator();
const CALL_ID = /^call_[A-Za-z0-9]{24}$/;

function standardModel(fields: Parameters<typeof modelOn>[1] = {}) {
  return modelOn(emulator.current, { model: "openai/gpt-4o", temperature: 0, maxTokens: 100, ...fields });
}

async function streamed(iterable: AsyncIterable<AIMessageChunk>): Promise<AIMessageChunk> {
  let message: AIMessageChunk | undefined;
  for await (const chunk of iterable) message = message ? concat(message, chunk) : chunk;
  if (!message) throw new Error("the stream yielded nothing");
  return message;
}

function sentMessages(): Record<string, unknown>[] {
  return lastChatBody(emulator.current)["messages"] as Record<string, unknown>[];
}

/** An assistant turn that called the adder with id abc123, as the upstream checks build it. */
function adderHistory(content: AIMessage["content"] = ""): BaseMessage[] {
  return [
    new HumanMessage("What is 1 + 2"),
    new AIMessage({ content, tool_calls: [{ name: "AdderTool", args: { a: 1, b: 2 }, id: "abc123", type: "tool_call" }] }),
  ];
}
const ADDER_CALL_ON_WIRE = { id: "abc123", type: "function", function: { name: "AdderTool", arguments: '{"a":1,"b":2}' } };

describe("tool calling", () => {
  it("calls the bound tool once with the prompt's arguments; no tool_choice is sent by default", async () => {
    const result = await standardModel().bindTools([new AdderTool()]).invoke("What is the value of adderTool(1, 2)? Use the tool.");
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.tool_calls).toEqual([{ name: "AdderTool", args: { a: 1, b: 2 }, id: expect.stringMatching(CALL_ID), type: "tool_call" }]);
    expect(lastChatBody(emulator.current)).not.toHaveProperty("tool_choice");
  });

  it.each([
    ["any", "required"],
    ["required", "required"],
    ["auto", "auto"],
    ["AdderTool", { type: "function", function: { name: "AdderTool" } }],
  ] as const)("tool_choice %j is sent as %j and the tool is called", async (choice, wire) => {
    const result = await standardModel().bindTools([new AdderTool()], { tool_choice: choice }).invoke("What is 3 + 4?");
    expect(lastChatBody(emulator.current)["tool_choice"]).toEqual(wire);
    expect(result.tool_calls?.map((call) => [call.name, call.args])).toEqual([["AdderTool", { a: 3, b: 4 }]]);
  });

  it('tool_choice "any" forces a call even when the prompt does not ask for one', async () => {
    const result = await standardModel().bindTools([weatherTool], { tool_choice: "any" }).invoke("Hello");
    expect(result.tool_calls?.map((call) => call.name)).toEqual(["get_current_weather"]);
  });

  it('tool_choice "none" gets text and no call', async () => {
    const result = await standardModel().bindTools([new AdderTool()], { tool_choice: "none" }).invoke("What is 3 + 4?");
    expect(result.tool_calls).toEqual([]);
    expect(result.text).not.toBe("");
  });

  it("streams the same call, reassembled from argument fragments, with usage", async () => {
    const model = standardModel().bindTools([new AdderTool()]);
    const message = await streamed(await MATH_ADDITION_PROMPT.pipe(model).stream({ toolName: "AdderTool" }));
    expect(message.tool_calls).toEqual([{ name: "AdderTool", args: { a: MATH_A, b: MATH_B }, id: expect.stringMatching(CALL_ID), type: "tool_call" }]);
    expect(message.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(message.usage_metadata?.output_tokens).toBeGreaterThan(0);
  });

  it("a Runnable made a tool (asTool) is called by the math-addition prompt", async () => {
    const runnableTool = RunnableLambda.from((input: { a: number; b: number }) => input.a + input.b).asTool({
      name: "math_addition",
      description: "Add two integers",
      schema: adderSchema,
    });
    const result = await MATH_ADDITION_PROMPT.pipe(standardModel().bindTools([runnableTool])).invoke({ toolName: "math_addition" });
    expect(result.tool_calls).toEqual([{ name: "math_addition", args: { a: MATH_A, b: MATH_B }, id: expect.stringMatching(CALL_ID), type: "tool_call" }]);
  });

  it.each([
    ["zod 4", toJsonSchema(adderSchema)],
    ["zod 3", toJsonSchema(adderSchemaZod3)],
  ])("an OpenAI-formatted tool (parameters from %s) is called by the math-addition prompt", async (_kind, parameters) => {
    const openAITool = { type: "function", function: { name: "math_addition", description: "Add two integers", parameters } };
    const result = await MATH_ADDITION_PROMPT.pipe(standardModel().bindTools([openAITool])).invoke({ toolName: "math_addition" });
    expect(result.tool_calls?.map((call) => [call.name, call.args])).toEqual([["math_addition", { a: MATH_A, b: MATH_B }]]);
  });

  it("StructuredToolParams (name, description, zod schema, no function) are called, invoke and stream", async () => {
    const params = { name: "get_current_weather", description: "Get the current weather in a given location", schema: z.object({ location: z.string().describe("The city name, e.g. San Francisco") }) };
    const model = standardModel().bindTools([params]);
    const prompt = "What's the weather like in San Francisco today?";
    const invoked = await model.invoke(prompt);
    const streamedMessage = await streamed(await model.stream(prompt));
    for (const message of [invoked, streamedMessage]) {
      expect(message.tool_calls?.map((call) => [call.name, call.args])).toEqual([["get_current_weather", { location: "San Francisco" }]]);
    }
  });

  it("the math-addition prompt is answered with a tool call, then with text from the tool's result", async () => {
    const adder = new AdderTool();
    const model = standardModel().bindTools([adder]);
    const messages = await MATH_ADDITION_PROMPT.formatMessages({ toolName: "AdderTool" });
    const call = await model.invoke(messages);
    expect(call.tool_calls?.map((toolCall) => toolCall.args)).toEqual([{ a: MATH_A, b: MATH_B }]);
    const result = await adder.invoke(call.tool_calls![0]!);
    const answer = await model.invoke([...messages, call, result]);
    expect(answer.tool_calls).toEqual([]);
    expect(answer.text).toBe(`Based on AdderTool: {"result":${MATH_A + MATH_B}}`);
  });

  it("zero-argument tools: sent with empty properties, called with {} (invoke and stream)", async () => {
    const now = tool(async () => "12:02", { name: "get_current_time_utc", description: "The current UTC time", schema: z.object({}) });
    const model = standardModel().bindTools([now]);
    const invoked = await model.invoke("What time is it?");
    expect((lastChatBody(emulator.current)["tools"] as { function: { parameters: unknown } }[])[0]?.function.parameters).toMatchObject({ type: "object", properties: {} });
    const streamedMessage = await streamed(await model.stream("What time is it?"));
    for (const message of [invoked, streamedMessage]) {
      expect(message.tool_calls?.map((call) => [call.name, call.args])).toEqual([["get_current_time_utc", {}]]);
      expect(message.invalid_tool_calls).toEqual([]);
    }
    expect(await now.invoke(invoked.tool_calls![0]!)).toMatchObject({ content: "12:02" });
  });
});

describe("tool messages in the history", () => {
  it("few-shot examples with tool calls and results: the next question gets its own call", async () => {
    const history = [...adderHistory(), new ToolMessage('{"result":3}', "abc123", "AdderTool"), new AIMessage('{"result":3}'), new HumanMessage("What is 3 + 4")];
    const result = await standardModel().bindTools([new AdderTool()]).invoke(history);
    expect(result.tool_calls?.map((call) => [call.name, call.args])).toEqual([["AdderTool", { a: 3, b: 4 }]]);
    expect(sentMessages()).toEqual([
      { role: "user", content: "What is 1 + 2" },
      { role: "assistant", tool_calls: [ADDER_CALL_ON_WIRE] },
      { role: "tool", tool_call_id: "abc123", content: '{"result":3}' },
      { role: "assistant", content: '{"result":3}' },
      { role: "user", content: "What is 3 + 4" },
    ]);
  });

  it("a tool message with string content is answered from it", async () => {
    const result = await standardModel().bindTools([new AdderTool()]).invoke([...adderHistory(), new ToolMessage('{"result":3}', "abc123", "AdderTool")]);
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.text).toBe('Based on AdderTool: {"result":3}');
  });

  it("list content: an Anthropic-style tool_use block beside tool_calls, and a tool message with array content", async () => {
    const history = [
      ...adderHistory([
        { type: "text", text: "some text" },
        { type: "tool_use", id: "abc123", name: "AdderTool", input: { a: 1, b: 2 } },
      ]),
      new ToolMessage({ content: [{ type: "text", text: '{"result":3}' }], tool_call_id: "abc123", name: "AdderTool" }),
    ];
    const result = await standardModel().bindTools([new AdderTool()]).invoke(history);
    expect(result.text).toBe('Based on AdderTool: {"result":3}');
    // the tool_use block repeats tool_calls, which carry the call: it is not sent twice
    expect(sentMessages().slice(1)).toEqual([
      { role: "assistant", content: "some text", tool_calls: [ADDER_CALL_ON_WIRE] },
      { role: "tool", tool_call_id: "abc123", content: '{"result":3}' },
    ]);
  });

  it.each(["invoke", "stream"] as const)("tool-call ids round-trip: the model's call and its result go back under the same id (%s)", async (mode) => {
    const model = standardModel().bindTools([weatherTool]);
    const messages: BaseMessage[] = [new HumanMessage("What's the weather like in San Francisco right now? Use the 'get_current_weather' tool to find the answer.")];
    const call = mode === "invoke" ? await model.invoke(messages) : await streamed(await model.stream(messages));
    const toolCall = call.tool_calls?.[0];
    expect(toolCall).toMatchObject({ name: "get_current_weather", args: { location: "San Francisco" }, id: expect.stringMatching(CALL_ID) });
    messages.push(call, await weatherTool.invoke(toolCall!));
    const answer = mode === "invoke" ? await model.invoke(messages) : await streamed(await model.stream(messages));
    expect(answer.text).toBe("Based on get_current_weather: The weather in San Francisco is 70 degrees and sunny.");
    const [, assistant, result] = sentMessages() as [unknown, { tool_calls: { id: string }[] }, { tool_call_id: string }];
    expect(assistant.tool_calls[0]?.id).toBe(toolCall!.id);
    expect(result.tool_call_id).toBe(toolCall!.id);
  });

  it("parallel calls (zod 4 and zod 3 tools): invoke, stream, then a history with both results gets text", async () => {
    const model = standardModel().bindTools([weatherTool, currentTimeTool]);
    const invoked = await model.invoke(PARALLEL_PROMPT);
    const streamedMessage = await streamed(await model.stream(PARALLEL_PROMPT));
    for (const message of [invoked, streamedMessage]) {
      expect(message.tool_calls?.map((call) => [call.name, call.args])).toEqual([
        ["get_current_weather", { location: "San Francisco" }],
        ["get_current_time", { location: "San Francisco" }],
      ]);
      expect(new Set(message.tool_calls?.map((call) => call.id)).size).toBe(2);
    }
    const [weatherCall, timeCall] = invoked.tool_calls!;
    const answer = await model.invoke([
      new HumanMessage(PARALLEL_PROMPT),
      invoked,
      new ToolMessage({ name: "get_current_weather", tool_call_id: weatherCall!.id!, content: "It is currently 24 degrees with hail in San Francisco." }),
      new ToolMessage({ name: "get_current_time", tool_call_id: timeCall!.id!, content: "The current time in San Francisco is 12:02 PM." }),
    ]);
    expect(answer.tool_calls).toEqual([]);
    expect(answer.text).toBe(
      "Based on get_current_weather: It is currently 24 degrees with hail in San Francisco.\n" +
        "Based on get_current_time: The current time in San Francisco is 12:02 PM."
    );
  });
});

describe("structured output", () => {
  const schemas = [
    ["zod 4", adderSchema],
    ["zod 3", adderSchemaZod3],
  ] as const;

  describe.each(["jsonSchema", "functionCalling", "jsonMode"] as const)("method %s", (method) => {
    it.each(schemas)("%s schema: the math-addition prompt gives { a, b } as numbers, invoke and stream", async (_kind, schema) => {
      const structured = standardModel().withStructuredOutput(schema as typeof adderSchema, { name: "math_addition", method });
      expect(await MATH_ADDITION_PROMPT.pipe(structured).invoke({ toolName: "math_addition" })).toEqual({ a: MATH_A, b: MATH_B });
      let last: unknown;
      for await (const partial of await MATH_ADDITION_PROMPT.pipe(structured).stream({ toolName: "math_addition" })) last = partial;
      expect(last).toEqual({ a: MATH_A, b: MATH_B });
    });

    it.each(schemas)("%s schema with includeRaw: the raw AIMessage beside the parsed object", async (_kind, schema) => {
      const structured = standardModel().withStructuredOutput(schema as typeof adderSchema, { name: "math_addition", method, includeRaw: true });
      const result = await MATH_ADDITION_PROMPT.pipe(structured).invoke({ toolName: "math_addition" });
      expect(result.raw).toBeInstanceOf(AIMessage);
      expect(result.parsed).toEqual({ a: MATH_A, b: MATH_B });
    });
  });

  it("tracing gets ls_structured_output_format with the method and the schema", async () => {
    const formats: unknown[] = [];
    const handler = BaseCallbackHandler.fromMethods({
      handleChatModelStart(_llm, _messages, _runId, _parentRunId, extra) {
        formats.push((extra as { options?: { ls_structured_output_format?: unknown } } | undefined)?.options?.ls_structured_output_format);
      },
    });
    const structured = standardModel().withStructuredOutput(adderSchema, { name: "math_addition", method: "functionCalling" });
    await MATH_ADDITION_PROMPT.pipe(structured).invoke({ toolName: "math_addition" }, { callbacks: [handler] });
    await awaitAllCallbacks();
    expect(formats).toEqual([{ kwargs: { method: "functionCalling" }, schema: expect.objectContaining({ type: "object", properties: expect.objectContaining({ a: expect.anything(), b: expect.anything() }) }) }]);
  });

  it.each([
    ["zod 4", z.object({ title: z.string(), year: z.number(), tagline: z.string().optional().describe("A short tagline, e.g. Your mind is the scene of the crime") })],
    ["zod 3", z3.object({ title: z3.string(), year: z3.number(), tagline: z3.string().optional().describe("A short tagline, e.g. Your mind is the scene of the crime") })],
  ])("optional params (%s): not required on the wire, and the answer validates", async (_kind, schema) => {
    const structured = standardModel({ model: "openai/gpt-4.1" }).withStructuredOutput(schema as z.ZodObject, { name: "movie", method: "jsonSchema" });
    const result = await structured.invoke("Give me a movie from 2010, with its tagline.");
    const sent = (lastChatBody(emulator.current)["response_format"] as { json_schema: { schema: { required: string[] } } }).json_schema.schema;
    expect(sent.required).toEqual(["title", "year"]);
    expect(result).toEqual({ title: "example", year: 2010, tagline: "Your mind is the scene of the crime" });
  });

  it("a more complex schema (enum, nested object, a record of unknown values) as a named tool", async () => {
    const complexSchema = z.object({
      decision: z.enum(["UseAPI", "UseFallback"]),
      explanation: z.string(),
      apiDetails: z.object({
        serviceName: z.string(),
        endpointName: z.string(),
        parameters: z.record(z.string(), z.unknown()),
        extractionPath: z.string(),
      }),
    });
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You're a helpful assistant. Always use the {toolName} tool."],
      ["human", "I want to use the UseAPI because it's faster. Service name: {serviceName}"],
    ]);
    const structured = standardModel().withStructuredOutput(complexSchema, { name: "service_tool", method: "functionCalling" });
    const result = await prompt.pipe(structured).invoke({ toolName: "service_tool", serviceName: "MyService" });
    expect(result.decision).toBe("UseAPI");
    expect(typeof result.explanation).toBe("string");
    expect(result.apiDetails).toMatchObject({ serviceName: expect.any(String), parameters: {} });
    expect(lastChatBody(emulator.current)["tool_choice"]).toEqual({ type: "function", function: { name: "service_tool" } });
  });
});
