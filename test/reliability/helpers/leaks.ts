// What a finished request may leave behind: timers, listeners on the caller's signal, heap.
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Listeners still attached to a signal's "abort" event. */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, "abort").length;
}

/** Ref'd timers pending in this process (unref'd ones, such as the emulator's idle timers, do not count). */
export function pendingTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
}

/** Polls `condition` every 20 ms until it holds; throws with `what` (and the last value) after `limitMs`. */
export async function eventually<T>(read: () => T, holds: (value: T) => boolean, what: string, limitMs = 5_000): Promise<T> {
  const deadline = performance.now() + limitMs;
  for (;;) {
    const value = read();
    if (holds(value)) return value;
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${limitMs} ms (last value: ${String(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let gcFunction: (() => void) | undefined;

/** A full garbage collection, without needing `--expose-gc` on the command line. */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString("--expose-gc");
    gcFunction = runInNewContext("gc") as () => void;
  }
  gcFunction();
  gcFunction();
}
