// One streamed chunk → the completion facts it carries (id, served model and provider, usage,
// finish reasons, logprobs…). Both stream paths (`stream()` and `streamEvents()`) fold every chunk
// through here, so what they report about a completion cannot drift apart.
import type { OpenRouterDelta, OpenRouterStreamChunk } from "../wire/types.js";
import { appendLogprobs, type CompletionFacts } from "./from_wire_metadata.js";

/** Folds the chunk's facts into `facts` and returns its first choice's delta, if any. */
export function foldChunkFacts(chunk: OpenRouterStreamChunk, facts: CompletionFacts): OpenRouterDelta | undefined {
  if (facts.id === undefined) {
    facts.id = chunk.id;
    facts.model = chunk.model;
    facts.provider = chunk.provider;
    facts.created = chunk.created;
  }
  if (chunk.usage) facts.usage = chunk.usage;
  if (chunk.system_fingerprint != null) facts.system_fingerprint = chunk.system_fingerprint;
  if (chunk.service_tier != null) facts.service_tier = chunk.service_tier;
  if (chunk.openrouter_metadata != null) facts.openrouter_metadata = chunk.openrouter_metadata;
  if (chunk.debug != null) facts.debug = chunk.debug;
  // the Responses API's finish chunk (from_responses_event.ts)
  if (chunk.output_items != null) facts.output_items = chunk.output_items;
  if (chunk.incomplete_details != null) facts.incomplete_details = chunk.incomplete_details;
  if (chunk.responses_fields != null) facts.responses_fields = chunk.responses_fields;
  const choice = chunk.choices?.[0];
  if (!choice) return undefined;
  // the usage chunk may repeat the choice with finish_reason null after "stop" (api.md §4.4)
  if (choice.finish_reason != null) facts.finish_reason = choice.finish_reason;
  if (choice.native_finish_reason != null) facts.native_finish_reason = choice.native_finish_reason;
  if (choice.logprobs != null) facts.logprobs = appendLogprobs(facts.logprobs, choice.logprobs);
  return choice.delta ?? undefined;
}
