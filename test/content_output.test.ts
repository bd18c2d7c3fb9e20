// What comes back beyond text: citations, generated images, cost, log probabilities, refusals,
// each readable from contentBlocks and kept raw, the same from invoke and from concat(stream).
import { type AIMessage, type AIMessageChunk, HumanMessage } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import type { ChatOpenRouter, ChatOpenRouterCallOptions, OpenRouter, OpenRouterPlugin } from "../src/index.js";
import { lastChatBody, modelOn, scenarioText, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

async function both(model: ChatOpenRouter, input: string, options: Partial<ChatOpenRouterCallOptions> = {}) {
  const invoked = await model.invoke(input, options);
  const chunks: AIMessageChunk[] = [];
  for await (const chunk of await model.stream(input, options)) chunks.push(chunk);
  return { invoked, chunks, streamed: chunks.reduce((sum, chunk) => concat(sum, chunk)) };
}

/** The parts of a message that must not depend on streaming (ids and timestamps do). */
function content(message: AIMessage | AIMessageChunk) {
  return { content: message.content, additional_kwargs: message.additional_kwargs, blocks: message.contentBlocks };
}

describe("citations", () => {
  const searchTool: OpenRouter.WebSearchTool = {
    type: "openrouter:web_search",
    parameters: { max_results: 3, engine: "exa", search_prompt: "Sources:" },
  };

  it.each<[string, Partial<ChatOpenRouterCallOptions>, string, unknown]>([
    ["the openrouter:web_search server tool", { tools: [searchTool] }, "tools", [searchTool]],
    ["web_search_options", { webSearchOptions: { search_context_size: "high" } }, "web_search_options", { search_context_size: "high" }],
    ["the web plugin (deprecated, accepted)", { plugins: [{ id: "web", max_results: 5 }] }, "plugins", [{ id: "web", max_results: 5 }]],
  ])("via %s: url citations on the text block, raw in additional_kwargs", async (_how, options, field, sent) => {
    const { invoked, streamed } = await both(modelOn(emulator.current), "Who wrote Dune?", options);
    expect(lastChatBody(emulator.current)[field]).toEqual(sent);
    const raw = invoked.additional_kwargs["annotations"] as { url_citation: { url: string; title: string; content: string } }[];
    expect(raw.map((annotation) => annotation.url_citation.url)).toEqual([
      "https://example.com/emulator/search-result-1",
      "https://example.org/emulator/search-result-2",
    ]);
    const text = invoked.contentBlocks.find((block) => block.type === "text");
    expect(text?.["annotations"]).toEqual(
      raw.map(({ url_citation: cited }) => ({
        type: "citation",
        source: "url",
        url: cited.url,
        title: cited.title,
        startIndex: 0,
        endIndex: 0,
        citedText: cited.content,
      }))
    );
    expect(content(streamed)).toEqual(content(invoked));
    const usage = invoked.response_metadata["usage"] as { server_tool_use_details: Record<string, number> };
    expect(usage.server_tool_use_details["web_search_requests"]).toBe(1);
  });
});

describe("image output", () => {
  it("modalities and image_config reach the body; the image is a v1 image block with the data URL whole", async () => {
    const model = modelOn(emulator.current, {
      model: "google/gemini-2.5-flash-image-preview",
      modalities: ["image", "text"],
      imageConfig: { aspect_ratio: "16:9" },
    });
    const { invoked, streamed } = await both(model, "Draw a cat.");
    expect(lastChatBody(emulator.current)).toMatchObject({ modalities: ["image", "text"], image_config: { aspect_ratio: "16:9" } });
    const images = invoked.additional_kwargs["images"] as { image_url: { url: string } }[];
    expect(images).toHaveLength(1);
    expect(images[0]!.image_url.url).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(invoked.contentBlocks).toEqual([
      { type: "text", text: "Hello from the OpenRouter emulator. You said: Draw a cat." },
      { type: "image", url: images[0]!.image_url.url, mimeType: "image/png" },
    ]);
    expect(invoked.usage_metadata?.output_token_details?.image).toBe(258);
    expect(content(streamed)).toEqual(content(invoked));
  });
});

describe("cost and the rest of usage", () => {
  it("usage.cost, is_byok and cost_details are in response_metadata.usage, on exactly one streamed chunk", async () => {
    const { invoked, chunks, streamed } = await both(modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" }), "Tell me a joke.");
    const usage = invoked.response_metadata["usage"] as Record<string, unknown>;
    expect(usage).toMatchObject({ cost: expect.any(Number), is_byok: false, cost_details: { upstream_inference_cost: expect.any(Number) } });
    expect(streamed.response_metadata["usage"]).toEqual(usage);
    expect(chunks.filter((chunk) => chunk.response_metadata["usage"] !== undefined)).toHaveLength(1);
    expect(chunks.filter((chunk) => chunk.usage_metadata !== undefined)).toHaveLength(1);
    // core's concat adds empty input/output_token_details objects; the counts are the same
    expect(streamed.usage_metadata).toMatchObject(invoked.usage_metadata!);
    expect(invoked.response_metadata).toMatchObject({
      model_provider: "openrouter",
      model_name: "anthropic/claude-4.5-sonnet-20250929",
      provider: "Anthropic",
      native_finish_reason: "end_turn",
      finish_reason: "stop",
      id: invoked.id,
    });
  });
});

describe("log probabilities", () => {
  it("logprobs and topLogprobs reach the body; stream and invoke give the same token list", async () => {
    const model = modelOn(emulator.current, { logprobs: true, topLogprobs: 2 });
    const { invoked, streamed } = await both(model, "Write a short poem about the sea.");
    expect(lastChatBody(emulator.current)).toMatchObject({ logprobs: true, top_logprobs: 2 });
    const logprobs = invoked.response_metadata["logprobs"] as { content: { token: string; top_logprobs: unknown[] }[] };
    expect(logprobs.content.map((entry) => entry.token).join("")).toBe(invoked.content);
    expect(logprobs.content[0]!.top_logprobs).toHaveLength(2);
    expect(streamed.response_metadata["logprobs"]).toEqual(logprobs);
  });
});

describe("refusals", () => {
  it("are in additional_kwargs.refusal and a refusal block, invoke and stream", async () => {
    const refusal = "I can't help with that request.";
    const { invoked, streamed } = await both(modelOn(emulator.current, { scenario: scenarioText("refuse", refusal) }), "Help me with this.");
    expect(invoked.additional_kwargs["refusal"]).toBe(refusal);
    expect(invoked.contentBlocks).toEqual([{ type: "refusal", refusal }]);
    expect(content(streamed)).toEqual(content(invoked));
  });
});

describe("outputVersion v1", () => {
  it("puts the same blocks in content, invoke and stream", async () => {
    const options = { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "high" }, plugins: [{ id: "web" }] as OpenRouterPlugin[] };
    const v0 = await modelOn(emulator.current, options).invoke("What is 2 + 2?");
    const v1 = modelOn(emulator.current, { ...options, outputVersion: "v1" });
    const invoked = await v1.invoke("What is 2 + 2?");
    expect(invoked.content).toEqual(v0.contentBlocks);
    expect(invoked.contentBlocks).toEqual(v0.contentBlocks);
    expect(invoked.response_metadata["output_version"]).toBe("v1");
    expect(invoked.additional_kwargs["reasoning_details"]).toEqual(v0.additional_kwargs["reasoning_details"]);
    expect((invoked.content as { type: string }[]).map((block) => block.type)).toEqual(["reasoning", "text"]);
    // every streamed chunk shows its own part in v1 form
    const types = new Set<string>();
    for await (const chunk of await v1.stream("What is 2 + 2?")) {
      for (const block of chunk.content as { type: string }[]) types.add(block.type);
    }
    expect([...types].sort()).toEqual(["reasoning", "text"]);
  });

  it("a v1 answer sent back in the history is sent as the default one is", async () => {
    const options = { model: "openai/gpt-5-mini", reasoning: { effort: "high" }, scenario: "say:4" };
    const v0 = await modelOn(emulator.current, options).invoke("What is 2 + 2?");
    await modelOn(emulator.current, options).invoke([new HumanMessage("What is 2 + 2?"), v0, new HumanMessage("Thanks")]);
    const sentV0 = (lastChatBody(emulator.current)["messages"] as unknown[])[1];
    expect(sentV0).toEqual({ role: "assistant", content: "4", reasoning_details: v0.additional_kwargs["reasoning_details"] });
    const v1 = await modelOn(emulator.current, { ...options, outputVersion: "v1" }).invoke("What is 2 + 2?");
    await modelOn(emulator.current, options).invoke([new HumanMessage("What is 2 + 2?"), v1, new HumanMessage("Thanks")]);
    expect((lastChatBody(emulator.current)["messages"] as unknown[])[1]).toEqual(sentV0);
  });
});

describe("plugins and options reach the body verbatim", () => {
  it.each<OpenRouterPlugin[]>([
    [{ id: "file-parser", pdf: { engine: "cloudflare-ai" } }],
    [{ id: "response-healing" }],
    [{ id: "moderation" }],
    [{ id: "auto-router", allowed_models: ["anthropic/*", "openai/gpt-5*"] }],
    [{ id: "web", max_results: 3, engine: "exa", search_prompt: "Sources:" }],
  ])("%o", async (plugin) => {
    await modelOn(emulator.current, { model: "openrouter/auto", plugins: [plugin] }).invoke("hi");
    expect(lastChatBody(emulator.current)["plugins"]).toEqual([plugin]);
  });
});
