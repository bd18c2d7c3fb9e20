// Every timeout of a call is an OpenRouterTimeoutError, whoever set the limit: the constructor's
// `timeout`, the `{ timeout }` call option or the caller's AbortSignal.timeout (its DOMException kept
// as `cause`). A caller's own abort stays that abort.
import { describe, expect, it } from "vitest";
import { OpenRouterTimeoutError } from "../src/index.js";
import { modelOn, useEmulator } from "./helpers/emulator.js";

const emulator = useEmulator();
const stalled = () => modelOn(emulator.current, { scenario: "stall", maxRetries: 0 });

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _item of iterable) void _item;
}

const timeoutCases: [string, () => Promise<unknown>][] = [
  ["invoke with { timeout }", () => stalled().invoke("hi", { timeout: 150 })],
  ["invoke with AbortSignal.timeout", () => stalled().invoke("hi", { signal: AbortSignal.timeout(150) })],
  ["stream with { timeout }", async () => drain(await stalled().stream("hi", { timeout: 150 }))],
  ["stream with AbortSignal.timeout", async () => drain(await stalled().stream("hi", { signal: AbortSignal.timeout(150) }))],
  ["a binding's stream with { timeout }", async () => drain(await stalled().withConfig({ temperature: 0 }).stream("hi", { timeout: 150 }))],
  ["streamEvents v2 with { timeout }", () => drain(stalled().streamEvents("hi", { version: "v2", timeout: 150 }))],
  ["content-block streamEvents with { timeout }", () => drain(stalled().streamEvents("hi", { timeout: 150 }))],
  ["batch with { timeout }", () => stalled().batch(["hi"], { timeout: 150 })],
];

describe("a call's own time limit", () => {
  it.each(timeoutCases)("%s raises OpenRouterTimeoutError with the abort reason as cause", async (_title, call) => {
    const error = await call().then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterTimeoutError);
    expect((error as Error).message).toContain("Raise the call's { timeout } or its AbortSignal.timeout(ms)");
    expect((error as { cause?: { name?: string } }).cause?.name).toBe("TimeoutError");
  });

  it("the constructor's timeout is the same class, naming the option", async () => {
    const error = await modelOn(emulator.current, { scenario: "stall", maxRetries: 0, timeout: 150 }).invoke("hi").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenRouterTimeoutError);
    expect((error as Error).message).toMatch(/did not answer within 150 ms/);
  });

  it("a caller's own abort stays that abort, on invoke and stream", async () => {
    const reason = new Error("user pressed stop");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 100);
    await expect(stalled().invoke("hi", { signal: controller.signal })).rejects.toBe(reason);
    const again = new AbortController();
    setTimeout(() => again.abort(reason), 100);
    await expect((async () => drain(await stalled().stream("hi", { signal: again.signal })))()).rejects.toBe(reason);
  });

  it("a finished stream lets go of the caller's signal and its time limit", async () => {
    const controller = new AbortController();
    const model = modelOn(emulator.current, { maxRetries: 0 });
    await drain(await model.stream("hi", { signal: controller.signal, timeout: 60_000 }));
    // aborting after the stream ended reaches nothing: no late rejection, no timer left behind
    controller.abort(new Error("late"));
    expect((await model.invoke("hi")).text).not.toBe("");
  });
});
