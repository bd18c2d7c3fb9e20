// OpenRouter usage → LangChain UsageMetadata. Detail keys appear only when non-zero, so a plain
// answer prints `{ input_tokens, output_tokens, total_tokens }` exactly as the docs page shows.
import type { UsageMetadata } from "@langchain/core/messages";
import type { OpenRouterUsage } from "../wire/types.js";

function positive(value: unknown): number | undefined {
  return typeof value === "number" && value > 0 ? value : undefined;
}

export function fromWireUsage(usage: OpenRouterUsage | null | undefined): UsageMetadata | undefined {
  if (!usage) return undefined;
  const input = typeof usage.prompt_tokens === "number" ? usage.prompt_tokens : 0;
  const output = typeof usage.completion_tokens === "number" ? usage.completion_tokens : 0;
  const result: UsageMetadata = {
    input_tokens: input,
    output_tokens: output,
    total_tokens: typeof usage.total_tokens === "number" ? usage.total_tokens : input + output,
  };
  const prompt = usage.prompt_tokens_details;
  if (prompt) {
    const details: NonNullable<UsageMetadata["input_token_details"]> = {};
    const cacheRead = positive(prompt.cached_tokens);
    const cacheCreation = positive(prompt.cache_write_tokens);
    const audio = positive(prompt.audio_tokens);
    const video = positive(prompt.video_tokens);
    if (cacheRead !== undefined) details.cache_read = cacheRead;
    if (cacheCreation !== undefined) details.cache_creation = cacheCreation;
    if (audio !== undefined) details.audio = audio;
    if (video !== undefined) details.video = video;
    if (Object.keys(details).length > 0) result.input_token_details = details;
  }
  const completion = usage.completion_tokens_details;
  if (completion) {
    const details: NonNullable<UsageMetadata["output_token_details"]> = {};
    const reasoning = positive(completion.reasoning_tokens);
    const image = positive(completion.image_tokens);
    const audio = positive(completion.audio_tokens);
    if (reasoning !== undefined) details.reasoning = reasoning;
    if (image !== undefined) details.image = image;
    if (audio !== undefined) details.audio = audio;
    if (Object.keys(details).length > 0) result.output_token_details = details;
  }
  return result;
}
