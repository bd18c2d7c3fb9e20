// Reasoning goes back to OpenRouter exactly as it came, turn after turn and through tool loops:
// Anthropic signatures, Gemini thought signatures and OpenAI encrypted reasoning all depend on it.
import { AIMessage, type AIMessageChunk, type BaseMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import type { ChatOpenRouter, OpenRouterTool } from "../src/index.js";
import { lastChatBody, modelOn, scenarioText, useEmulator } from "./helpers/emulator.js";
import { fixtureJson } from "./helpers/fixtures.js";

const emulator = useEmulator();

const FLAVOURS = [
  { name: "Anthropic text + signature", model: "anthropic/claude-sonnet-4.5", types: ["reasoning.text"] },
  { name: "OpenAI summary + encrypted", model: "openai/gpt-5-mini", types: ["reasoning.summary", "reasoning.encrypted"] },
  { name: "Gemini signature only", model: "google/gemini-2.5-flash", types: ["reasoning.text"] },
];

const WEATHER: OpenRouterTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather in a given location",
    parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  },
};

async function streamed(model: ChatOpenRouter, input: BaseMessage[] | string, options = {}): Promise<AIMessageChunk> {
  let full: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(input, options)) full = full ? concat(full, chunk) : chunk;
  return full!;
}

function assistantSent(index: number): Record<string, unknown> {
  return (lastChatBody(emulator.current)["messages"] as Record<string, unknown>[])[index]!;
}

describe.each(FLAVOURS)("$name", ({ model: slug, types }) => {
  const reasoning = { effort: "high" } as const;

  it("invoke and concat(stream) give the same reasoning_details", async () => {
    const model = modelOn(emulator.current, { model: slug, reasoning });
    const invoked = await model.invoke("What is 2 + 2?");
    const full = await streamed(model, "What is 2 + 2?");
    const details = invoked.additional_kwargs["reasoning_details"] as { type: string }[];
    expect(details.map((detail) => detail.type)).toEqual(types);
    expect(full.additional_kwargs["reasoning_details"]).toEqual(details);
    expect(full.additional_kwargs["reasoning"]).toEqual(invoked.additional_kwargs["reasoning"]);
    expect(full.usage_metadata?.output_token_details?.reasoning).toBe(invoked.usage_metadata?.output_token_details?.reasoning);
    expect(invoked.usage_metadata?.output_token_details?.reasoning).toBeGreaterThan(0);
  });

  it.each(["invoke", "stream"])("two turns (%s): the assistant turn goes back with its reasoning_details, not in content", async (mode) => {
    const model = modelOn(emulator.current, { model: slug, reasoning, scenario: "say:4" });
    const question = new HumanMessage("What is 2 + 2?");
    const first = mode === "invoke" ? await model.invoke([question]) : await streamed(model, [question]);
    await model.invoke([question, first, new HumanMessage("And 3 + 3?")]);
    expect(assistantSent(1)).toEqual({
      role: "assistant",
      content: "4",
      reasoning_details: first.additional_kwargs["reasoning_details"],
    });
  });

  it.each(["invoke", "stream"])("tool loop (%s): reasoning_details ride with the tool calls", async (mode) => {
    const model = modelOn(emulator.current, { model: slug, reasoning });
    const options = { tools: [WEATHER] };
    const question = new HumanMessage("What is the weather in Paris?");
    const first = mode === "invoke" ? await model.invoke([question], options) : await streamed(model, [question], options);
    expect(first.tool_calls).toHaveLength(1);
    const call = first.tool_calls![0]!;
    const result = new ToolMessage({ content: "18°C and sunny", tool_call_id: call.id! });
    const answer = await model.invoke([question, first, result], options);
    expect(assistantSent(1)).toEqual({
      role: "assistant",
      tool_calls: [{ id: call.id, type: "function", function: { name: "get_weather", arguments: JSON.stringify(call.args) } }],
      reasoning_details: first.additional_kwargs["reasoning_details"],
    });
    expect(answer.content).toBe("Based on get_weather: 18°C and sunny");
    // the next turn of the loop echoes the second answer's reasoning too
    await model.invoke([question, first, result, answer, new HumanMessage("Thanks!")], options);
    expect(assistantSent(3)).toEqual({ role: "assistant", content: answer.content, reasoning_details: answer.additional_kwargs["reasoning_details"] });
  });
});

