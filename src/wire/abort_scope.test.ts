import { describe, expect, it } from "vitest";
import { abortListeners, pendingTimers } from "../../test/reliability/helpers/leaks.js";
import { AbortScope, sleep } from "./abort_scope.js";

/** Resolves when `signal` aborts (at once if it already has). */
function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(signal.reason);
    else signal.addEventListener("abort", () => resolve(signal.reason), { once: true });
  });
}

describe("AbortScope", () => {
  it("without a caller's signal or a timeout: never aborts, sets no timer", () => {
    const timers = pendingTimers();
    const scope = new AbortScope(undefined, undefined);
    expect(pendingTimers()).toBe(timers);
    scope.arm();
    expect(pendingTimers()).toBe(timers);
    expect(scope.signal.aborted).toBe(false);
    expect(scope.timedOut).toBe(false);
    scope.dispose();
  });

  it("follows the caller's abort with the caller's reason, and is not a timeout", async () => {
    const caller = new AbortController();
    const scope = new AbortScope(caller.signal, 60_000);
    const reason = new Error("user pressed stop");
    caller.abort(reason);
    expect(await aborted(scope.signal)).toBe(reason);
    expect(scope.timedOut).toBe(false);
    scope.dispose();
  });

  it("a caller's signal already aborted: the scope starts aborted, with no listener and no timer", () => {
    const timers = pendingTimers();
    const reason = new Error("gone before the call");
    const parent = AbortSignal.abort(reason);
    const scope = new AbortScope(parent, 60_000);
    expect(scope.signal.aborted).toBe(true);
    expect(scope.signal.reason).toBe(reason);
    expect(abortListeners(parent)).toBe(0);
    expect(pendingTimers()).toBe(timers);
    scope.dispose();
  });

  it("times out after timeoutMs: aborts and says timedOut, the caller's signal untouched", async () => {
    const caller = new AbortController();
    const scope = new AbortScope(caller.signal, 5);
    const reason = await aborted(scope.signal);
    expect(scope.timedOut).toBe(true);
    expect((reason as Error).name).toBe("AbortError");
    expect(caller.signal.aborted).toBe(false);
    scope.dispose();
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it("arm() restarts the one timer rather than adding one; disarm() clears it", () => {
    const timers = pendingTimers();
    const scope = new AbortScope(undefined, 60_000);
    expect(pendingTimers()).toBe(timers + 1);
    scope.arm();
    scope.arm();
    expect(pendingTimers()).toBe(timers + 1);
    scope.disarm();
    expect(pendingTimers()).toBe(timers);
    scope.arm();
    expect(pendingTimers()).toBe(timers + 1);
    scope.dispose();
    expect(pendingTimers()).toBe(timers);
    expect(scope.signal.aborted).toBe(false);
  });

  it("dispose() removes its listener from the caller's signal and clears its timer: a later abort no longer reaches it", () => {
    const timers = pendingTimers();
    const caller = new AbortController();
    const scope = new AbortScope(caller.signal, 60_000);
    expect(abortListeners(caller.signal)).toBe(1);
    scope.dispose();
    expect(abortListeners(caller.signal)).toBe(0);
    expect(pendingTimers()).toBe(timers);
    caller.abort();
    expect(scope.signal.aborted).toBe(false);
  });

  it("arm() after the scope aborted sets no timer", () => {
    const caller = new AbortController();
    const scope = new AbortScope(caller.signal, 60_000);
    caller.abort();
    const timers = pendingTimers();
    scope.arm();
    expect(pendingTimers()).toBe(timers);
    scope.dispose();
  });
});

describe("sleep", () => {
  it("resolves after the wait and leaves no listener on the signal", async () => {
    const caller = new AbortController();
    const started = performance.now();
    const waiting = sleep(30, caller.signal);
    expect(abortListeners(caller.signal)).toBe(1);
    await waiting;
    // timers may fire a millisecond or two early against performance.now()
    expect(performance.now() - started).toBeGreaterThanOrEqual(27);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it("rejects with the signal's reason as soon as it aborts, and clears its timer", async () => {
    const caller = new AbortController();
    const timers = pendingTimers();
    const waiting = sleep(60_000, caller.signal);
    expect(pendingTimers()).toBe(timers + 1);
    const reason = new Error("stop waiting");
    caller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(pendingTimers()).toBe(timers);
  });

  it("rejects at once, without a timer, when the signal already aborted", async () => {
    const reason = new Error("already");
    const timers = pendingTimers();
    const waiting = sleep(60_000, AbortSignal.abort(reason));
    expect(pendingTimers()).toBe(timers);
    await expect(waiting).rejects.toBe(reason);
  });

  it("without a signal: just waits", async () => {
    await expect(sleep(1, undefined)).resolves.toBeUndefined();
  });
});
