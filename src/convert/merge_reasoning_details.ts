// Streamed `reasoning_details` fragments → the details a non-streamed answer carries, byte-exact.
//
// OpenRouter streams each detail as fragments sharing its (type, index): the growing fields
// (`text`, `summary`) arrive in pieces, the once-only ones (`signature`, `format`, `id`, `data`)
// once, sometimes first as `""` (Anthropic opens a block with `signature: ""`). A fragment without
// an index is a whole detail of its own. Key order is the first fragment's, then new keys as they
// come, as the wire's own merge gives them.
import type { OpenRouterReasoningDetail } from "../wire/types.js";

const GROWING: ReadonlySet<string> = new Set(["text", "summary"]);

/** The details merged so far, in first-seen order, and where each (type, index) lives in it. */
export interface MergedReasoningDetails {
  details: OpenRouterReasoningDetail[];
  byKey: Map<string, OpenRouterReasoningDetail>;
}

export function newMergedReasoningDetails(): MergedReasoningDetails {
  return { details: [], byKey: new Map() };
}

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === "";

/**
 * Folds one fragment in and returns its readable text (`text` or `summary`), "" when it has none.
 * A fragment of the wrong shape is skipped, never a TypeError.
 */
export function mergeReasoningFragment(merged: MergedReasoningDetails, fragment: unknown): string {
  if (typeof fragment !== "object" || fragment === null || Array.isArray(fragment)) return "";
  const detail = fragment as OpenRouterReasoningDetail;
  const readable = detail.type === "reasoning.summary" ? detail.summary : detail.text;
  const text = typeof readable === "string" ? readable : "";
  if (typeof detail.index !== "number" && typeof detail.index !== "string") {
    merged.details.push({ ...detail });
    return text;
  }
  const key = `${String(detail.type)}#${String(detail.index)}`;
  const into = merged.byKey.get(key) as Record<string, unknown> | undefined;
  if (into === undefined) {
    const copy = { ...detail };
    merged.byKey.set(key, copy);
    merged.details.push(copy);
    return text;
  }
  for (const field in detail) {
    const value = (detail as Record<string, unknown>)[field];
    if (GROWING.has(field) && typeof value === "string") {
      const before = into[field];
      into[field] = typeof before === "string" ? before + value : value;
    } else if (!(field in into) || (isEmpty(into[field]) && !isEmpty(value))) {
      into[field] = value;
    }
  }
  return text;
}