describe("recorded reasoning goes back byte for byte", () => {
  it.each([
    "response-reasoning-anthropic-text-with-signature.json",
    "response-reasoning-gemini-signature-only.json",
    "response-reasoning-openai-summary-and-encrypted.json",
    "response-reasoning-text-format-unknown.json",
    "response-file-parser-annotations.json",
  ])("%s", async (name) => {
    const recorded = fixtureJson<{ choices: { message: { reasoning_details: unknown[] } }[] }>(name).choices[0]!.message.reasoning_details;
    const question = new HumanMessage("hi");
    const first = await modelOn(emulator.current, { scenario: `fixture:${name}` }).invoke([question]);
    await modelOn(emulator.current).invoke([question, first, new HumanMessage("go on")]);
    const raw = emulator.current.chatRequests().at(-1)!.rawBody;
    expect(raw).toContain(`"reasoning_details":${JSON.stringify(recorded)}`);
  });

  it("plain-text details (Kimi, format unknown) go back with their reasoning text; signed or encrypted ones without it", async () => {
    const question = new HumanMessage("hi");
    const sentAfter = async (name: string) => {
      const first = await modelOn(emulator.current, { scenario: `fixture:${name}` }).invoke([question]);
      await modelOn(emulator.current).invoke([question, first, new HumanMessage("go on")]);
      return { first, sent: assistantSent(1) as Record<string, unknown> };
    };
    const kimi = await sentAfter("response-reasoning-text-format-unknown.json");
    expect(kimi.sent["reasoning"]).toBe(kimi.first.additional_kwargs["reasoning"]);
    expect(kimi.sent["reasoning_details"]).toBeDefined();
    for (const signed of ["response-reasoning-anthropic-text-with-signature.json", "response-reasoning-gemini-signature-only.json", "response-reasoning-openai-summary-and-encrypted.json"]) {
      expect((await sentAfter(signed)).sent).not.toHaveProperty("reasoning");
    }
  });

  it("an assistant message built by hand (e.g. loaded from storage) is echoed as given", async () => {
    const details = [{ type: "reasoning.encrypted", data: "gAAAAB", id: "rs_1", format: "openai-responses-v1", index: 0 }];
    const history = [new HumanMessage("hi"), new AIMessage({ content: "Hello!", additional_kwargs: { reasoning_details: details } }), new HumanMessage("bye")];
    await modelOn(emulator.current).invoke(history);
    expect(assistantSent(1)).toEqual({ role: "assistant", content: "Hello!", reasoning_details: details });
  });
});

describe("reasoning options", () => {
  it("per call overrides the constructor, and reaches the body verbatim", async () => {
    const model = modelOn(emulator.current, { model: "openai/gpt-5-mini", reasoning: { effort: "low" } });
    await model.invoke("hi", { reasoning: { effort: "xhigh", summary: "detailed", exclude: false } });
    expect(lastChatBody(emulator.current)["reasoning"]).toEqual({ effort: "xhigh", summary: "detailed", exclude: false });
    await model.invoke("hi", { reasoning: { max_tokens: 2048 } });
    expect(lastChatBody(emulator.current)["reasoning"]).toEqual({ max_tokens: 2048 });
  });

  it("effort none turns reasoning off; exclude hides it", async () => {
    const none = await modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "none" } }).invoke("hi");
    expect(none.additional_kwargs["reasoning_details"]).toBeUndefined();
    expect(none.contentBlocks.map((block) => block.type)).toEqual(["text"]);
    const excluded = await modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "high", exclude: true } }).invoke("hi");
    expect(excluded.additional_kwargs["reasoning"]).toBeUndefined();
  });

  it("the legacy include_reasoning is accepted", async () => {
    const thought = "This is a simple arithmetic question. 2+2 equals 4.";
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5", includeReasoning: true, scenario: scenarioText("think", thought) });
    const message = await model.invoke("What is 2 + 2?");
    expect(lastChatBody(emulator.current)["include_reasoning"]).toBe(true);
    expect(message.contentBlocks[0]).toEqual({ type: "reasoning", reasoning: thought });
  });

  it("a malformed reasoning option fails before any request", () => {
    expect(() => modelOn(emulator.current, { reasoning: { effort: 3 } as never })).toThrowError(
      /option "reasoning" must be an object whose effort is a string/
    );
    expect(emulator.current.chatRequests()).toHaveLength(0);
  });
});
