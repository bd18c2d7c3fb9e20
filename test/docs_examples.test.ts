// Every example of the docs page's chat, streaming, usage, routing, plugins, attribution and
// image-input sections, with its code unchanged. Only the environment differs: OPENROUTER_API_KEY
// and OPENROUTER_BASE_URL point the examples at the emulator.
import { ChatOpenRouter } from "../src/index.js";
import { HumanMessage } from "@langchain/core/messages";
import { AIMessageChunk } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CANARY_API_KEY, lastChatBody, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();
let printed: unknown[][] = [];
let written = "";

beforeAll(() => {
  process.env["OPENROUTER_API_KEY"] = CANARY_API_KEY;
  process.env["OPENROUTER_BASE_URL"] = emulator.current.baseURL;
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args));
  vi.spyOn(process.stdout, "write").mockImplementation((text: string | Uint8Array) => {
    written += String(text);
    return true;
  });
});
afterAll(() => {
  vi.restoreAllMocks();
  delete process.env["OPENROUTER_API_KEY"];
  delete process.env["OPENROUTER_BASE_URL"];
});
const reset = () => {
  printed = [];
  written = "";
};

describe("docs page examples", () => {
  it("Instantiation + Invocation prints J'adore la programmation.", async () => {
    reset();
    const model = new ChatOpenRouter({
      model: "anthropic/claude-sonnet-4.5",
      temperature: 0,
      maxTokens: 1024,
      // other params...
    });

    const aiMsg = await model.invoke([
      {
        role: "system",
        content:
          "You are a helpful assistant that translates English to French. Translate the user sentence.",
      },
      {
        role: "user",
        content: "I love programming.",
      },
    ]);
    console.log(aiMsg.content);

    expect(printed).toEqual([["J'adore la programmation."]]);
    expect(lastChatBody(emulator.current)).toMatchObject({ model: "anthropic/claude-sonnet-4.5", temperature: 0, max_tokens: 1024 });
  });

  it("Streaming writes the poem as it streams", async () => {
    reset();
    const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", temperature: 0, maxTokens: 1024 });
    const stream = await model.stream("Write a short poem about the sea.");
    for await (const chunk of stream) {
      process.stdout.write(typeof chunk.content === "string" ? chunk.content : "");
    }
    expect(written.split("\n")).toHaveLength(4);
    expect(written).toMatch(/^The sea/);
  });

  it("Token usage metadata prints { input_tokens: 12, output_tokens: 25, total_tokens: 37 }, invoke and stream", async () => {
    reset();
    const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", temperature: 0, maxTokens: 1024 });
    {
      const aiMsg = await model.invoke("Tell me a joke.");
      console.log(aiMsg.usage_metadata);
    }
    const stream = await model.stream("Tell me a joke.");
    let finalMsg: AIMessageChunk | undefined;
    for await (const chunk of stream) {
      finalMsg = finalMsg ? concat(finalMsg, chunk) : chunk;
    }
    console.log(finalMsg?.usage_metadata);

    expect(printed[0]).toEqual([{ input_tokens: 12, output_tokens: 25, total_tokens: 37 }]);
    expect(printed[1]![0]).toMatchObject({ input_tokens: 12, output_tokens: 25, total_tokens: 37 });
  });

  it("Image input sends the image_url part as written", async () => {
    const model = new ChatOpenRouter({ model: "openai/gpt-4o" });

    const message = new HumanMessage({
      content: [
        { type: "text", text: "Describe this image." },
        {
          type: "image_url",
          image_url: {
            url: "https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/2560px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg",
          },
        },
      ],
    });
    const response = await model.invoke([message]);

    expect(typeof response.content).toBe("string");
    expect(lastChatBody(emulator.current)["messages"]).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Describe this image." },
          {
            type: "image_url",
            image_url: {
              url: "https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/2560px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg",
            },
          },
        ],
      },
    ]);
  });

  it("Provider routing, multi-model routing, plugins and attribution reach the request verbatim", async () => {
    const examples: [ChatOpenRouter, Record<string, unknown>][] = [];
    {
      const model = new ChatOpenRouter({
        model: "anthropic/claude-sonnet-4.5",
        provider: {
          order: ["Anthropic", "Google"],
          allow_fallbacks: true,
        },
      });
      examples.push([model, { provider: { order: ["Anthropic", "Google"], allow_fallbacks: true } }]);
    }
    {
      const onlyModel = new ChatOpenRouter({
        model: "openai/gpt-4o",
        provider: { only: ["OpenAI", "Azure"] },
      });

      const ignoreModel = new ChatOpenRouter({
        model: "meta-llama/llama-4-maverick",
        provider: { ignore: ["DeepInfra"] },
      });
      examples.push([onlyModel, { provider: { only: ["OpenAI", "Azure"] } }]);
      examples.push([ignoreModel, { provider: { ignore: ["DeepInfra"] } }]);
    }
    {
      const fastModel = new ChatOpenRouter({
        model: "openai/gpt-4o",
        provider: { sort: "throughput" },
      });

      const lowLatencyModel = new ChatOpenRouter({
        model: "openai/gpt-4o",
        provider: { sort: "latency" },
      });
      examples.push([fastModel, { provider: { sort: "throughput" } }]);
      examples.push([lowLatencyModel, { provider: { sort: "latency" } }]);
    }
    {
      const model = new ChatOpenRouter({
        model: "anthropic/claude-sonnet-4.5",
        provider: { data_collection: "deny" },
      });
      examples.push([model, { provider: { data_collection: "deny" } }]);
    }
    {
      const model = new ChatOpenRouter({
        model: "meta-llama/llama-4-maverick",
        provider: { quantizations: ["fp16", "bf16"] },
      });
      examples.push([model, { provider: { quantizations: ["fp16", "bf16"] } }]);
    }
    {
      const model = new ChatOpenRouter({
        model: "openai/gpt-4o",
        provider: {
          order: ["OpenAI", "Azure"],
          allow_fallbacks: false,
          require_parameters: true,
          data_collection: "deny",
        },
      });
      examples.push([
        model,
        { provider: { order: ["OpenAI", "Azure"], allow_fallbacks: false, require_parameters: true, data_collection: "deny" } },
      ]);
    }
    {
      const model = new ChatOpenRouter({
        model: "openai/gpt-4o",
        models: ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"],
        route: "fallback",
      });
      examples.push([model, { models: ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"], route: "fallback" }]);
    }
    {
      const model = new ChatOpenRouter({
        model: "openai/gpt-4o",
        plugins: [
          { id: "web", max_results: 5 },
        ],
      });
      examples.push([model, { plugins: [{ id: "web", max_results: 5 }] }]);
    }
    for (const [model, expected] of examples) {
      const answer = await model.invoke("What is 2 + 2?");
      expect(answer.content).toBe("4");
      expect(lastChatBody(emulator.current)).toMatchObject(expected);
    }

    const model = new ChatOpenRouter({
      model: "anthropic/claude-sonnet-4.5",
      siteUrl: "https://myapp.com",
      siteName: "My App",
    });
    await model.invoke("hi");
    expect(emulator.current.lastRequest()!.headers).toMatchObject({
      "http-referer": "https://myapp.com",
      "x-openrouter-title": "My App",
    });
  });
});
