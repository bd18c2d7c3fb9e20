// The marks our errors carry, as Symbol.for keys (registered globally, so every copy of this package
// and of @langchain/core agrees; wire/ imports nothing of LangChain, it only names the same keys):
// - class brands, named as core's error namespace names them (`langchain.error`, then
//   `langchain.error.openrouter[.<marker>]`, as the published 0.4 package brands its errors), so
//   `isInstance` and `instanceof` hold across the ESM and CJS copies, and core's
//   `LangChainError.isInstance` agrees;
// - core's own markers, e.g. `langchain.error.context-overflow`, which `ContextOverflowError.isInstance`
//   reads (core ≥ 1.4; on older cores nothing reads it);
// - core's retryability mark `langchain.errors.retryable` (what `stampRetryable` sets and
//   `getRetryable` reads, so LangChain's agent middleware retries exactly what our policy would).

const ROOT_BRAND = "langchain.error.openrouter";
const RETRYABLE = Symbol.for("langchain.errors.retryable");
// each class's brand; a subclass without its own (a user's) has its nearest ancestor's
const CLASS_BRANDS = new WeakMap<object, symbol>();

/** Brands a class: its prototype carries the symbol, `brandOf` finds it. */
export function brand(errorClass: abstract new (...args: never[]) => unknown, marker?: string): void {
  const symbol = Symbol.for(marker === undefined ? ROOT_BRAND : `${ROOT_BRAND}.${marker}`);
  CLASS_BRANDS.set(errorClass, symbol);
  Object.defineProperty(errorClass.prototype, symbol, { value: true });
}

/** The class's brand, else its nearest ancestor's. */
export function brandOf(errorClass: object | null): symbol | undefined {
  if (errorClass === null) return undefined;
  return CLASS_BRANDS.get(errorClass) ?? brandOf(Object.getPrototypeOf(errorClass) as object | null);
}

/** Whether `value` carries the brand `symbol`. */
export function hasBrand(value: unknown, symbol: symbol | undefined): boolean {
  return typeof value === "object" && value !== null && symbol !== undefined && (value as Record<symbol, unknown>)[symbol] === true;
}

/** Puts one of core's markers (`langchain.error.<marker>`) on a prototype or an instance. */
export function markAsCore(target: object, marker: string): void {
  Object.defineProperty(target, Symbol.for(`langchain.error.${marker}`), { value: true, configurable: true });
}

/** Stamps the error's retryability as core's `stampRetryable` does (own, non-enumerable). */
export function stampRetryable(error: object, retryable: boolean): void {
  Object.defineProperty(error, RETRYABLE, { value: retryable, configurable: true });
}
