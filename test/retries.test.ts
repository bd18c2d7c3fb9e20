import { describe, expect, it } from "vitest";
import {
  OpenRouterBadRequestError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
  OpenRouterStreamError,
  OpenRouterTimeoutError,
} from "../src/index.js";
import { CANARY_API_KEY, modelOn, useEmulator } from "./helpers/emulator.js";
import { FastRetryChatOpenRouter } from "./reliability/helpers/fast_retry_model.js";

const emulator = useEmulator();

const attempts = () => emulator.current.chatRequests().length;

async function drain(stream: AsyncIterable<unknown>) {
  for await (const _chunk of stream) void _chunk;
}

describe("retries", () => {
  it("retries 5xx until an answer comes, counted on the emulator", async () => {
    const answer = await modelOn(emulator.current, { scenario: "say:4+flaky:2:status:503", maxRetries: 2 }).invoke("What is 2 + 2?");
    expect(answer.content).toBe("4");
    expect(attempts()).toBe(3);
  });

  it("gives up after maxRetries + 1 attempts with the last typed error", async () => {
    const error = await modelOn(emulator.current, { scenario: "flaky:5:status:502", maxRetries: 1 })
      .invoke("hi")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect(attempts()).toBe(2);
  });

  it.each([400, 401, 402, 403, 404, 413, 422])("never retries %i", async (status) => {
    await modelOn(emulator.current, { scenario: `status:${status}`, maxRetries: 3 })
      .invoke("hi")
      .catch(() => undefined);
    expect(attempts()).toBe(1);
  });

  it.each(["status:408", "status:409", "status:500", "status:524", "html:502", "reset", "retry-after:0"])(
    "retries %s",
    async (inner) => {
      const answer = await modelOn(emulator.current, { scenario: `say:4+flaky:1:${inner}`, maxRetries: 1 }).invoke("What is 2 + 2?");
      expect(answer.content).toBe("4");
      expect(attempts()).toBe(2);
    }
  );

  // With a 4 ms backoff step, a wait of hundreds of ms can only be the one OpenRouter asked for
  const fastModel = (scenario: string) =>
    new FastRetryChatOpenRouter({ model: "openai/gpt-4o-mini", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURLFor(scenario), maxRetries: 1 });

  it("waits as long as Retry-After says in seconds (0.3): the retry arrives 300 ms after the first attempt", async () => {
    await fastModel("flaky:1:retry-after:0.3").invoke("hi");
    const [first, retry] = emulator.current.chatRequests();
    expect(attempts()).toBe(2);
    // the client reads the 429 after the first attempt arrived, then waits 300 ms (timers may fire a few ms early)
    expect(retry!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(290);
  });

  it("waits until the HTTP date Retry-After names: the call ends no earlier than that date", async () => {
    const started = Date.now();
    // the emulator sends now + 2 s as an HTTP date, whole seconds: a date after started + 1 s
    await fastModel("flaky:1:retry-after-date:2").invoke("hi");
    const ended = Date.now();
    expect(attempts()).toBe(2);
    const earliestDate = Math.floor((started + 2000) / 1000) * 1000;
    expect(earliestDate).toBeGreaterThan(started + 1000);
    expect(ended).toBeGreaterThanOrEqual(earliestDate - 10);
  });

  it("waits as long as availability.retry_after in the body says (0.3 s)", async () => {
    await fastModel("flaky:1:availability:0.3").invoke("hi");
    const [first, retry] = emulator.current.chatRequests();
    expect(attempts()).toBe(2);
    expect(retry!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(290);
  });

  it("reports what the last 429 asked for when retries run out", async () => {
    const error = await modelOn(emulator.current, { scenario: "retry-after:0.05", maxRetries: 1 })
      .invoke("hi")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterRateLimitError);
    expect((error as OpenRouterRateLimitError).retryAfterMs).toBe(50);
    expect(attempts()).toBe(2);
  });

  it("retries a stream that fails before its first chunk", async () => {
    const chunks: unknown[] = [];
    for await (const chunk of await modelOn(emulator.current, { scenario: "flaky:1:status:503", maxRetries: 1 }).stream("hi")) {
      chunks.push(chunk);
    }
    expect(chunks.length).toBeGreaterThan(1);
    expect(attempts()).toBe(2);
  });

  it("never retries a stream once chunks were yielded", async () => {
    const error = await drain(await modelOn(emulator.current, { scenario: "mid-stream-error", maxRetries: 3 }).stream("hi")).catch(
      (caught: unknown) => caught
    );
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect(attempts()).toBe(1);
  });

  it("times out an attempt after `timeout` ms with OpenRouterTimeoutError", async () => {
    const started = Date.now();
    const error = await modelOn(emulator.current, { scenario: "stall", timeout: 300, maxRetries: 0 })
      .invoke("hi")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterTimeoutError);
    expect((error as Error).message).toContain("300 ms");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("retries an attempt that timed out", async () => {
    // generous: under load the request must reach the emulator before the first attempt's timeout
    const answer = await modelOn(emulator.current, { scenario: "say:4+flaky:1:stall", timeout: 1000, maxRetries: 1 }).invoke("What is 2 + 2?");
    expect(answer.content).toBe("4");
    expect(attempts()).toBe(2);
  });

  it("takes maxRetries per call", async () => {
    await modelOn(emulator.current, { scenario: "status:503", maxRetries: 0 })
      .invoke("hi", { maxRetries: 1 })
      .catch(() => undefined);
    expect(attempts()).toBe(2);
  });

  it("rejects at once, without a request, when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await modelOn(emulator.current)
      .invoke("hi", { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("AbortError");
    expect(attempts()).toBe(0);
  });

  it("stops waiting for a retry as soon as the caller aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await modelOn(emulator.current, { scenario: "retry-after:30", maxRetries: 2 })
      .invoke("hi", { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(1500);
    expect(attempts()).toBe(1);
  });

  it("does not retry bad requests even when the provider is named", async () => {
    const error = await modelOn(emulator.current, { scenario: "status:400", maxRetries: 2 })
      .invoke("hi")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterBadRequestError);
    expect(attempts()).toBe(1);
  });
});
