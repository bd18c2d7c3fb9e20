import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../test/helpers/fixtures.js";
import type { Seen } from "./read_sse.js";
import { responsesProtocol } from "./responses_protocol.js";
import type { OpenRouterResponsesEvent } from "./responses_types.js";

describe("responsesProtocol", () => {
  it("a response.failed event fails with its error and the error_type beside it", () => {
    const seen: Seen = { text: "" };
    const failed = { type: "response.failed", response: { id: "resp_1", status: "failed", error: { code: "server_error", message: "Invalid credentials" }, error_type: "authentication" } };
    expect(responsesProtocol.observe(failed, seen)).toEqual({ code: "server_error", message: "Invalid credentials", error_type: "authentication" });
  });

  it("the spec's response.failed example (error: null) still fails, naming the status", () => {
    const verdict = responsesProtocol.observe(fixtureJson<OpenRouterResponsesEvent>("responses-stream-failed-event.spec-example.json"), { text: "" });
    expect(verdict).toEqual({ message: "the response ended with status failed" });
  });

  it("an error event fails with its own fields; text, id and usage are folded; completion finishes", () => {
    const seen: Seen = { text: "" };
    expect(responsesProtocol.observe({ type: "response.created", response: { id: "resp_2" } }, seen)).toBeUndefined();
    responsesProtocol.observe({ type: "response.output_text.delta", delta: "Hel" }, seen);
    responsesProtocol.observe({ type: "response.content_part.delta", delta: "lo" }, seen);
    expect(seen).toEqual({ text: "Hello", generationId: "resp_2" });
    expect(responsesProtocol.observe(fixtureJson<OpenRouterResponsesEvent>("responses-stream-error-event.spec-example.json"), seen)).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
    });
    expect(responsesProtocol.observe({ type: "response.done", response: { usage: { input_tokens: 1 } } }, seen)).toBe("finish");
    expect(seen.usage).toEqual({ input_tokens: 1 });
  });
});
