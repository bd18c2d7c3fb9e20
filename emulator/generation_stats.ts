/**
 * `GET /generation` bodies: stats of the chat answers this emulator gave, else synthesised from
 * the id (stable: the same id always gives the same stats).
 */
import type { Answer } from "./answer.js";
import { detChars, prng } from "./deterministic.js";
import { isRecord } from "./schema_values.js";

type Json = Record<string, unknown>;

/** What the emulator remembers of a chat answer it gave. */
export interface GenerationRecord {
  answer: Answer;
  streamed: boolean;
  requestedModel: string | undefined;
  user: string | undefined;
  sessionId: string | undefined;
  referer: string | undefined;
  userAgent: string | undefined;
}

function num(record: unknown, ...path: string[]): number {
  let value: unknown = record;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return typeof value === "number" ? value : 0;
}

/** GET /generation data for an answer this emulator gave: the same tokens, cost, model and provider. */
export function generationOf(record: GenerationRecord): Json {
  const { answer } = record;
  const usage = answer.usage;
  const completion = num(usage, "completion_tokens");
  const latency = 180 + completion * 15;
  const cost = num(usage, "cost");
  return {
    id: answer.id,
    upstream_id: `chatcmpl-${detChars(`${answer.id}|upstream`, 24)}`,
    model: answer.model,
    provider_name: answer.provider,
    router: record.requestedModel === "openrouter/auto" ? "openrouter/auto" : null,
    request_id: `req-${answer.created}-${detChars(`${answer.id}|request`, 20)}`,
    session_id: record.sessionId ?? null,
    preset_id: null,
    workspace_id: null,
    app_id: null,
    created_at: new Date(answer.created * 1000).toISOString(),
    streamed: record.streamed,
    cancelled: false,
    latency,
    generation_time: latency - 60,
    moderation_latency: null,
    finish_reason: answer.finishReason,
    native_finish_reason: answer.nativeFinishReason,
    tokens_prompt: num(usage, "prompt_tokens"),
    tokens_completion: completion,
    native_tokens_prompt: num(usage, "prompt_tokens"),
    native_tokens_completion: completion,
    native_tokens_reasoning: num(usage, "completion_tokens_details", "reasoning_tokens"),
    native_tokens_cached: num(usage, "prompt_tokens_details", "cached_tokens"),
    native_tokens_completion_images: num(usage, "completion_tokens_details", "image_tokens"),
    num_media_prompt: 0,
    num_media_completion: answer.images.length,
    num_input_audio_prompt: 0,
    num_search_results: answer.annotations.length,
    num_fetches: 0,
    web_search_engine: answer.annotations.length > 0 ? "exa" : null,
    usage: cost,
    total_cost: cost,
    cache_discount: null,
    upstream_inference_cost: null,
    is_byok: false,
    service_tier: null,
    api_type: "completions",
    external_user: record.user ?? null,
    origin: "",
    http_referer: record.referer ?? null,
    user_agent: record.userAgent ?? null,
    provider_responses: null,
    data_region: "global",
    response_cache_source_id: null,
  };
}

const SYNTHETIC_MODELS: [model: string, provider: string][] = [
  ["openai/gpt-4o-mini-2024-07-18", "OpenAI"],
  ["anthropic/claude-4.5-sonnet-20250929", "Anthropic"],
  ["google/gemini-2.5-flash", "Google AI Studio"],
  ["meta-llama/llama-3.3-70b-instruct", "DeepInfra"],
];

/** GET /generation data made up from the id alone: the same id always gives the same stats. */
export function syntheticGeneration(id: string): Json {
  const rand = prng(`generation|${id}`);
  const [model, provider] = SYNTHETIC_MODELS[Math.floor(rand() * SYNTHETIC_MODELS.length)] ?? SYNTHETIC_MODELS[0]!;
  const prompt = 10 + Math.floor(rand() * 500);
  const completion = 5 + Math.floor(rand() * 400);
  const cost = Number((prompt * 0.000003 + completion * 0.000015).toFixed(9));
  const latency = 180 + completion * 15;
  const created = Date.UTC(2026, 0, 1) + Math.floor(rand() * 86_400_000 * 30);
  return {
    ...generationOf({
      answer: {
        id,
        created: Math.floor(created / 1000),
        model,
        provider,
        content: "",
        contentIsJson: false,
        toolCalls: [],
        finishReason: "stop",
        nativeFinishReason: "stop",
        reasoning: null,
        reasoningDetails: [],
        reasoningFamily: null,
        images: [],
        annotations: [],
        refusal: null,
        logprobs: null,
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, cost },
      },
      streamed: rand() < 0.5,
      requestedModel: undefined,
      user: undefined,
      sessionId: undefined,
      referer: undefined,
      userAgent: undefined,
    }),
    latency,
    generation_time: latency - 60,
  };
}
