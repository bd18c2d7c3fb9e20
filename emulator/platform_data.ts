/**
 * Deterministic bodies for the platform routes: the model catalog and its endpoints, generation
 * stats (from the chat answers this emulator gave, else synthesised from the id), and embedding
 * vectors (feature-hashed words, so texts sharing words are closer).
 */
import { createHash } from "node:crypto";
import { fixtureJson } from "./fixtures.js";
import { detChars, prng, type Answer } from "./responder.js";
import { isRecord } from "./schema_values.js";

type Json = Record<string, unknown>;

const PROVIDERS_BY_AUTHOR: Record<string, [name: string, tag: string][]> = {
  openai: [["OpenAI", "openai"], ["Azure", "azure"]],
  anthropic: [["Anthropic", "anthropic"], ["Amazon Bedrock", "amazon-bedrock"], ["Google", "google-vertex"]],
  google: [["Google AI Studio", "google-ai-studio"], ["Google", "google-vertex"]],
  "meta-llama": [["DeepInfra", "deepinfra/turbo"], ["Together", "together"]],
  mistralai: [["Mistral", "mistral"]],
};

const GENERIC_PARAMETERS = ["max_tokens", "temperature", "top_p", "stop", "seed", "response_format", "tools", "tool_choice"];

let catalog: Json[] | undefined;

