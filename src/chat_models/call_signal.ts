// A call's `timeout` and `signal`, folded into one signal before core sees them, whose abort reason
// for a timeout is already an OpenRouterTimeoutError (the DOMException kept as its `cause`). Core
// races every streamed step against the call's signal and rejects with its reason, so a stream's
// timeout gets our type only if the reason is ours from the start. A caller's own abort keeps its
// reason. The fold is released (timer cleared, listener removed) when the stream's reading ends.
import { callerAbortFailure } from "../wire/transport_errors.js";

interface SignalOptions {
  signal?: AbortSignal;
  timeout?: number;
  metadata?: Record<string, unknown>;
}

const releases = new WeakMap<AbortSignal, () => void>();

/** The options with `timeout` and `signal` replaced by one signal whose timeout reason is typed; as they are when neither is set. */
export function withTypedTimeout<O extends SignalOptions>(options: O | undefined): O | undefined {
  if (options === undefined || (options.signal === undefined && options.timeout === undefined)) return options;
  const { signal, timeout, ...rest } = options;
  if (timeout !== undefined && !(timeout > 0)) return options; // core names the bad value
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    releases.delete(controller.signal);
  };
  const abort = (reason: unknown): void => {
    release();
    controller.abort(callerAbortFailure(reason));
  };
  const onAbort = (): void => abort(signal?.reason);
  if (signal?.aborted) abort(signal.reason);
  else {
    signal?.addEventListener("abort", onAbort, { once: true });
    if (timeout !== undefined) {
      timer = setTimeout(() => abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")), timeout);
      // as AbortSignal.timeout: a pending limit does not keep Node alive
      (timer as { unref?: () => void }).unref?.();
    }
    releases.set(controller.signal, release);
  }
  // core notes the limit in the run's metadata when it makes the timeout itself; so do we
  const metadata = timeout === undefined || rest.metadata?.["timeoutMs"] !== undefined ? rest.metadata : { ...rest.metadata, timeoutMs: timeout };
  return { ...rest, ...(metadata === undefined ? {} : { metadata }), signal: controller.signal } as O;
}

/** Ends the fold `withTypedTimeout` made for this signal, if it made one. */
export function releaseTypedTimeout(signal: AbortSignal | undefined): void {
  if (signal !== undefined) releases.get(signal)?.();
}
