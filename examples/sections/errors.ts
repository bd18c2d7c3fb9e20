// Typed errors and retries: each failure OpenRouter can answer with, as the error a user catches.
import * as coreErrors from "@langchain/core/errors";
import { OpenRouterError, OpenRouterModerationError, OpenRouterRateLimitError } from "../../src/index.js";
import type { TourSection } from "../tour_context.js";

export const errors: TourSection = {
  title: "Errors and retries",
  async run({ live, model: create, baseURLFor, show }) {
    if (live) {
      const error = await create({ model: "no-such-author/no-such-model" })
        .invoke("hi")
        .catch((caught: unknown) => caught);
      show("unknown model", OpenRouterError.isInstance(error) ? `${error.name}: ${error.message}` : error);
      return;
    }
    const cases: [string, string][] = [
      ["402 insufficient credits", "status:402"],
      ["403 moderation", "status:403"],
      ["400 provider error (raw upstream message)", "status:400"],
      ["502 HTML from a proxy", "html:502"],
      ["mid-stream error chunk", "mid-stream-error"],
    ];
    for (const [label, scenario] of cases) {
      const model = create({ model: "openai/gpt-4o", baseURL: baseURLFor(scenario), maxRetries: 0 });
      const error = await (scenario === "mid-stream-error"
        ? (async () => {
            for await (const _chunk of await model.stream("hi")) void _chunk;
          })()
        : model.invoke("hi")
      ).catch((caught: unknown) => caught);
      if (OpenRouterModerationError.isInstance(error)) {
        // the emulator's 403 body is reconstructed from OpenRouter's docs, which do not quote the message:
        // show the fields a program reads instead of the placeholder message
        show(label, `${error.name} — reasons: ${error.reasons.join(", ")} (message not shown: the emulator's 403 body is reconstructed, and OpenRouter's wording is not on record)`);
        continue;
      }
      show(label, OpenRouterError.isInstance(error) ? `${error.name} — ${error.message.split("\n")[0]}` : error);
    }
    const retried = create({ model: "openai/gpt-4o", baseURL: baseURLFor("flaky:2:retry-after:0.05"), maxRetries: 2 });
    show("429 twice, then retried with Retry-After", `2 + 2 = ${(await retried.invoke("What is 2 + 2?")).content}`);
    const exhausted = create({ model: "openai/gpt-4o", baseURL: baseURLFor("retry-after:0.05"), maxRetries: 1 });
    const error = await exhausted.invoke("hi").catch((caught: unknown) => caught);
    show("429 after retries run out", error instanceof OpenRouterRateLimitError ? `retryAfterMs=${error.retryAfterMs}` : error);

    // what LangChain's agents key on: core's ContextOverflowError (summarization middleware compacts the
    // history on it) and the retryability mark (agent middleware does not retry a 401 or a 402)
    const long = create({ model: "deepseek/deepseek-chat", baseURL: baseURLFor("fixture:error-400-context-length-chutes.transcribed.json"), maxRetries: 0 });
    const overflow = await long.invoke("a very long history…").catch((caught: unknown) => caught);
    const core = coreErrors as { ContextOverflowError?: { isInstance(value: unknown): boolean }; getRetryable?: (error: unknown) => boolean | undefined };
    show("context overflow", {
      class: (overflow as Error).name,
      "ContextOverflowError.isInstance": core.ContextOverflowError?.isInstance(overflow) ?? "(core < 1.4)",
      retryable: core.getRetryable?.(overflow) ?? (overflow as OpenRouterError).retryable,
      lc_error_code: (overflow as OpenRouterError).lc_error_code,
    });
  },
};
