// One attempt's abort signal: the caller's signal, a timeout, and our own abort, with every
// listener and timer removed by `dispose()` so nothing outlives the request.

export class AbortScope {
  #controller: AbortController | undefined;
  /** Made on first use: an attempt without a timeout or a caller's signal never needs one. */
  get controller(): AbortController {
    return (this.#controller ??= new AbortController());
  }
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  /** True once the timeout (not the caller) aborted the attempt. */
  timedOut = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onParentAbort = () => this.controller.abort(this.parent?.reason);

  constructor(
    private readonly parent: AbortSignal | undefined,
    readonly timeoutMs: number | undefined
  ) {
    if (parent) {
      if (parent.aborted) this.controller.abort(parent.reason);
      else parent.addEventListener("abort", this.onParentAbort, { once: true });
    }
    this.arm();
  }

  /** (Re)starts the timeout; used per attempt and, on streams, while waiting for the next bytes. */
  arm(): void {
    if (this.timeoutMs === undefined || this.signal.aborted) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.timeoutMs);
  }

  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disarm();
    this.parent?.removeEventListener("abort", this.onParentAbort);
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
