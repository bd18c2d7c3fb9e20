import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixtureBytes, fixtureNames, fixtureReply } from "./fixtures.js";
import { startEmulator, type Emulator } from "./server.js";

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

const AUTH = { "content-type": "application/json", authorization: "Bearer sk-or-v1-test" };

function post(body: unknown, scenario?: string, headers: Record<string, string> = AUTH, raw = JSON.stringify(body)): Promise<Response> {
  const base = scenario === undefined ? emulator.baseURL : emulator.baseURLFor(scenario);
  return fetch(`${base}/chat/completions`, { method: "POST", headers, body: raw });
}

const hello = { model: "openai/gpt-4o", messages: [{ role: "user", content: "Hi there" }] };

/** The scenario that makes the answer say `text` (percent-encoded, so it may hold "+", "@" or ":"). */
const say = (text: string): string => `say:${encodeURIComponent(text)}`;

interface Chunk {
  id: string;
  model: string;
  provider: string;
  error?: { code: unknown; message: string };
  usage?: Record<string, unknown>;
  choices: {
    delta: {
      role?: string;
      content?: string | null;
      tool_calls?: { index: number; id?: string; function: { name?: string; arguments?: string } }[];
    };
    finish_reason: string | null;
  }[];
}

/** SSE frames (split on blank lines). */
function frames(text: string): string[] {
  return text.split("\n\n").filter((f) => f !== "");
}

function chunks(text: string): Chunk[] {
  return frames(text)
    .filter((f) => f.startsWith("data: ") && f !== "data: [DONE]")
    .map((f) => JSON.parse(f.slice(6)) as Chunk);
}

function streamedContent(text: string): string {
  return chunks(text)
    .map((c) => c.choices[0]?.delta.content ?? "")
    .join("");
}

