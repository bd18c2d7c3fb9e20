/**
 * Deterministic bodies for the model routes: the catalog (from the recorded captures) with
 * OpenRouter's crude filters, and each model's endpoints.
 */
import { fixtureJson } from "./fixtures.js";
import { prng } from "./deterministic.js";
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
 * `category` (the word, or `coding` for `programming`, in the id, name or description); then
 * `sort` (`newest`, `context-high-to-low`, `pricing-low-to-high`, `pricing-high-to-low`), `offset`, `limit`.
 */
export function filterModels(models: Json[], query: URLSearchParams): Json[] {
  const kept = keepModels(models, query);
  const sort = query.get("sort");
  const price = (model: Json): number => {
    const pricing = isRecord(model["pricing"]) ? model["pricing"] : {};
    return Number(pricing["prompt"] ?? 0) + Number(pricing["completion"] ?? 0);
  };
  if (sort === "newest") kept.sort((a, b) => Number(b["created"] ?? 0) - Number(a["created"] ?? 0));
  if (sort === "context-high-to-low") kept.sort((a, b) => Number(b["context_length"] ?? 0) - Number(a["context_length"] ?? 0));
  if (sort === "pricing-low-to-high") kept.sort((a, b) => price(a) - price(b));
  if (sort === "pricing-high-to-low") kept.sort((a, b) => price(b) - price(a));
  const offset = Number(query.get("offset") ?? 0);
  return query.has("limit") ? kept.slice(offset, offset + Number(query.get("limit"))) : kept.slice(offset);
}

function keepModels(models: Json[], query: URLSearchParams): Json[] {
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
