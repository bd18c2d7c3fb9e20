// requestJson and requestStream against the emulator over real HTTP: how many attempts each failure
// gets, what is raised, the waits OpenRouter asks for, timeouts against the caller's aborts, and
// nothing left on the caller's signal. Attempts are counted on the emulator.
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/server.js";
import { CANARY_API_KEY, useEmulator } from "../../test/helpers/emulator.js";
import { abortListeners, eventually } from "../../test/reliability/helpers/leaks.js";
import { OpenRouterError, OpenRouterRateLimitError, OpenRouterTimeoutError } from "./errors.js";
import { OpenRouterConnectionError } from "./transport_errors.js";
import { createConnection, type OpenRouterConnectionOptions } from "./connection.js";
import { type OpenRouterConnection, requestJson, requestStream } from "./send_request.js";

const emulator = useEmulator();

const CHAT = { path: "/chat/completions", body: { model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "What is 2 + 2?" }] } };
const STREAM_CHAT = { path: "/chat/completions", body: { ...CHAT.body, stream: true } };

/** A connection to the emulator under `scenario`, with a 1 ms backoff step (the internal tuning the tests' fast-retry model sets). */
function connectionTo(scenario: string, fields: OpenRouterConnectionOptions = {}): OpenRouterConnection {
  const options = { baseURL: emulator.current.baseURLFor(scenario), apiKey: CANARY_API_KEY, siteUrl: "", siteName: "", maxRetries: 2, ...fields };
  return createConnection(options, () => undefined, "TestClient", { retryBaseDelayMs: 1 });
}

const attempts = () => emulator.current.chatRequests().length;
const failureOf = (promise: Promise<unknown>) => promise.then(() => new Error("resolved"), (caught: unknown) => caught);
const contentOf = (body: unknown) => (body as { choices: { message: { content: string } }[] }).choices[0]!.message.content;

describe("requestJson: retries", () => {
  it("retries until an answer comes and returns its parsed body and headers", async () => {
    const { body, headers } = await requestJson(connectionTo("flaky:2:status:503"), CHAT);
    expect(contentOf(body)).toBe("4");
    expect(headers.get("content-type")).toContain("application/json");
    expect(attempts()).toBe(3);
  });

  it("makes maxRetries + 1 attempts, then raises the last typed error", async () => {
    const error = await failureOf(requestJson(connectionTo("status:502", { maxRetries: 3 }), CHAT));
    expect(OpenRouterError.isInstance(error)).toBe(true);
    expect((error as OpenRouterError).status).toBe(502);
    expect(attempts()).toBe(4);
  });

  it("maxRetries 0: one attempt", async () => {
    await failureOf(requestJson(connectionTo("status:503", { maxRetries: 0 }), CHAT));
    expect(attempts()).toBe(1);
  });

  it.each(["status:408", "status:409", "status:429", "status:500", "status:529", "html:502", "empty:503"])("retries %s", async (fault) => {
    const { body } = await requestJson(connectionTo(`flaky:1:${fault}`), CHAT);
    expect(contentOf(body)).toBe("4");
    expect(attempts()).toBe(2);
  });

  it.each([400, 401, 402, 403, 404, 413, 422])("never retries %i", async (status) => {
    const error = await failureOf(requestJson(connectionTo(`status:${status}`, { maxRetries: 3 }), CHAT));
    expect((error as OpenRouterError).status).toBe(status);
    expect(attempts()).toBe(1);
  });

  it("retries a connection reset, and raises OpenRouterConnectionError when every attempt is reset", async () => {
    const { body } = await requestJson(connectionTo("flaky:1:reset"), CHAT);
    expect(contentOf(body)).toBe("4");
    expect(attempts()).toBe(2);
    emulator.current.reset();
    const error = await failureOf(requestJson(connectionTo("reset", { maxRetries: 1 }), CHAT));
    expect(error).toBeInstanceOf(OpenRouterConnectionError);
    expect((error as Error).message).toMatch(/^Could not reach OpenRouter: /);
    expect(attempts()).toBe(2);
  });

  it("retries a 200 whose JSON body was cut short, raising OpenRouterConnectionError when all are", async () => {
    const error = await failureOf(requestJson(connectionTo("truncate", { maxRetries: 1 }), CHAT));
    expect(error).toBeInstanceOf(OpenRouterConnectionError);
    expect((error as Error).message).toContain("body ended before its JSON was complete");
    expect(attempts()).toBe(2);
  });

  it("a server nobody listens on: OpenRouterConnectionError after every attempt", async () => {
    const gone = await startEmulator();
    await gone.close();
    const error = await failureOf(requestJson(connectionTo("ok", { baseURL: gone.baseURL, maxRetries: 1 }), CHAT));
    expect(error).toBeInstanceOf(OpenRouterConnectionError);
    expect((error as Error).message).toMatch(/^Could not reach OpenRouter: ECONNREFUSED/);
  });
});

