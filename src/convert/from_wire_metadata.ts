// The facts of a completion → response_metadata: the served model and provider (api.md §3.1),
// finish reasons, ids, and the raw usage with cost.
import { isRecord } from "../wire/is_record.js";
import type { OpenRouterChatResponse, OpenRouterLogprobs, OpenRouterUsage } from "../wire/types.js";

/** What is known of a completion once it is over; a stream collects it as it goes. */
export interface CompletionFacts {
  id?: string;
  model?: string;
  provider?: string;
  created?: number;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  finish_reason?: string | null;
  native_finish_reason?: string | null;
  usage?: OpenRouterUsage | null;
  logprobs?: OpenRouterLogprobs | null;
  openrouter_metadata?: Record<string, unknown> | null;
  debug?: Record<string, unknown> | null;
  /** Responses API only: why the answer is incomplete, and the output items no chat field holds (server tool calls…), whole. */
  incomplete_details?: Record<string, unknown> | null;
  output_items?: unknown[] | null;
  /** Responses API only: the result's other fields (`object`, `completed_at`, the echoed request…), each kept under its own name. */
  responses_fields?: Record<string, unknown> | null;
  /** The answer's OpenRouter response headers (lower-cased), from {@link headerFactsOf}. */
  headers?: Record<string, string>;
  /** The audio format the request asked for (`audio.format`): OpenRouter does not repeat it, and a clip needs it to be played. */
  audioFormat?: string;
}

// response header → response_metadata key: the response cache's answer (api.md §1.2), and the
// generation id and serving provider OpenRouter also sends as headers (kept where the body lacks them
// or says otherwise)
const HEADER_FACTS: readonly (readonly [header: string, key: string, numeric?: boolean])[] = [
  ["x-openrouter-cache-status", "cache_status"],
  ["x-openrouter-cache-age", "cache_age", true],
  ["x-openrouter-cache-ttl", "cache_ttl", true],
  ["x-openrouter-cache-source-id", "cache_source_id"],
  ["x-generation-id", "generation_id"],
  ["x-provider-name", "provider_name"],
];

/** The OpenRouter headers of an answer worth keeping, or undefined when it sent none. */
export function headerFactsOf(headers: Headers | undefined): Record<string, string> | undefined {
  let facts: Record<string, string> | undefined;
  for (const [header] of HEADER_FACTS) {
    const value = headers?.get(header);
    if (value) (facts ??= {})[header] = value;
  }
  return facts;
}

/** Only the keys OpenRouter sent: an absent fact is left out, never `undefined` or `null`. */
export function fromWireMetadata(facts: CompletionFacts): Record<string, unknown> {
  const metadata: Record<string, unknown> = { model_provider: "openrouter" };
  if (facts.model != null) {
    metadata["model_name"] = facts.model;
    // what LangChain's standard tests read; model_name is what the other LangChain integrations set
    metadata["model"] = facts.model;
  }
  if (facts.provider != null) metadata["provider"] = facts.provider;
  if (facts.id != null) metadata["id"] = facts.id;
  if (facts.created != null) metadata["created"] = facts.created;
  if (facts.system_fingerprint != null) metadata["system_fingerprint"] = facts.system_fingerprint;
  if (facts.service_tier != null) metadata["service_tier"] = facts.service_tier;
  if (facts.finish_reason != null) metadata["finish_reason"] = facts.finish_reason;
  if (facts.native_finish_reason != null) metadata["native_finish_reason"] = facts.native_finish_reason;
  if (facts.usage != null) metadata["usage"] = facts.usage;
  if (facts.logprobs != null) metadata["logprobs"] = facts.logprobs;
  if (facts.openrouter_metadata != null) metadata["openrouter_metadata"] = facts.openrouter_metadata;
  if (facts.debug != null) metadata["debug"] = facts.debug;
  if (facts.incomplete_details != null) metadata["incomplete_details"] = facts.incomplete_details;
  if (facts.output_items != null) metadata["output_items"] = facts.output_items;
  // never over a fact above
  for (const key in facts.responses_fields) if (!(key in metadata)) metadata[key] = facts.responses_fields[key];
  if (facts.headers !== undefined) {
    for (const [header, key, numeric] of HEADER_FACTS) {
      const value = facts.headers[header];
      // the generation id and provider headers say what the body says, mostly: kept when they add something
      if (value === undefined || (key === "generation_id" && value === facts.id) || (key === "provider_name" && value === facts.provider)) continue;
      const number = numeric ? Number(value) : Number.NaN;
      metadata[key] = Number.isFinite(number) ? number : value;
    }
  }
  return metadata;
}

/** The facts of a non-streamed response, with its headers' (see {@link headerFactsOf}). */
export function factsOfResponse(body: OpenRouterChatResponse, headers?: Record<string, string>): CompletionFacts {
  const choice = body.choices?.[0];
  return {
    headers,
    id: body.id,
    model: body.model,
    provider: body.provider,
    created: body.created,
    system_fingerprint: body.system_fingerprint,
    service_tier: body.service_tier,
    finish_reason: choice?.finish_reason,
    native_finish_reason: choice?.native_finish_reason,
    usage: body.usage,
    logprobs: choice?.logprobs,
    openrouter_metadata: body.openrouter_metadata,
    incomplete_details: body.incomplete_details,
    output_items: body.output_items,
    responses_fields: body.responses_fields,
  };
}

/** Log probabilities of a stream so far plus one chunk's: the token lists are appended. */
export function appendLogprobs(
  previous: OpenRouterLogprobs | null | undefined,
  next: OpenRouterLogprobs | null | undefined
): OpenRouterLogprobs | null | undefined {
  // wire types are not checked at runtime (each chunk is read defensively): a non-object is skipped
  if (!isRecord(next)) return previous;
  if (!isRecord(previous)) return { ...next };
  const merged: OpenRouterLogprobs = { ...previous };
  for (const [key, value] of Object.entries(next)) {
    const before = merged[key];
    if (Array.isArray(before) && Array.isArray(value)) merged[key] = [...before, ...value];
    else if (before == null) merged[key] = value;
  }
  return merged;
}
