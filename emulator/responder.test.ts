import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./server.js";
import { AUTH, chunks, frames, hello, postChat, say, streamedContent, timeTool, weatherTool } from "./test_client.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

const post = (body: unknown, scenario?: string, headers: Record<string, string> = AUTH, raw?: string): Promise<Response> =>
  postChat(emulator, body, scenario, headers, raw);

describe("ok responder", () => {
  it("non-stream: padding, then a parseable chat.completion (usage named by usage:12:25)", async () => {
    const res = await post(hello, "usage:12:25");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    expect(text.startsWith("\n         \n{")).toBe(true);
    const body = JSON.parse(text) as Record<string, unknown> & { usage: Record<string, unknown>; choices: { message: { content: string } }[] };
    expect(body["id"]).toMatch(/^gen-\d+-[A-Za-z0-9]{20}$/);
    expect(res.headers.get("x-generation-id")).toBe(body["id"]);
    expect(body["model"]).toBe("openai/gpt-4o-2024-08-06");
    expect(body["provider"]).toBe("OpenAI");
    expect(body.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 25, total_tokens: 37, is_byok: false });
    expect(body.choices[0]?.message.content).toBe("Hello from the OpenRouter emulator. You said: Hi there");
    expect(emulator.chatRequests()).toHaveLength(1);
    expect(emulator.lastRequest()?.headers["authorization"]).toBe("Bearer sk-or-v1-test");
  });

  it("stream framing: comment, role chunk, finish, usage chunk with finish_reason null, [DONE]", async () => {
    const poem = "Line one,\nline two,\nline three,\nand four.";
    const res = await post({ model: "anthropic/claude-sonnet-4.5", stream: true, messages: [{ role: "user", content: "A poem, please." }] }, say(poem));
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const text = await res.text();
    const fs = frames(text);
    expect(fs[0]).toBe(": OPENROUTER PROCESSING");
    expect(fs.filter((f) => f.startsWith(":")).length).toBeGreaterThanOrEqual(2);
    expect(fs[fs.length - 1]).toBe("data: [DONE]");
    const cs = chunks(text);
    expect(cs[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    const usageChunk = cs[cs.length - 1];
    expect(usageChunk?.usage).toBeDefined();
    expect(usageChunk?.choices[0]?.finish_reason).toBeNull();
    expect(cs[cs.length - 2]?.choices[0]?.finish_reason).toBe("stop");
    expect(usageChunk?.model).toBe("anthropic/claude-4.5-sonnet-20250929");
    expect(streamedContent(text)).toBe(poem);
  });

  it("stream and non-stream give the same answer", async () => {
    const body = { model: "mistralai/mistral-small", messages: [{ role: "user", content: "Say something." }] };
    const json = (await (await post(body, say("Bonjour + au revoir @ 9:00"))).json()) as { provider: string; choices: { message: { content: string } }[] };
    const streamed = await (await post({ ...body, stream: true }, say("Bonjour + au revoir @ 9:00"))).text();
    expect(json.choices[0]?.message.content).toBe("Bonjour + au revoir @ 9:00");
    expect(streamedContent(streamed)).toBe("Bonjour + au revoir @ 9:00");
    expect(json.provider).toBe("Mistral");
  });

  it("refuse: a refusal and empty content, in JSON and in the stream", async () => {
    type Body = { choices: { message: { content: string; refusal: string | null } }[] };
    const json = (await (await post(hello, "refuse")).json()) as Body;
    expect(json.choices[0]?.message).toMatchObject({ content: "", refusal: "I can't help with that request." });
    const named = (await (await post(hello, "refuse:Not today.")).json()) as Body;
    expect(named.choices[0]?.message.refusal).toBe("Not today.");
    const streamed = chunks(await (await post({ ...hello, stream: true }, "refuse")).text());
    const deltas = streamed.map((c) => c.choices[0]?.delta as { refusal?: string; content?: string | null } | undefined);
    expect(deltas.map((d) => d?.refusal ?? "").join("")).toBe("I can't help with that request.");
    expect(deltas.map((d) => d?.content ?? "").join("")).toBe("");
  });

  it("think: the reasoning text, when the request asks for reasoning", async () => {
    const req = { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "low" }, messages: [{ role: "user", content: "Hm?" }] };
    const body = (await (await post(req, "think:Short thought.+say:Done.")).json()) as { choices: { message: { content: string; reasoning: string } }[] };
    expect(body.choices[0]?.message).toMatchObject({ content: "Done.", reasoning: "Short thought." });
  });

  it("say: applies after a flaky wrapper's failures too", async () => {
    expect((await post(hello, "say:4+flaky:1:status:503")).status).toBe(503);
    const body = (await (await post(hello, "say:4+flaky:1:status:503")).json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toBe("4");
  });

  it.each([
    ["Tell me a joke.", "", "Why do programmers prefer dark mode? Because light attracts bugs, and they already have plenty."],
    ["Write a short poem about the sea.", "", "The sea rolls in with silver light,\nIt hums the sleepy shore to rest,\nThe gulls draw circles in the white,\nAnd every wave comes home to west."],
    ["I love programming.", "Translate to French.", "J'adore la programmation."],
    ["Describe this image.", "", "The image shows a single small square of solid colour on a plain background."],
    ["What is 2 + 2?", "", "4"],
  ])("the documentation's prompt %j still gets its canned answer", async (prompt, system, answer) => {
    const messages = [...(system === "" ? [] : [{ role: "system", content: system }]), { role: "user", content: prompt }];
    const json = (await (await post({ ...hello, messages })).json()) as { choices: { message: { content: string } }[] };
    expect(json.choices[0]?.message.content).toBe(answer);
    expect(streamedContent(await (await post({ ...hello, messages, stream: true })).text())).toBe(answer);
  });

  it("max_tokens truncates with finish_reason length", async () => {
    const res = await post({ ...hello, max_tokens: 3 });
    const body = (await res.json()) as { choices: { finish_reason: string; message: { content: string } }[] };
    expect(body.choices[0]?.finish_reason).toBe("length");
    expect(body.choices[0]?.message.content).toBe("Hello from the");
  });

  it("tools: docs weather example", async () => {
    const res = await post({ ...hello, tools: [weatherTool], messages: [{ role: "user", content: "What is the weather like in San Francisco?" }] });
    const body = (await res.json()) as { choices: { finish_reason: string; message: { content: string; tool_calls: { id: string; function: { name: string; arguments: string } }[] } }[] };
    const choice = body.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBe("");
    expect(choice?.message.tool_calls[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(choice?.message.tool_calls[0]?.function).toEqual({ name: "get_weather", arguments: '{"location":"San Francisco, CA"}' });
  });

  it("tools: numbers from the prompt", async () => {
    const add = { type: "function", function: { name: "add", description: "Add two numbers", parameters: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } }, required: ["a", "b"] } } };
    const body = (await (await post({ ...hello, tools: [add], messages: [{ role: "user", content: "What is 3 + 4?" }] })).json()) as { choices: { message: { tool_calls: { function: { arguments: string } }[] } }[] };
    expect(JSON.parse(body.choices[0]?.message.tool_calls[0]?.function.arguments ?? "")).toEqual({ a: 3, b: 4 });
  });

  it("tools: parallel calls stream interleaved by index", async () => {
    const res = await post({ ...hello, stream: true, tools: [weatherTool, timeTool], messages: [{ role: "user", content: "What's the weather in Paris and the time in Tokyo?" }] });
    const cs = chunks(await res.text());
    const fragments = cs.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    const order = fragments.map((f) => f.index);
    expect(order.slice(0, 4)).toEqual([0, 1, 0, 1]);
    const args = [0, 1].map((i) => fragments.filter((f) => f.index === i).map((f) => f.function.arguments ?? "").join(""));
    expect(JSON.parse(args[0] ?? "")).toEqual({ location: "Paris" });
    expect(JSON.parse(args[1] ?? "")).toEqual({ city: "Tokyo" });
    expect(fragments.filter((f) => f.id !== undefined).map((f) => f.function.name)).toEqual(["get_weather", "get_time"]);
    expect(fragments.filter((f) => f.id === undefined).every((f) => Object.keys(f).sort().join() === "function,index")).toBe(true);
    expect(cs.find((c) => c.choices[0]?.finish_reason != null)?.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("tools: after a tool message, a text answer quoting the result", async () => {
    const messages = [
      { role: "user", content: "What is the weather like in San Francisco?" },
      { role: "assistant", content: "", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"location":"San Francisco, CA"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: "Sunny in San Francisco, CA" },
    ];
    const body = (await (await post({ ...hello, tools: [weatherTool], messages })).json()) as { choices: { finish_reason: string; message: { content: string } }[] };
    expect(body.choices[0]?.finish_reason).toBe("stop");
    expect(body.choices[0]?.message.content).toBe("Based on get_weather: Sunny in San Francisco, CA");
  });

  it("tools: after tool results, tool_choice required calls the tool not called yet, filled from the results", async () => {
    const report = { type: "function", function: { name: "extract-1", description: "Report", parameters: { type: "object", properties: { weather: { type: "string" }, time: { type: "string" } }, required: ["weather", "time"] } } };
    const messages = [
      { role: "user", content: "What is the weather in Paris and the time in Tokyo?" },
      { role: "assistant", content: "", tool_calls: [
        { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"location":"Paris"}' } },
        { id: "call_2", type: "function", function: { name: "get_time", arguments: '{"city":"Tokyo"}' } },
      ] },
      { role: "tool", tool_call_id: "call_1", content: "Sunny in Paris" },
      { role: "tool", tool_call_id: "call_2", content: "It is 09:30 in Tokyo" },
    ];
    type Body = { choices: { finish_reason: string; message: { content: string; tool_calls?: { function: { name: string; arguments: string } }[] } }[] };
    const required = (await (await post({ ...hello, tools: [weatherTool, timeTool, report], tool_choice: "required", messages })).json()) as Body;
    expect(required.choices[0]?.finish_reason).toBe("tool_calls");
    expect(required.choices[0]?.message.tool_calls?.map((call) => call.function)).toEqual([
      { name: "extract-1", arguments: '{"weather":"Sunny in Paris","time":"It is 09:30 in Tokyo"}' },
    ]);
    // every tool already called: the loop ends in text
    const done = [...messages.slice(0, 1), { ...messages[1], tool_calls: [...(messages[1] as { tool_calls: unknown[] }).tool_calls, { id: "call_3", type: "function", function: { name: "extract-1", arguments: "{}" } }] }, ...messages.slice(2), { role: "tool", tool_call_id: "call_3", content: "ok" }];
    const text = (await (await post({ ...hello, tools: [weatherTool, timeTool, report], tool_choice: "required", messages: done })).json()) as Body;
    expect(text.choices[0]?.finish_reason).toBe("stop");
    // response_format binds the answer after tool results too
    const schema = { type: "object", properties: { weather: { type: "string" }, time: { type: "string" } }, required: ["weather", "time"] };
    const formatted = (await (await post({ ...hello, tools: [weatherTool, timeTool], response_format: { type: "json_schema", json_schema: { name: "report", schema } }, messages })).json()) as Body;
    expect(formatted.choices[0]?.message.content).toBe('{"weather":"Sunny in Paris","time":"It is 09:30 in Tokyo"}');
  });

  it("json_schema: the movie example", async () => {
    const schema = { type: "object", properties: { title: { type: "string" }, year: { type: "integer" }, director: { type: "string" }, rating: { type: "number" } }, required: ["title", "year", "director", "rating"] };
    const req = { ...hello, response_format: { type: "json_schema", json_schema: { name: "movie", schema } }, messages: [{ role: "user", content: "Tell me about a movie." }] };
    const body = (await (await post(req)).json()) as { choices: { message: { content: string } }[] };
    const expected = '{"title":"Inception","year":2010,"director":"Christopher Nolan","rating":8.8}';
    expect(body.choices[0]?.message.content).toBe(expected);
    expect(streamedContent(await (await post({ ...req, stream: true })).text())).toBe(expected);
  });

  it("reasoning details by family and prompt caching", async () => {
    const anth = (await (await post({ model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "high" }, messages: [{ role: "user", content: "What is 2+2?" }] })).json()) as { choices: { message: { reasoning: string; reasoning_details: Record<string, unknown>[] } }[] };
    expect(anth.choices[0]?.message.reasoning_details[0]).toMatchObject({ type: "reasoning.text", format: "anthropic-claude-v1" });
    const cached = { ...hello, messages: [{ role: "user", content: [{ type: "text", text: "Long context", cache_control: { type: "ephemeral" } }] }] };
    const first = (await (await post(cached)).json()) as { usage: { prompt_tokens_details: Record<string, number> } };
    const second = (await (await post(cached)).json()) as { usage: { prompt_tokens_details: Record<string, number> } };
    expect(first.usage.prompt_tokens_details["cache_write_tokens"]).toBeGreaterThan(0);
    expect(second.usage.prompt_tokens_details["cached_tokens"]).toBeGreaterThan(0);
  });
});
