// OpenRouter's server tools through bindTools: typed builders, sent as given beside function tools,
// what they did surfaced as v1 server_tool_call / server_tool_call_result blocks (raw detail kept)
// on invoke, stream and streamEvents, citations for web search, and usage's server_tool_use_details.
import { type AIMessage, type AIMessageChunk, HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { serverTools } from "../src/index.js";
import { lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

const weather = tool(async ({ city }) => `Sunny in ${city}`, {
  name: "get_weather",
  description: "Get the current weather in a city",
  schema: z.object({ city: z.string() }),
});

interface Block {
  type: string;
  [key: string]: unknown;
}

const serverBlocks = (blocks: readonly Block[]) => blocks.filter((block) => block.type.startsWith("server_tool_call"));

describe("server tools", () => {
  it("each builder makes OpenRouter's wire object, parameters only when given", () => {
    expect(serverTools.webSearch({ max_results: 3, engine: "exa" })).toEqual({ type: "openrouter:web_search", parameters: { max_results: 3, engine: "exa" } });
    expect(serverTools.webFetch({ max_content_tokens: 5000 })).toEqual({ type: "openrouter:web_fetch", parameters: { max_content_tokens: 5000 } });
    expect(serverTools.datetime()).toEqual({ type: "openrouter:datetime" });
    expect(serverTools.imageGeneration({ model: "openai/gpt-5-image", aspect_ratio: "16:9" })).toEqual({
      type: "openrouter:image_generation",
      parameters: { model: "openai/gpt-5-image", aspect_ratio: "16:9" },
    });
    expect(serverTools.advisor({ model: "~anthropic/claude-opus-latest", name: "reviewer" }).type).toBe("openrouter:advisor");
    expect(serverTools.fusion({ analysis_models: ["~openai/gpt-latest"] }).type).toBe("openrouter:fusion");
    expect(serverTools.subagent().type).toBe("openrouter:subagent");
    expect(serverTools.searchModels().type).toBe("openrouter:experimental__search_models");
  });

  it("bindTools sends server tools as given, beside function tools, and tool_choice may force one", async () => {
    const model = modelOn(emulator.current).bindTools([weather, serverTools.datetime({ timezone: "Europe/Paris" })], {
      tool_choice: "openrouter:datetime",
    });
    await model.invoke("What time is it?");
    const body = lastChatBody(emulator.current);
    expect(body["tools"]).toEqual([
      expect.objectContaining({ type: "function", function: expect.objectContaining({ name: "get_weather" }) }),
      { type: "openrouter:datetime", parameters: { timezone: "Europe/Paris" } },
    ]);
    expect(body["tool_choice"]).toEqual({ type: "openrouter:datetime" });
  });

  it("invoke: the tool OpenRouter ran is a server_tool_call and its server_tool_call_result, the raw detail kept", async () => {
    const model = modelOn(emulator.current).bindTools([serverTools.datetime({ timezone: "Europe/Paris" })]);
    const message = (await model.invoke("What day is it?")) as AIMessage;
    expect(message.text).toMatch(/^It is \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Europe\/Paris\)\.$/);
    expect(message.tool_calls).toEqual([]);
    const [call, result] = serverBlocks(message.contentBlocks as Block[]);
    expect(call).toEqual({ type: "server_tool_call", id: expect.stringMatching(/^srvtool_/), name: "openrouter:datetime", args: {} });
    expect(result).toEqual({
      type: "server_tool_call_result",
      toolCallId: call!["id"],
      status: "success",
      output: { datetime: expect.any(String), timezone: "Europe/Paris" },
    });
    const details = message.additional_kwargs["reasoning_details"] as Record<string, unknown>[];
    expect(details[0]).toMatchObject({ type: "reasoning.server_tool_call", tool_name: "openrouter:datetime", tool_call_id: call!["id"] });
    expect(typeof details[0]!["result"]).toBe("string");
    expect(message.response_metadata["usage"]).toMatchObject({ server_tool_use_details: { tool_calls_requested: 1, tool_calls_executed: 1 } });
  });

  it("stream and streamEvents give the same server-tool blocks as invoke", async () => {
    const model = modelOn(emulator.current).bindTools([serverTools.webFetch()]);
    const prompt = "Summarise https://example.com/article please";
    const invoked = (await model.invoke(prompt)) as AIMessage;
    let streamed: AIMessageChunk | undefined;
    for await (const chunk of await model.stream(prompt)) streamed = streamed === undefined ? chunk : concat(streamed, chunk);
    const expected = serverBlocks(invoked.contentBlocks as Block[]);
    expect(expected.map((block) => block.type)).toEqual(["server_tool_call", "server_tool_call_result"]);
    expect(expected[0]).toMatchObject({ name: "openrouter:web_fetch", args: { url: "https://example.com/article" } });
    expect(serverBlocks(streamed!.contentBlocks as Block[])).toEqual(expected);

    const events = (model.streamEvents as unknown as (input: unknown) => AsyncIterable<{ event: string; index?: number; content?: Block }> & PromiseLike<AIMessage>)(
      prompt
    );
    const finished: Block[] = [];
    for await (const event of events) if (event.event === "content-block-finish" && event.content) finished.push(event.content);
    expect(serverBlocks(finished)).toEqual(expected);
    // the call comes before the text, as it ran before the model answered
    const order = finished.map((block) => block.type);
    expect(order.indexOf("server_tool_call")).toBeLessThan(order.indexOf("text"));
  });

  it("the detail goes back on the next turn byte-exact, so OpenRouter can replay the call", async () => {
    const model = modelOn(emulator.current).bindTools([serverTools.datetime()]);
    const first = (await model.invoke("What day is it?")) as AIMessage;
    await model.invoke([new HumanMessage("What day is it?"), first, new HumanMessage("And tomorrow?")]);
    const sent = (lastChatBody(emulator.current)["messages"] as Record<string, unknown>[])[1]!;
    expect(sent["reasoning_details"]).toEqual(first.additional_kwargs["reasoning_details"]);
    expect(sent).not.toHaveProperty("reasoning");
  });

  it("web search: url citations on the text, and the search counted in usage", async () => {
    const model = modelOn(emulator.current).bindTools([serverTools.webSearch({ max_results: 2 })]);
    const message = (await model.invoke("Latest LangChain release?")) as AIMessage;
    const text = (message.contentBlocks as Block[]).find((block) => block.type === "text")!;
    expect(text["annotations"]).toEqual([
      expect.objectContaining({ type: "citation", source: "url", url: "https://example.com/emulator/search-result-1" }),
      expect.objectContaining({ type: "citation", url: "https://example.org/emulator/search-result-2" }),
    ]);
    expect(message.response_metadata["usage"]).toMatchObject({ server_tool_use_details: { web_search_requests: 1 } });
  });
});