async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather in a given location",
    parameters: {
      type: "object",
      properties: { location: { type: "string", description: "The city and state, e.g. San Francisco, CA" } },
      required: ["location"],
    },
  },
};
const timeTool = {
  type: "function",
  function: {
    name: "get_time",
    description: "Get the current local time in a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

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

describe("fixture replay", () => {
  const names = fixtureNames().filter((n) => n.startsWith("response-") || n.startsWith("stream-") || n.startsWith("error-"));
  it.each(names)("%s is replayed byte-exact", async (name) => {
    const res = await post(hello, `fixture:${name}`);
    const reply = fixtureReply(name);
    expect(res.status).toBe(reply?.status);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (name.startsWith("error-object-")) {
      expect(bytes.toString("utf8")).toBe(`{"error":${fixtureBytes(name)?.toString("utf8").trim()}}`);
    } else {
      expect(bytes.equals(fixtureBytes(name) ?? Buffer.alloc(0))).toBe(true);
    }
    if (name.endsWith(".sse")) expect(res.headers.get("content-type")).toBe("text/event-stream");
  });
});

describe("faults", () => {
  it("status scenarios return the real error bodies", async () => {
    const cases: [number, string][] = [
      [401, "User not found."],
      [402, "can only afford"],
      [404, "No allowed providers"],
      [429, "Provider returned error"],
      [503, ""],
    ];
    for (const [status, text] of cases) {
      const res = await post(hello, `status:${status}`);
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toContain(text);
    }
  });

  it("auth: missing header and invalid key", async () => {
    const missing = await post(hello, undefined, { "content-type": "application/json" });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe("No auth credentials found");
    const invalid = await post(hello, undefined, { ...AUTH, authorization: "Bearer sk-or-v1-invalid" });
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toBe("User not found.");
  });

  it("flaky counts attempts per scenario string, @key separates counters", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(hello, "flaky:2:status:503")).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
    expect((await post(hello, "flaky:2:status:503@other")).status).toBe(503);
    expect(emulator.chatRequests().map((r) => r.attempt)).toEqual([1, 2, 3, 4, 1]);
    const viaHeader = await post(hello, undefined, { ...AUTH, "x-emulator-scenario": "status:500" });
    expect(viaHeader.status).toBe(500);
  });

  it("retry-after headers and availability body", async () => {
    const seconds = await post(hello, "retry-after:3");
    expect(seconds.status).toBe(429);
    expect(seconds.headers.get("retry-after")).toBe("3");
    const date = await post(hello, "retry-after-date:5+status:503");
    expect(date.status).toBe(503);
    const when = Date.parse(date.headers.get("retry-after") ?? "");
    expect(when - Date.now()).toBeGreaterThan(2000);
    const avail = (await (await post(hello, "availability:7")).json()) as { error: { availability: { retry_after: number } } };
    expect(avail.error.availability.retry_after).toBe(7);
  });

  it("html and empty bodies", async () => {
    const html = await post(hello, "html:502");
    expect(html.status).toBe(502);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(await html.text()).toContain("<!DOCTYPE html>");
    const empty = await post(hello, "empty:500");
    expect(empty.status).toBe(500);
    expect(await empty.text()).toBe("");
  });

  it("reset: fetch rejects", async () => {
    await expect(post(hello, "reset")).rejects.toThrow();
    const res = await post({ ...hello, stream: true }, "reset-mid-body");
    await expect(res.text()).rejects.toThrow();
  });

  it("stall + abort: the stalled response ends when the client goes away", async () => {
    const own = await startEmulator();
    try {
      const controller = new AbortController();
      const pending = fetch(`${own.baseURLFor("stall")}/chat/completions`, { method: "POST", headers: AUTH, body: JSON.stringify(hello), signal: controller.signal });
      await until(() => own.requests.length === 1);
      expect(own.activeRequests()).toBe(1);
      controller.abort();
      await expect(pending).rejects.toThrow();
      await until(() => own.activeRequests() === 0);
    } finally {
      await own.close();
    }
  });

  it("keeps an idle socket open while the client may reuse it: a request sent after a stalled loop is not lost", async () => {
    const own = await startEmulator();
    try {
      const streamed = await fetch(`${own.baseURL}/chat/completions`, { method: "POST", headers: AUTH, body: JSON.stringify({ ...hello, stream: true }) });
      await streamed.text();
      expect(own.openConnections()).toBe(1);
      // A loaded process: the loop stalls 2.5 s (under undici's 4 s keep-alive), then in the same
      // turn the client sends on the socket it kept. A server that had closed it meanwhile (the
      // old 1 s keepAliveTimeout) lost the request: ECONNRESET, nothing recorded (storm flake).
      const sent = new Promise<Response>((resolve, reject) => {
        setTimeout(() => fetch(`${own.baseURLFor("status:500@after-stall")}/chat/completions`, { method: "POST", headers: AUTH, body: JSON.stringify(hello) }).then(resolve, reject), 2_500);
      });
      const end = performance.now() + 2_500;
      while (performance.now() < end) {
        // the stall
      }
      const res = await sent;
      expect(res.status).toBe(500);
      await res.text();
      expect(own.requests.filter((r) => r.scenario === "status:500@after-stall")).toHaveLength(1);
      expect(res.headers.get("connection")).toBe("keep-alive");
      expect(res.headers.get("keep-alive")).toBeNull();
    } finally {
      await own.close();
    }
  });

  it("close() does not wait for a stalled request: it ends it, and the client sees the socket go", async () => {
    const own = await startEmulator();
    // the client never aborts and the stall never answers: only close() can end this request
    const pending = fetch(`${own.baseURLFor("stall")}/chat/completions`, { method: "POST", headers: AUTH, body: "{}" }).catch(() => "rejected");
    await until(() => own.requests.length === 1);
    expect(own.activeRequests()).toBe(1);
    await own.close();
    expect(await pending).toBe("rejected");
  });

  it("truncate: stream ends without [DONE] or finish_reason", async () => {
    const text = await (await post({ ...hello, stream: true }, "truncate")).text();
    expect(text).not.toContain("[DONE]");
    expect(chunks(text).every((c) => c.choices[0]?.finish_reason == null)).toBe(true);
    expect(streamedContent(text).length).toBeGreaterThan(0);
  });

  it("no-done: a complete stream (finish chunk, usage chunk) without [DONE]", async () => {
    const text = await (await post({ ...hello, stream: true }, "no-done")).text();
    expect(text).not.toContain("[DONE]");
    const cs = chunks(text);
    expect(cs.some((c) => c.choices[0]?.finish_reason === "stop")).toBe(true);
    expect(cs.at(-1)?.usage).toBeDefined();
  });

  it("preamble: text before the tool calls, in JSON and in the stream", async () => {
    const weather = { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } };
    const body = { ...hello, messages: [{ role: "user", content: "Weather in Paris?" }], tools: [weather] };
    const json = (await (await post(body, "preamble")).json()) as { choices: { message: { content: string; tool_calls: unknown[] } }[] };
    expect(json.choices[0]?.message.content).toBe("Let me look that up for you.");
    expect(json.choices[0]?.message.tool_calls).toHaveLength(1);
    const cs = chunks(await (await post({ ...body, stream: true }, "preamble")).text());
    const firstCall = cs.findIndex((c) => c.choices[0]?.delta.tool_calls !== undefined);
    expect(cs.slice(0, firstCall).map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Let me look that up for you.");
    expect(cs.slice(firstCall).every((c) => !c.choices[0]?.delta.content)).toBe(true);
  });

  it("bad-arguments: tool-call arguments that are not JSON", async () => {
    const weather = { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } };
    const body = { ...hello, messages: [{ role: "user", content: "Weather in Paris?" }], tools: [weather] };
    const json = (await (await post(body, "bad-arguments")).json()) as { choices: { message: { tool_calls: { function: { arguments: string } }[] } }[] };
    const args = json.choices[0]?.message.tool_calls[0]?.function.arguments ?? "";
    expect(args.startsWith("{")).toBe(true);
    expect(() => JSON.parse(args)).toThrow();
  });

  it("mid-stream-error: error chunk then [DONE]; non-stream 200 with choice error", async () => {
    const text = await (await post({ ...hello, stream: true }, "mid-stream-error")).text();
    const cs = chunks(text);
    expect(cs[cs.length - 1]?.error?.code).toBe(502);
    expect(cs[cs.length - 1]?.choices[0]?.finish_reason).toBe("error");
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    const res = await post(hello, "error-in-200");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { choices: { error: { code: number } }[] }).choices[0]?.error.code).toBe(502);
  });

  it("slow and slow-body delay the response", async () => {
    const started = Date.now();
    expect((await post(hello, "slow:60")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    const res = await post(hello, "slow-body:60");
    const headersAt = Date.now();
    await res.text();
    expect(Date.now() - headersAt).toBeGreaterThanOrEqual(40);
  });

  it("unknown scenario and unknown path give JSON envelopes", async () => {
    const bad = await post(hello, "nope");
    expect(bad.status).toBe(400);
    const missing = await fetch(`${emulator.baseURL}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: number } }).error.code).toBe(404);
  });

  it("a body over 32 MiB: 413 with OpenRouter's envelope, recorded, and the connection still usable", async () => {
    const huge = JSON.stringify({ ...hello, messages: [{ role: "user", content: "x".repeat(32 * 1024 * 1024) }] });
    const res = await post(undefined, undefined, AUTH, huge);
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ error: { code: 413, message: "Request payload too large" } });
    expect(emulator.lastRequest()).toMatchObject({ method: "POST", path: "/api/v1/chat/completions", rawBody: "", body: undefined });
    // just under the limit is read whole (and answered)
    const fits = JSON.stringify({ ...hello, messages: [{ role: "user", content: "" }] });
    const under = fits.replace('"content":""', `"content":"${"y".repeat(32 * 1024 * 1024 - fits.length)}"`);
    expect(Buffer.byteLength(under)).toBe(32 * 1024 * 1024);
    expect((await post(undefined, undefined, AUTH, under)).status).toBe(200);
  });

  it("CORS preflight", async () => {
    const res = await fetch(`${emulator.baseURL}/chat/completions`, {
      method: "OPTIONS",
      headers: { origin: "http://example.com", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("handles a storm of concurrent requests without leaking sockets", async () => {
    const own = await startEmulator();
    try {
      let next = 0;
      const results: number[] = [];
      const worker = async (): Promise<void> => {
        while (next < 500) {
          const i = next++;
          const res = await fetch(`${own.baseURLFor(`flaky:1:status:503@k${i}`)}/chat/completions`, { method: "POST", headers: AUTH, body: JSON.stringify({ ...hello, stream: i % 2 === 0 }) });
          await res.arrayBuffer();
          results.push(res.status);
        }
      };
      await Promise.all(Array.from({ length: 50 }, worker));
      expect(results.filter((s) => s === 503)).toHaveLength(500);
      // every response ends, so every socket left is idle: none is held by a request
      await until(() => own.activeRequests() === 0);
      await own.closeIdleConnections();
      expect(own.openConnections()).toBe(0);
    } finally {
      await own.close();
    }
  });
});
