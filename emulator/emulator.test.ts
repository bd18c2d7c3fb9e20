import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixtureBytes, fixtureNames, fixtureReply } from "./fixtures.js";
import { startEmulator, type Emulator } from "./server.js";
import { AUTH, chunks, hello, postChat, streamedContent, until } from "./test_client.js";

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
