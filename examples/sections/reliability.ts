// Nothing is lost silently: a cut stream, a stalled answer and a caller's abort each end in an
// error the caller can catch, with what had already arrived; a flaky provider is retried.
import type { AIMessageChunk } from "@langchain/core/messages";
import { OpenRouterStreamError, OpenRouterTimeoutError } from "../../src/index.js";
import type { TourSection } from "../tour_context.js";

const describe = (error: unknown) => (error instanceof Error ? `${error.name} — ${error.message.split("\n")[0]}` : String(error));

/** The tour fails when a step does not end as this section says it does. */
function expectError(error: unknown, check: (error: unknown) => boolean, what: string): void {
  if (!check(error)) throw new Error(`expected ${what}, got ${describe(error)}`);
}

export const reliability: TourSection = {
  title: "Reliability: cut streams, stalls, aborts",
  async run({ live, model: create, baseURLFor, show }) {
    // a caller's abort ends a stream at once, keeping what arrived (works live too)
    const controller = new AbortController();
    let received: AIMessageChunk | undefined;
    const aborted = await (async () => {
      const stream = await create({ model: "openai/gpt-4o-mini" }).stream("Write a short poem about the sea.", { signal: controller.signal });
      for await (const chunk of stream) {
        received = received ? received.concat(chunk) : chunk;
        if (received.text.length > 0) controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expectError(aborted, (error) => error instanceof Error && error.name === "AbortError", "an AbortError");
    show("aborted mid-stream", `${describe(aborted)}; kept ${JSON.stringify(received?.text ?? "")}`);
    if (live) return;

    let partial = "";
    const cut = await (async () => {
      const stream = await create({ model: "openai/gpt-4o-mini", baseURL: baseURLFor("truncate"), maxRetries: 0 }).stream("Tell me a joke.");
      for await (const chunk of stream) partial += chunk.text;
    })().catch((caught: unknown) => caught);
    expectError(cut, (error) => error instanceof OpenRouterStreamError, "OpenRouterStreamError");
    show("stream cut before [DONE]", `${describe(cut)}; text so far ${JSON.stringify(partial)}`);

    const stalled = await create({ model: "openai/gpt-4o-mini", baseURL: baseURLFor("stall"), timeout: 200, maxRetries: 0 })
      .invoke("hi")
      .catch((caught: unknown) => caught);
    expectError(stalled, (error) => error instanceof OpenRouterTimeoutError, "OpenRouterTimeoutError");
    show("no answer within timeout: 200", describe(stalled));

    const reset = create({ model: "openai/gpt-4o-mini", baseURL: baseURLFor("flaky:1:reset@tour"), maxRetries: 1 });
    show("connection reset once, then retried", `2 + 2 = ${(await reset.invoke("What is 2 + 2?")).content}`);
  },
};
