// What a failed answer still tells its caller: every stream failure after the 200 (an error chunk, a
// cut body, a reset, a hang, `[DONE]` without a finish reason) is an OpenRouterStreamError whose
// `partialText` is exactly the text the caller already received, with the last usage and the
// generation id; a non-streamed answer that failed inside its 200 carries its choice's content.
import type { AIMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { OpenRouterError, OpenRouterProviderError, OpenRouterStreamError, OpenRouterTimeoutError } from "../src/index.js";
import { CANARY_API_KEY, modelOn, scenarioText, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();

/** core's ChatModelStream, as far as these tests read it. */
interface ChatModelStream extends PromiseLike<AIMessage> {
  text: AsyncIterable<string>;
}

type Received = { text: string; error: unknown };

/** The text a path handed its caller before it failed, and the error it failed with. */
type Path = (scenario: string, fields?: Parameters<typeof modelOn>[1]) => Promise<Received>;

const paths: [string, Path][] = [
  [
    "stream()",
    async (scenario, fields) => {
      let text = "";
      try {
        for await (const chunk of await modelOn(emulator.current, { scenario, maxRetries: 0, ...fields }).stream("hi")) text += chunk.text;
      } catch (error) {
        return { text, error };
      }
      return { text, error: undefined };
    },
  ],
  [
    "streamEvents v2",
    async (scenario, fields) => {
      let text = "";
      try {
        const model = modelOn(emulator.current, { scenario, maxRetries: 0, ...fields });
        for await (const event of model.streamEvents("hi", { version: "v2" })) {
          if (event.event === "on_chat_model_stream") text += (event.data.chunk as { text: string }).text;
        }
      } catch (error) {
        return { text, error };
      }
      return { text, error: undefined };
    },
  ],
  [
    "content-block streamEvents",
    async (scenario, fields) => {
      let text = "";
      try {
        const model = modelOn(emulator.current, { scenario, maxRetries: 0, ...fields });
        const stream = (model.streamEvents as (input: string) => unknown)("hi") as ChatModelStream;
        for await (const delta of stream.text) text += delta;
      } catch (error) {
        return { text, error };
      }
      return { text, error: undefined };
    },
  ],
  [
    "invoke with streaming: true",
    async (scenario, fields) => {
      const text = "";
      try {
        await modelOn(emulator.current, { scenario, maxRetries: 0, streaming: true, ...fields }).invoke("hi");
      } catch (error) {
        return { text, error };
      }
      return { text, error: undefined };
    },
  ],
];

// each cut after some of the answer's text: the words come from `say:` so the received text is known
const SAID = "The sea is wide and the sea is deep and the sea is grey";
const failures: [string, string, Record<string, unknown>?][] = [
  ["an error chunk mid-stream", "mid-stream-error"],
  ["a body cut before [DONE]", "truncate"],
  ["a socket reset mid-body", "reset-mid-body"],
  ["a server that hangs mid-answer (the idle timeout)", "stall-mid-body", { timeout: 300 }],
];

describe("partialText: the text received before a stream failed", () => {
  describe.each(paths)("%s", (_, run) => {
    it.each(failures)("%s: exactly the text already received, and the generation id", async (_, fault, fields) => {
      const { text, error } = await run(`${scenarioText("say", SAID)}+${fault}`, fields);
      expect(error).toBeInstanceOf(OpenRouterStreamError);
      const failure = error as OpenRouterStreamError;
      expect(failure.partialText).toBe(SAID.slice(0, failure.partialText!.length));
      expect(failure.partialText!.length).toBeGreaterThan(0);
      // invoke hands nothing out before it raises; the streaming paths handed out exactly this much
      if (text !== "") expect(failure.partialText).toBe(text);
      expect(failure.generationId).toMatch(/^gen-/);
    });
  });

  it("is the recorded stream's text at its real error chunk (stream-mid-stream-error-with-usage.sse), with the chunk's usage", async () => {
    for (const [, run] of paths) {
      const { error } = await run("fixture:stream-mid-stream-error-with-usage.sse");
      const failure = error as OpenRouterStreamError;
      // the recorded answer was all reasoning: no text had come, which is known, not unknown
      expect(failure.partialText).toBe("");
      expect(failure.usage).toMatchObject({ prompt_tokens: 43, completion_tokens: 10, total_tokens: 53 });
      expect(failure.generationId).toBe("gen-1762179802-UN8pkJI4AGZvryk0kFnb");
    }
  });

  it("[DONE] before any finish reason: the text received, on every path", async () => {
    for (const [name, run] of paths) {
      const { text, error } = await run("fixture:stream-done-without-finish-reason.handmade.sse");
      expect(error, name).toBeInstanceOf(OpenRouterStreamError);
      expect((error as Error).message).toContain("finish reason");
      expect((error as OpenRouterStreamError).partialText!.length, name).toBeGreaterThan(0);
      if (text !== "") expect((error as OpenRouterStreamError).partialText, name).toBe(text);
    }
  });

  it("the idle timeout mid-stream: a stream error whose cause is the timeout, with the text so far", async () => {
    const { error } = await paths[0]![1](`${scenarioText("say", SAID)}+stall-mid-body`, { timeout: 300 });
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect((error as Error).cause).toBeInstanceOf(OpenRouterTimeoutError);
    expect((error as OpenRouterStreamError).partialText).toBe(SAID.slice(0, (error as OpenRouterStreamError).partialText!.length));
  });

  it("a failure before any text is partialText '' (known empty), not undefined", async () => {
    const { error } = await paths[0]![1]("error-in-200");
    expect(error).toBeInstanceOf(OpenRouterStreamError);
    expect((error as OpenRouterStreamError).partialText).toBe("");
  });

  it("never holds the API key, even when the answer echoed it", async () => {
    const { text, error } = await paths[0]![1](`${scenarioText("say", `your key is ${CANARY_API_KEY} and more words follow`)}+truncate`);
    expect(text).toContain(CANARY_API_KEY);
    const failure = error as OpenRouterStreamError;
    expect(failure.partialText).toContain("[redacted]");
    expect(JSON.stringify(failure)).not.toContain(CANARY_API_KEY);
    expect(failure.partialText).not.toContain(CANARY_API_KEY);
  });
});

describe("partialText and usage on invoke's in-band errors", () => {
  it("a 200 whose choice failed (error-in-200-nonstreaming-choice.docs-example.json): its content as partialText", async () => {
    const error = await modelOn(emulator.current, { scenario: "error-in-200", maxRetries: 0 })
      .invoke("hi")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect((error as OpenRouterError).partialText).toBe("partial output...");
    expect((error as OpenRouterError).toJSON()).toMatchObject({ partialText: "partial output..." });
  });

  it("an error answered before the 200 has neither", async () => {
    const error = (await modelOn(emulator.current, { scenario: "status:400", maxRetries: 0 })
      .invoke("hi")
      .catch((caught: unknown) => caught)) as OpenRouterError;
    expect(error).toBeInstanceOf(OpenRouterError);
    expect(error.partialText).toBeUndefined();
    expect(error.usage).toBeUndefined();
  });
});
