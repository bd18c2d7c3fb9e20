import { HumanMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { ChatOpenRouter } from "../src/index.js";
import { CANARY_API_KEY, lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";
import { fixtureJson } from "./helpers/fixtures.js";

const emulator = useEmulator();

describe("invoke", () => {
  it("answers with content, the generation id, usage and the served model and provider", async () => {
    const model = modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5" });
    const message = await model.invoke("I love programming.");
    expect(message.content).toBe("Hello from the OpenRouter emulator. You said: I love programming.");
    expect(message.id).toMatch(/^gen-/);
    expect(message.usage_metadata).toEqual({
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    });
    expect(message.response_metadata).toMatchObject({
      model_provider: "openrouter",
      model_name: "anthropic/claude-4.5-sonnet-20250929",
      provider: "Anthropic",
      finish_reason: "stop",
      native_finish_reason: "end_turn",
      id: message.id,
      usage: { cost: expect.any(Number), is_byok: false, cost_details: expect.any(Object) },
    });
  });

  it("maps every field of response-plain-anthropic-via-bedrock.json", async () => {
    const model = modelOn(emulator.current, { scenario: "fixture:response-plain-anthropic-via-bedrock.json" });
    const message = await model.invoke("hi");
    const recorded = fixtureJson("response-plain-anthropic-via-bedrock.json") as Record<string, unknown>;
    expect(message.content).toBe("Hello! How can I help you today?");
    expect(message.id).toBe("gen-1779760224-sMJGzTLJPgeLJ7PAeyJ7");
    expect(message.usage_metadata).toEqual({ input_tokens: 550, output_tokens: 12, total_tokens: 562 });
    expect(message.response_metadata).toEqual({
      model_provider: "openrouter",
      model_name: "anthropic/claude-4.5-sonnet-20250929",
      model: "anthropic/claude-4.5-sonnet-20250929",
      provider: "Amazon Bedrock",
      id: "gen-1779760224-sMJGzTLJPgeLJ7PAeyJ7",
      created: 1779760224,
      finish_reason: "stop",
      native_finish_reason: "end_turn",
      usage: recorded["usage"],
    });
  });

  it("parses a body that starts with keep-alive whitespace (response-json-schema-leading-whitespace.raw.json)", async () => {
    const model = modelOn(emulator.current, { scenario: "fixture:response-json-schema-leading-whitespace.raw.json" });
    const message = await model.invoke("hi");
    expect(JSON.parse(message.content as string)).toEqual(expect.any(Object));
    expect(message.response_metadata["usage"]).toMatchObject({ cost: expect.any(Number) });
  });

  it("reports cache reads, cache writes and reasoning tokens in usage_metadata", async () => {
    const model = modelOn(emulator.current, { scenario: "fixture:response-reasoning-openai-summary-and-encrypted.json" });
    const message = await model.invoke("hi");
    expect(message.usage_metadata?.output_token_details?.reasoning).toBeGreaterThan(0);
  });

  it("sends system, user, assistant and tool messages with names, and omits unset options", async () => {
    const model = modelOn(emulator.current);
    await model.invoke([
      { role: "system", content: "Be brief." },
      new HumanMessage({ content: [{ type: "text", text: "Hi" }], name: "alice" }),
      { role: "assistant", content: "", tool_calls: [{ id: "call_1", name: "get_date", args: {} }] },
      { role: "tool", content: "2024-01-01", tool_call_id: "call_1" },
    ]);
    expect(lastChatBody(emulator.current)).toEqual({
      model: "openai/gpt-4o-mini",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "Hi" }], name: "alice" },
        { role: "assistant", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_date", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "call_1", content: "2024-01-01" },
      ],
    });
  });

  it("sends Authorization and attribution headers: LangChain's unless the app names itself", async () => {
    await modelOn(emulator.current).invoke("hi");
    const plain = emulator.current.lastRequest()!.headers;
    expect(plain["authorization"]).toBe(`Bearer ${CANARY_API_KEY}`);
    expect(plain["content-type"]).toBe("application/json");
    expect(plain["http-referer"]).toBe("https://docs.langchain.com");
    expect(plain["x-openrouter-title"]).toBe("LangChain");
    expect(plain["x-title"]).toBe("LangChain");
    expect(plain["x-openrouter-categories"]).toBeUndefined();

    await modelOn(emulator.current, { siteUrl: "https://myapp.com", siteName: "My App", defaultHeaders: { "x-extra": "1" } }).invoke("hi");
    const attributed = emulator.current.lastRequest()!.headers;
    expect(attributed["http-referer"]).toBe("https://myapp.com");
    expect(attributed["x-openrouter-title"]).toBe("My App");
    expect(attributed["x-title"]).toBe("My App");
    expect(attributed["x-extra"]).toBe("1");
  });

  it("fires handleLLMNewToken per streamed token, and never with the whole text of a non-streamed call", async () => {
    const tokens: string[] = [];
    const callbacks = [{ handleLLMNewToken: (token: string) => void tokens.push(token) }];
    await modelOn(emulator.current).invoke("hi", { callbacks });
    expect(tokens).toEqual([]);
    for await (const _chunk of await modelOn(emulator.current).stream("hi", { callbacks })) void _chunk;
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join("")).toBe("Hello from the OpenRouter emulator. You said: hi");
  });

  it("batches several prompts", async () => {
    const answers = await modelOn(emulator.current).batch(["first question", "second question"]);
    expect(answers.map((answer) => answer.content)).toEqual([
      "Hello from the OpenRouter emulator. You said: first question",
      "Hello from the OpenRouter emulator. You said: second question",
    ]);
    expect(emulator.current.chatRequests()).toHaveLength(2);
  });

  it("reads OPENROUTER_API_KEY and OPENROUTER_BASE_URL once, at construction", async () => {
    process.env["OPENROUTER_API_KEY"] = CANARY_API_KEY;
    process.env["OPENROUTER_BASE_URL"] = emulator.current.baseURL;
    try {
      const model = new ChatOpenRouter({ model: "openai/gpt-4o" });
      process.env["OPENROUTER_API_KEY"] = "sk-or-v1-changed-later";
      await model.invoke("hi");
      expect(emulator.current.lastRequest()!.headers["authorization"]).toBe(`Bearer ${CANARY_API_KEY}`);
    } finally {
      delete process.env["OPENROUTER_API_KEY"];
      delete process.env["OPENROUTER_BASE_URL"];
    }
  });
});

describe("streaming: true (LangChain's convention): invoke goes through the stream", () => {
  it("sends stream: true, fires a token callback per delta, and answers what a plain invoke answers", async () => {
    const tokens: string[] = [];
    const callbacks = [{ handleLLMNewToken: (token: string) => void tokens.push(token) }];
    const streamed = await modelOn(emulator.current, { streaming: true }).invoke("Tell me a joke.", { callbacks });
    expect(lastChatBody(emulator.current)["stream"]).toBe(true);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join("")).toBe(streamed.text);
    const plain = await modelOn(emulator.current).invoke("Tell me a joke.");
    expect(lastChatBody(emulator.current)["stream"]).toBeUndefined();
    expect(streamed.text).toBe(plain.text);
    expect(streamed.usage_metadata).toMatchObject(plain.usage_metadata!);
    expect(streamed.response_metadata["finish_reason"]).toBe(plain.response_metadata["finish_reason"]);
  });

  it("the stream's idle timeout applies: a body that goes silent times out", async () => {
    const model = modelOn(emulator.current, { streaming: true, scenario: "slow-body:60000", timeout: 200, maxRetries: 0 });
    await expect(model.invoke("hi")).rejects.toThrow(/no bytes arrived within the timeout|did not answer within/);
  });
});