/** The models of `models-list.excerpt.json` then `models-list.spec-example.json`. */
export function modelCatalog(): Json[] {
  if (!catalog) {
    catalog = ["models-list.excerpt.json", "models-list.spec-example.json"].flatMap((name) => {
      const body = fixtureJson(name);
      return isRecord(body) && Array.isArray(body["data"]) ? (body["data"] as Json[]) : [];
    });
  }
  return catalog;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function listParam(query: URLSearchParams, name: string): string[] {
  return (query.get(name) ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== "");
}

/**
 * `GET /models` filters, crudely: `supported_parameters` (all listed), `output_modalities`
 * (any listed; default `text`, `all` for every model), `input_modalities` (all listed),
 * `category` (the word, or `coding` for `programming`, in the id, name or description).
 */
export function filterModels(models: Json[], query: URLSearchParams): Json[] {
  const parameters = listParam(query, "supported_parameters");
  const outputs = listParam(query, "output_modalities");
  const inputs = listParam(query, "input_modalities");
  const category = query.get("category")?.trim().toLowerCase();
  const wantedOutputs = outputs.length === 0 ? ["text"] : outputs;
  return models.filter((model) => {
    const architecture = isRecord(model["architecture"]) ? model["architecture"] : {};
    const supported = strings(model["supported_parameters"]);
    if (!parameters.every((parameter) => supported.includes(parameter))) return false;
    const modelOutputs = strings(architecture["output_modalities"]);
    if (!wantedOutputs.includes("all") && !wantedOutputs.some((output) => modelOutputs.includes(output))) return false;
    const modelInputs = strings(architecture["input_modalities"]);
    if (!inputs.every((input) => modelInputs.includes(input))) return false;
    if (category) {
      const text = `${model["id"]} ${model["name"]} ${model["description"]}`.toLowerCase();
      const words = category === "programming" ? ["programming", "coding"] : [category];
      if (!words.some((word) => text.includes(word))) return false;
    }
    return true;
  });
}

/** A catalog entry, or a plausible one made up from the id. */
export function modelFor(id: string): Json {
  const known = modelCatalog().find((model) => model["id"] === id);
  if (known) return known;
  const slug = id.slice(id.indexOf("/") + 1);
  return {
    id,
    canonical_slug: id,
    name: `${id.split("/")[0]}: ${slug}`,
    created: 1_750_000_000,
    description: `${slug}, as imagined by the OpenRouter emulator.`,
    context_length: 131072,
    architecture: { modality: "text->text", input_modalities: ["text"], output_modalities: ["text"], tokenizer: "Other", instruct_type: null },
    pricing: { prompt: "0.0000002", completion: "0.0000006", request: "0", image: "0" },
    top_provider: { context_length: 131072, max_completion_tokens: 16384, is_moderated: false },
    per_request_limits: null,
    supported_parameters: GENERIC_PARAMETERS,
  };
}

function percentiles(rand: () => number, base: number, spread: number): Json {
  const p50 = Number((base + rand() * spread).toFixed(2));
  return { p50, p75: Number((p50 * 1.3).toFixed(2)), p90: Number((p50 * 1.8).toFixed(2)), p99: Number((p50 * 3.2).toFixed(2)) };
}

/** `GET /models/{author}/{slug}/endpoints` data; latency and throughput are null without a key, as documented. */
export function modelEndpoints(id: string, authenticated: boolean): Json {
  const spec = fixtureJson("model-endpoints.spec-example.json");
  let data: Json;
  if (id === "openai/gpt-4" && isRecord(spec) && isRecord(spec["data"])) {
    data = structuredClone(spec["data"]);
  } else {
    const model = modelFor(id);
    const topProvider = isRecord(model["top_provider"]) ? model["top_provider"] : {};
    const providers = PROVIDERS_BY_AUTHOR[id.split("/")[0] ?? ""] ?? [["DeepInfra", "deepinfra"], ["Together", "together"]];
    const closed = id.startsWith("openai/") || id.startsWith("anthropic/") || id.startsWith("google/");
    data = {
      id,
      name: model["name"],
      created: model["created"],
      description: model["description"],
      architecture: model["architecture"],
      endpoints: providers.map(([providerName, tag], index) => {
        const rand = prng(`${id}|${tag}`);
        return {
          name: `${providerName} | ${id}`,
          model_id: model["canonical_slug"] ?? id,
          model_name: model["name"],
          provider_name: providerName,
          tag,
          context_length: model["context_length"] ?? null,
          max_completion_tokens: topProvider["max_completion_tokens"] ?? null,
          max_prompt_tokens: null,
          pricing: model["pricing"],
          quantization: closed ? "unknown" : index === 0 ? "fp8" : "bf16",
          supported_parameters: model["supported_parameters"] ?? GENERIC_PARAMETERS,
          supports_implicit_caching: id.startsWith("openai/") || id.startsWith("google/"),
          status: 0,
          uptime_last_5m: 100,
          uptime_last_30m: Number((99 + rand()).toFixed(2)),
          uptime_last_1d: Number((98 + 2 * rand()).toFixed(2)),
          latency_last_30m: percentiles(rand, 0.4, 1.2),
          throughput_last_30m: percentiles(rand, 30, 90),
        };
      }),
    };
  }
  if (!authenticated && Array.isArray(data["endpoints"])) {
    for (const endpoint of data["endpoints"] as Json[]) {
      endpoint["latency_last_30m"] = null;
      endpoint["throughput_last_30m"] = null;
    }
  }
  return data;
}

// ---------------------------------------------------------------------------
// Generations

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

// ---------------------------------------------------------------------------
// Embeddings

/** Default vector length by model (OpenAI's sizes), else 1536. */
export function defaultDimensions(model: string): number {
  if (model.includes("text-embedding-3-large")) return 3072;
  if (model.includes("mistral-embed")) return 1024;
  return 1536;
}

function hashOf(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * A unit vector for `text`: each word (and each pair of neighbouring words) adds ±1 at hashed
 * positions, plus a little text-seeded noise so every component is set. Deterministic.
 */
export function textVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const features = [...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)];
  for (const feature of features.length > 0 ? features : [`\u0000${text}`]) {
    const digest = hashOf(feature);
    for (let k = 0; k < 2; k++) {
      const position = digest.readUInt32LE(k * 8) % dimensions;
      vector[position] = (vector[position] ?? 0) + ((digest[k * 8 + 4] ?? 0) & 1 ? 1 : -1);
    }
  }
  const rand = prng(`noise|${text}`);
  for (let i = 0; i < dimensions; i++) vector[i] = (vector[i] ?? 0) + (rand() - 0.5) * 0.02;
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

/** Little-endian float32, base64: OpenAI's `encoding_format: "base64"`. */
export function base64Vector(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString("base64");
}

/** Token estimate, as the chat responder counts them (4 characters a token). */
export function tokenCount(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}