describe("requestJson: waits OpenRouter asks for", () => {
  it("waits what Retry-After asks for (0.2 s), not the backoff step", async () => {
    await requestJson(connectionTo("flaky:1:retry-after:0.2"), CHAT);
    const [first, retry] = emulator.current.chatRequests();
    // the backoff step is 1 ms: only the asked-for wait explains the gap (timers may fire a few ms early)
    expect(retry!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(190);
  });

  it("raises a wait over the 60 s cap at once, retryAfterMs set", async () => {
    const error = await failureOf(requestJson(connectionTo("retry-after:61", { maxRetries: 3 }), CHAT));
    expect(error).toBeInstanceOf(OpenRouterRateLimitError);
    expect((error as OpenRouterError).retryAfterMs).toBe(61_000);
    expect(attempts()).toBe(1);
  });

  it("raises a wait longer than what is left of the timeout at once", async () => {
    const error = await failureOf(requestJson(connectionTo("status:503+retry-after:3", { timeout: 2000, maxRetries: 3 }), CHAT));
    expect((error as OpenRouterError).status).toBe(503);
    expect((error as OpenRouterError).retryAfterMs).toBe(3000);
    expect(attempts()).toBe(1);
  });

  it("raises the last asked-for wait when the retries run out", async () => {
    const error = await failureOf(requestJson(connectionTo("retry-after:0.01", { maxRetries: 1 }), CHAT));
    expect((error as OpenRouterError).retryAfterMs).toBe(10);
    expect(attempts()).toBe(2);
  });
});

describe("requestJson: timeouts and aborts", () => {
  it("times out each attempt after `timeout` ms with OpenRouterTimeoutError naming the attempt, and retries it", async () => {
    const error = await failureOf(requestJson(connectionTo("stall", { timeout: 100, maxRetries: 1 }), CHAT));
    expect(error).toBeInstanceOf(OpenRouterTimeoutError);
    expect((error as Error).message).toContain("within 100 ms (attempt 2)");
    expect(attempts()).toBe(2);
  });

  it("a caller's abort rejects with the caller's reason, not a timeout, and is never retried", async () => {
    const caller = new AbortController();
    const reason = new Error("user pressed stop");
    const pending = failureOf(requestJson(connectionTo("stall", { timeout: 60_000, maxRetries: 3 }), { ...CHAT, signal: caller.signal }));
    await eventually(attempts, (count) => count === 1, "the emulator holding the request");
    caller.abort(reason);
    expect(await pending).toBe(reason);
    expect(attempts()).toBe(1);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it("an already-aborted signal rejects with its reason and sends nothing", async () => {
    const reason = new Error("gone before the call");
    const error = await failureOf(requestJson(connectionTo("ok"), { ...CHAT, signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    expect(emulator.current.requests).toEqual([]);
  });

  it("leaves no listener on the caller's signal after an answer or a failure", async () => {
    const caller = new AbortController();
    await requestJson(connectionTo("flaky:1:status:503"), { ...CHAT, signal: caller.signal });
    expect(abortListeners(caller.signal)).toBe(0);
    await failureOf(requestJson(connectionTo("status:400"), { ...CHAT, signal: caller.signal }));
    expect(abortListeners(caller.signal)).toBe(0);
  });
});

describe("requestJson: the request", () => {
  it("POSTs the JSON body once serialised, with the key, the connection's and the call's headers", async () => {
    await requestJson(connectionTo("ok", { defaultHeaders: { "X-Title": "Tests" } }), { ...CHAT, headers: { "X-Call": "1" } });
    const sent = emulator.current.lastRequest()!;
    expect(sent.method).toBe("POST");
    expect(sent.body).toEqual(CHAT.body);
    expect(sent.headers).toMatchObject({
      authorization: `Bearer ${CANARY_API_KEY}`,
      accept: "application/json",
      "content-type": "application/json",
      "x-title": "Tests",
      "x-call": "1",
    });
  });

  it("without a key or a body: a GET with no Authorization and no Content-Type", async () => {
    await requestJson(connectionTo("ok", { apiKey: "" }), { path: "/models" });
    const sent = emulator.current.lastRequest()!;
    expect(sent.method).toBe("GET");
    expect(sent.headers["authorization"]).toBeUndefined();
    expect(sent.headers["content-type"]).toBeUndefined();
  });

  it("a body that is not JSON is refused before any request, naming the owner", async () => {
    const error = await failureOf(requestJson(connectionTo("ok"), { path: "/chat/completions", body: { n: 1n } }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^TestClient could not serialise the request to JSON/);
    expect(emulator.current.requests).toEqual([]);
  });
});

describe("requestStream", () => {
  const drain = async (chunks: AsyncIterable<unknown>) => {
    let count = 0;
    for await (const _ of chunks) count++;
    return count;
  };

  it("retries until 2xx headers arrive, then hands over the headers and the parsed chunks", async () => {
    const caller = new AbortController();
    const { headers, chunks } = await requestStream(connectionTo("flaky:2:status:503"), { ...STREAM_CHAT, signal: caller.signal });
    expect(attempts()).toBe(3);
    expect(headers.get("content-type")).toContain("text/event-stream");
    expect(emulator.current.lastRequest()!.headers["accept"]).toBe("text/event-stream");
    // the attempt's scope holds the caller's signal while the chunks are read, and lets go at the end
    expect(abortListeners(caller.signal)).toBe(1);
    expect(await drain(chunks)).toBeGreaterThan(0);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it("lets go of the caller's signal when the reader stops early", async () => {
    const caller = new AbortController();
    const { chunks } = await requestStream(connectionTo("ok"), { ...STREAM_CHAT, signal: caller.signal });
    for await (const _ of chunks) break;
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it("never retries once the headers arrived: a body cut mid-stream fails the read, after one attempt", async () => {
    const { chunks } = await requestStream(connectionTo("reset-mid-body", { maxRetries: 3 }), STREAM_CHAT);
    await expect(drain(chunks)).rejects.toThrow();
    expect(attempts()).toBe(1);
  });

  it("raises a status that is not retried at once, with its typed error", async () => {
    const error = await failureOf(requestStream(connectionTo("status:401", { maxRetries: 3 }), STREAM_CHAT));
    expect((error as OpenRouterError).status).toBe(401);
    expect(attempts()).toBe(1);
  });

  it("times out waiting for the headers, per attempt", async () => {
    const caller = new AbortController();
    const error = await failureOf(requestStream(connectionTo("stall", { timeout: 100, maxRetries: 1 }), { ...STREAM_CHAT, signal: caller.signal }));
    expect(error).toBeInstanceOf(OpenRouterTimeoutError);
    expect(attempts()).toBe(2);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it("the idle timeout stops a body that goes silent after the headers", async () => {
    const { chunks } = await requestStream(connectionTo("slow-body:60000", { timeout: 100 }), STREAM_CHAT);
    await expect(drain(chunks)).rejects.toThrow(/no bytes arrived within the timeout/);
  });
});
