// A wait OpenRouter asks for is made only when it fits: up to 60 s and within what is left of
// `timeout`. A longer one, and a quota 429, raise the typed error at once with retryAfterMs, so the
// caller decides. Counted on the emulator; no test here measures time.
import { describe, expect, it } from "vitest";
import {
  OpenRouterClient,
  OpenRouterError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
} from "../src/index.js";
import { CANARY_API_KEY, modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

const attempts = () => emulator.current.chatRequests().length;

async function failureOf(
  scenario: string,
  fields: { maxRetries?: number; timeout?: number } = {},
  mode: "invoke" | "stream" = "invoke"
): Promise<OpenRouterError> {
  const model = modelOn(emulator.current, { scenario, maxRetries: 3, ...fields });
  const error = await (mode === "invoke"
    ? model.invoke("hi")
    : (async () => {
        for await (const chunk of await model.stream("hi")) void chunk;
      })()
  ).catch((caught: unknown) => caught);
  expect(OpenRouterError.isInstance(error), `${scenario} should reject with an OpenRouterError`).toBe(true);
  return error as OpenRouterError;
}

describe("waits OpenRouter asks for", () => {
  it.each(["invoke", "stream"] as const)("a 429 asking for 120 s (over the 60 s cap) is raised at once (%s)", async (mode) => {
    const error = await failureOf("retry-after:120", {}, mode);
    expect(error).toBeInstanceOf(OpenRouterRateLimitError);
    expect(error.retryAfterMs).toBe(120_000);
    expect((error as OpenRouterRateLimitError).rateLimitType).toBe("retry");
    expect(attempts()).toBe(1);
  });

  it("a 503 with Retry-After: 120 is raised at once, retryAfterMs in its JSON", async () => {
    const error = await failureOf("status:503+retry-after:120");
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect(error.retryAfterMs).toBe(120_000);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 503, retryAfterMs: 120_000 });
    expect(attempts()).toBe(1);
  });

  it("a wait longer than the call's timeout is raised at once, though under 60 s", async () => {
    const rateLimited = await failureOf("retry-after:5", { timeout: 2000 });
    expect(rateLimited).toBeInstanceOf(OpenRouterRateLimitError);
    expect(rateLimited.retryAfterMs).toBe(5000);
    expect(attempts()).toBe(1);
    emulator.current.reset();
    const unavailable = await failureOf("status:503+retry-after:3", { timeout: 2000 });
    expect(unavailable).toBeInstanceOf(OpenRouterProviderError);
    expect(unavailable.retryAfterMs).toBe(3000);
    expect(attempts()).toBe(1);
  });

  it("availability.retry_after counts as a wait asked for (40 s against a 10 s timeout)", async () => {
    const error = await failureOf("availability:40", { timeout: 10_000 });
    expect(error.retryAfterMs).toBe(40_000);
    expect(attempts()).toBe(1);
  });

  it("a wait that fits the timeout is made, and the retry answers", async () => {
    const answer = await modelOn(emulator.current, { scenario: "say:4+flaky:1:retry-after:0.2", timeout: 5000, maxRetries: 1 }).invoke(
      "What is 2 + 2?"
    );
    expect(answer.content).toBe("4");
    expect(attempts()).toBe(2);
  });

  it("ordinary 429s and 5xx without a wait still retry", async () => {
    for (const scenario of ["say:4+flaky:1:status:429@a", "say:4+flaky:1:status:503@b"]) {
      emulator.current.reset();
      const answer = await modelOn(emulator.current, { scenario, timeout: 5000, maxRetries: 1 }).invoke("What is 2 + 2?");
      expect(answer.content, scenario).toBe("4");
      expect(attempts(), scenario).toBe(2);
    }
  });

  it("a quota 429 is never retried (error-429-free-models-per-day.transcribed.json)", async () => {
    const error = (await failureOf("fixture:error-429-free-models-per-day.transcribed.json")) as OpenRouterRateLimitError;
    expect(error).toBeInstanceOf(OpenRouterRateLimitError);
    expect(error.rateLimitType).toBe("stop");
    // from X-RateLimit-Reset, echoed in metadata.headers (0 once the recorded reset has passed)
    expect(error.retryAfterMs).toBeTypeOf("number");
    expect(attempts()).toBe(1);
  });

  it("holds for every client on the transport: OpenRouterClient too", async () => {
    const client = new OpenRouterClient({
      apiKey: CANARY_API_KEY,
      baseURL: emulator.current.baseURLFor("status:503+retry-after:120"),
      maxRetries: 3,
    });
    const error = await client.getKeyInfo().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect((error as OpenRouterError).retryAfterMs).toBe(120_000);
    expect(emulator.current.requests.filter((request) => request.path === "/api/v1/key")).toHaveLength(1);
  });
});
