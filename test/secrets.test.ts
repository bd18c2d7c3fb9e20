import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ChatOpenRouter } from "../src/index.js";
import { CANARY_API_KEY, modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

/** Everything a user or a logger could print of an error: message, stack, cause chain, JSON. */
function everythingPrintedOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current != null && depth < 6; depth++) {
    parts.push(String(current), inspect(current, { depth: 10, showHidden: true }));
    const withFields = current as { stack?: string; toJSON?: () => unknown; cause?: unknown };
    parts.push(withFields.stack ?? "", JSON.stringify(withFields.toJSON?.() ?? current) ?? "");
    current = withFields.cause;
  }
  return parts.join("\n");
}

const SCENARIOS = [
  "status:400",
  "status:401",
  "status:402",
  "status:403",
  "status:404",
  "status:429",
  "status:500",
  "status:502",
  "html:502",
  "empty:503",
  "reset",
  "reset-mid-body",
  "mid-stream-error",
  "error-in-200",
  "truncate",
  "stall",
  "fixture:error-400-provider-returned-error-openai.transcribed.json",
  "fixture:stream-mid-stream-error-with-usage.sse",
];

describe("the API key never leaks", () => {
  it.each(SCENARIOS)("%s: not in the error of invoke or stream, nor in callback payloads", async (scenario) => {
    const seen: unknown[] = [];
    const callbacks = [
      {
        handleChatModelStart: (...args: unknown[]) => void seen.push(args),
        handleLLMError: (...args: unknown[]) => void seen.push(args),
        handleLLMEnd: (...args: unknown[]) => void seen.push(args),
      },
    ];
    const model = modelOn(emulator.current, { scenario, maxRetries: 0, timeout: 200 });
    const invokeError = await model.invoke("hi", { callbacks }).catch((caught: unknown) => caught);
    const streamError = await (async () => {
      for await (const _chunk of await model.stream("hi", { callbacks })) void _chunk;
    })().catch((caught: unknown) => caught);
    expect(invokeError ?? streamError).toBeInstanceOf(Error);
    expect(everythingPrintedOf(invokeError)).not.toContain(CANARY_API_KEY);
    expect(everythingPrintedOf(streamError)).not.toContain(CANARY_API_KEY);
    expect(inspect(seen, { depth: 12 })).not.toContain(CANARY_API_KEY);
  });

  it("is redacted even when a proxy echoes it in an error body", async () => {
    const model = modelOn(emulator.current, { scenario: "status:400", maxRetries: 0 });
    const error = await model.invoke(`my key is ${CANARY_API_KEY}`).catch((caught: unknown) => caught);
    expect(everythingPrintedOf(error)).not.toContain(CANARY_API_KEY);
  });

  it("is not in the serialised or inspected model, and toJSON marks it as a secret", () => {
    const model = new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURL });
    expect(JSON.stringify(model)).not.toContain(CANARY_API_KEY);
    expect(inspect(model, { depth: 10 })).not.toContain(CANARY_API_KEY);
    const serialised = JSON.stringify(model.toJSON());
    expect(serialised).not.toContain(CANARY_API_KEY);
    expect(serialised).toContain('"OPENROUTER_API_KEY"');
  });

  it("is not in the error for a missing key", () => {
    expect(() => new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: "" })).toThrow(
      /ChatOpenRouter needs an API key: pass \{ apiKey \} or set OPENROUTER_API_KEY/
    );
  });
});
