// A JSON value's leaves with their dotted paths (`choices.0.message.content`), for the tests that walk
// every field of a fixture to where it lands on the message.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every leaf (scalar, or empty list or object) of `value`, with its path. */
export function leaves(value: Json, prefix = ""): [string, Json][] {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    if (entries.length === 0) return [[prefix, value]];
    return entries.flatMap(([key, item]) => leaves(item, prefix === "" ? key : `${prefix}.${key}`));
  }
  return [[prefix, value]];
}
