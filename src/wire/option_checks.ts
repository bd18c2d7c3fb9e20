// The one way options are checked, for every client: a table of checks per option, each saying
// what the value must be, and one function that throws the TypeError naming the option, the rule
// and (never the key) what it got. Bad options fail before any request: OpenRouter never saw them.
import { isRecord } from "./is_record.js";
import { withoutUserinfo } from "./redact.js";

/** What `value` must be, or undefined when it is fine. */
export type Check = (value: unknown) => string | undefined;

/** One check per option of `Options`: a new option without a check does not compile. */
export type Checks<Options> = { readonly [Key in keyof Required<Options>]: Check };

export const finiteNumber: Check = (value) => (typeof value === "number" && Number.isFinite(value) ? undefined : "a finite number");
export const integer =
  (min: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min ? undefined : `an integer ≥ ${min}`;
export const milliseconds: Check = (value) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? undefined : "a number of milliseconds > 0";
export const string: Check = (value) => (typeof value === "string" ? undefined : "a string");
export const boolean: Check = (value) => (typeof value === "boolean" ? undefined : "true or false");
export const object: Check = (value) => (isRecord(value) ? undefined : "an object");
export const stringArray: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === "string") ? undefined : "an array of strings";
export const fetchFunction: Check = (value) => (typeof value === "function" ? undefined : "a fetch function");
/** A non-empty model slug; `example` names one of the client's kind. */
export const modelSlug =
  (example: string): Check =>
  (value) =>
    typeof value === "string" && value.trim() !== "" ? undefined : `a non-empty model slug such as "${example}"`;

/** How a bad value is quoted in the message: never a key, never a URL's credentials, at most 80 characters. */
function shown(key: string, value: unknown): string {
  if (key === "apiKey") return "(hidden)";
  if (typeof value === "function") return "a function";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return withoutUserinfo(text).slice(0, 80);
}

/**
 * Throws a TypeError for the first option whose value fails its check, e.g. `ChatOpenRouter call
 * option "temperature" must be a finite number; got "hot".` Options without a check, and
 * undefined values, are left to the caller.
 */
export function checkOptions(
  options: object,
  checks: Readonly<Record<string, Check | undefined>>,
  subject: string
): void {
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const problem = Object.hasOwn(checks, key) ? checks[key]?.(value) : undefined;
    if (problem) throw new TypeError(`${subject} "${key}" must be ${problem}; got ${shown(key, value)}.`);
  }
}

/**
 * Throws a TypeError naming every option outside `known`, e.g. `OpenRouterRerank got unknown
 * option "topK"; known: model, topN, …`: a typo, or an option of another integration, is never
 * silently dropped.
 */
export function refuseUnknownOptions(options: object, known: ReadonlySet<string>, subject: string): void {
  const unknown = Object.keys(options).filter((key) => !known.has(key));
  if (unknown.length === 0) return;
  const names = unknown.map((key) => `"${key}"`).join(", ");
  throw new TypeError(`${subject} got unknown option${unknown.length > 1 ? "s" : ""} ${names}; known: ${[...known].join(", ")}.`);
}
