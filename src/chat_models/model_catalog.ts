// What each OpenRouter model can do, from a snapshot of GET /models shipped in the package
// (model_catalog_data.ts), or from a refresh the user asks for (refreshModelCatalog).
import { latestModelId, modelIdParts } from "../wire/model_ids.js";
import type { ModelProfile } from "@langchain/core/language_models/profile";
import { OpenRouterClient } from "../platform/openrouter_client.js";
import { MODEL_CATALOG_DATA } from "./model_catalog_data.js";

/** The fields of a `GET /models` entry the catalog reads (api.md §6.1); everything else is ignored. */
export interface CatalogSourceModel {
  id?: string | null;
  context_length?: number | null;
  architecture?: { input_modalities?: string[] | null; output_modalities?: string[] | null } | null;
  top_provider?: { context_length?: number | null; max_completion_tokens?: number | null } | null;
  supported_parameters?: string[] | null;
}

/** One model's capabilities, as stored. */
export interface CatalogEntry {
  contextLength?: number;
  maxOutputTokens?: number;
  flags: number;
}

// Bits of CatalogEntry.flags. The generated data stores them in base 36; never reorder.
export const CAPABILITY = {
  tools: 1,
  toolChoice: 2,
  structuredOutputs: 4,
  responseFormat: 8,
  reasoning: 16,
  imageInput: 32,
  fileInput: 64,
  audioInput: 128,
  videoInput: 256,
  imageOutput: 512,
  audioOutput: 1024,
  videoOutput: 2048,
} as const;

const PARAMETER_FLAGS: Record<string, number> = {
  tools: CAPABILITY.tools,
  tool_choice: CAPABILITY.toolChoice,
  structured_outputs: CAPABILITY.structuredOutputs,
  response_format: CAPABILITY.responseFormat,
  reasoning: CAPABILITY.reasoning,
  include_reasoning: CAPABILITY.reasoning,
};
const INPUT_FLAGS: Record<string, number> = {
  image: CAPABILITY.imageInput,
  file: CAPABILITY.fileInput,
  audio: CAPABILITY.audioInput,
  video: CAPABILITY.videoInput,
};
const OUTPUT_FLAGS: Record<string, number> = {
  image: CAPABILITY.imageOutput,
  audio: CAPABILITY.audioOutput,
  video: CAPABILITY.videoOutput,
};

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;

function flagsOf(values: readonly unknown[] | null | undefined, table: Record<string, number>): number {
  let flags = 0;
  for (const value of values ?? []) if (typeof value === "string") flags |= table[value] ?? 0;
  return flags;
}

/** A `GET /models` entry → its catalog entry (also used by scripts/generate_model_catalog.ts). */
export function catalogEntryOf(model: CatalogSourceModel): CatalogEntry {
  const entry: CatalogEntry = {
    flags:
      flagsOf(model.supported_parameters, PARAMETER_FLAGS) |
      flagsOf(model.architecture?.input_modalities, INPUT_FLAGS) |
      flagsOf(model.architecture?.output_modalities, OUTPUT_FLAGS),
  };
  const contextLength = positiveInteger(model.context_length) ?? positiveInteger(model.top_provider?.context_length);
  const maxOutputTokens = positiveInteger(model.top_provider?.max_completion_tokens);
  if (contextLength !== undefined) entry.contextLength = contextLength;
  if (maxOutputTokens !== undefined) entry.maxOutputTokens = maxOutputTokens;
  return entry;
}

/** Catalog entries → the compact text of model_catalog_data.ts: `id context maxOutput flags36` per line. */
export function encodeCatalog(entries: Iterable<[string, CatalogEntry]>): string {
  const lines: string[] = [];
  for (const [id, entry] of entries) {
    lines.push(`${id} ${entry.contextLength ?? "-"} ${entry.maxOutputTokens ?? "-"} ${entry.flags.toString(36)}`);
  }
  return lines.join("\n");
}

export function decodeCatalog(text: string): Map<string, CatalogEntry> {
  const catalog = new Map<string, CatalogEntry>();
  for (const line of text.split("\n")) {
    const [id, context, maxOutput, flags] = line.trim().split(" ");
    if (!id || flags === undefined) continue;
    const entry: CatalogEntry = { flags: Number.parseInt(flags, 36) || 0 };
    if (context && context !== "-") entry.contextLength = Number(context);
    if (maxOutput && maxOutput !== "-") entry.maxOutputTokens = Number(maxOutput);
    catalog.set(id, entry);
  }
  return catalog;
}

let snapshot: Map<string, CatalogEntry> | undefined;
/** Refreshed catalogs, by base URL. */
const refreshed = new Map<string, Map<string, CatalogEntry>>();

function catalogFor(baseURL: string | undefined): Map<string, CatalogEntry> {
  const live = baseURL === undefined ? undefined : refreshed.get(normalise(baseURL));
  if (live) return live;
  snapshot ??= decodeCatalog(MODEL_CATALOG_DATA);
  return snapshot;
}

function normalise(baseURL: string): string {
  return baseURL.replace(/\/+$/, "");
}

/**
 * The entry for a model slug, or undefined when the catalog does not know it. Variant suffixes
 * (`:nitro`, `:floor`, `:online`, `:free:online`, …) fall back to the base model when the variant
 * has no entry; `~author/family-latest` aliases to the family's newest model (unless the catalog
 * lists the alias itself); a preset on a model (`openai/gpt-4o@preset/x`) is the model's; a bare
 * preset (`@preset/x`) is unknown, since its backend is decided on OpenRouter's side (structured
 * output then uses a tool call).
 */
export function catalogEntry(slug: string, baseURL?: string): CatalogEntry | undefined {
  const catalog = catalogFor(baseURL);
  const { model, base } = modelIdParts(slug);
  const exact = catalog.get(model);
  if (exact) return exact;
  const entry = base === model ? undefined : catalog.get(base);
  if (entry) return entry;
  const latest = latestModelId(base, catalog.keys());
  return latest === undefined ? undefined : catalog.get(latest);
}

/** A catalog entry → LangChain's ModelProfile. */
export function profileOf(entry: CatalogEntry): ModelProfile {
  const has = (flag: number): boolean => (entry.flags & flag) !== 0;
  const profile: ModelProfile = {};
  if (entry.contextLength !== undefined) profile.maxInputTokens = entry.contextLength;
  if (entry.maxOutputTokens !== undefined) profile.maxOutputTokens = entry.maxOutputTokens;
  Object.assign(profile, {
    toolCalling: has(CAPABILITY.tools),
    toolChoice: has(CAPABILITY.toolChoice),
    structuredOutput: has(CAPABILITY.structuredOutputs),
    reasoningOutput: has(CAPABILITY.reasoning),
    imageInputs: has(CAPABILITY.imageInput),
    // OpenRouter fetches image URLs itself for every image-capable model (api.md §2.2)
    imageUrlInputs: has(CAPABILITY.imageInput),
    pdfInputs: has(CAPABILITY.fileInput),
    audioInputs: has(CAPABILITY.audioInput),
    videoInputs: has(CAPABILITY.videoInput),
    imageOutputs: has(CAPABILITY.imageOutput),
    audioOutputs: has(CAPABILITY.audioOutput),
    videoOutputs: has(CAPABILITY.videoOutput),
  } satisfies ModelProfile);
  return profile;
}

/** The profile of a model slug; `{}` when the catalog does not know it. */
export function modelProfile(model: string, baseURL?: string): ModelProfile {
  const entry = catalogEntry(model, baseURL);
  return entry ? profileOf(entry) : {};
}

/**
 * The profile of every model in the catalog shipped with the package, by slug (the export
 * @langchain/openrouter 0.4 had). A snapshot: `refreshModelCatalog()` does not change it, while
 * `model.profile` follows the refreshed catalog.
 */
export const OPENROUTER_MODEL_PROFILES: Readonly<Record<string, ModelProfile>> = /* @__PURE__ */ snapshotProfiles();

function snapshotProfiles(): Readonly<Record<string, ModelProfile>> {
  const profiles: Record<string, ModelProfile> = {};
  for (const [id, entry] of catalogFor(undefined)) profiles[id] = profileOf(entry);
  return Object.freeze(profiles);
}

/** Options of {@link refreshModelCatalog}. */
export interface RefreshModelCatalogOptions {
  /** API base URL whose catalog to refresh. @default process.env.OPENROUTER_BASE_URL ?? "https://openrouter.ai/api/v1" */
  baseURL?: string;
  /** API key (`GET /models` needs none). @default process.env.OPENROUTER_API_KEY */
  apiKey?: string;
  /** Abort the request. */
  signal?: AbortSignal;
  /** Milliseconds before giving up on an attempt. @default undefined (no limit) */
  timeout?: number;
  /** Retries after a failed attempt. @default 2 */
  maxRetries?: number;
  /** A fetch implementation. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Where the catalog comes from: `"models"`, every model (`GET /models`), or `"user"`, the models the
   * key may use after its provider and privacy settings (`GET /models/user`, needs a key). @default "models"
   */
  source?: "models" | "user";
}

/**
 * Replaces the shipped model catalog with OpenRouter's current `GET /models` for one base URL,
 * so `ChatOpenRouter#profile` and `withStructuredOutput`'s automatic method see models added
 * since the package was built. Nothing is fetched unless this is called. Resolves to every
 * model's profile, by slug.
 *
 * ```ts
 * await refreshModelCatalog();
 * new ChatOpenRouter({ model: "openai/gpt-5" }).profile.structuredOutput; // true
 * ```
 */
export async function refreshModelCatalog(options: RefreshModelCatalogOptions = {}): Promise<Map<string, ModelProfile>> {
  const { signal, source = "models", ...connection } = options;
  if (source !== "models" && source !== "user") {
    throw new TypeError(`refreshModelCatalog option "source" must be "models" or "user"; got ${JSON.stringify(source)}.`);
  }
  // the platform client's connection and GET: the same URL/key resolution, checks, retries and parser
  const client = new OpenRouterClient(connection);
  const models: (CatalogSourceModel | null)[] =
    source === "user" ? await client.listUserModels({ signal }) : await client.listModels({ signal });
  if (!Array.isArray(models)) {
    throw new TypeError(`OpenRouter's GET ${client.baseURL}/models${source === "user" ? "/user" : ""} answered without a "data" list; the catalog was not changed.`);
  }
  const baseURL = client.baseURL;
  const body = { data: models };
  const catalog = new Map<string, CatalogEntry>();
  const profiles = new Map<string, ModelProfile>();
  for (const model of body.data) {
    if (typeof model?.id !== "string" || model.id === "") continue;
    const entry = catalogEntryOf(model);
    catalog.set(model.id, entry);
    profiles.set(model.id, profileOf(entry));
  }
  refreshed.set(baseURL, catalog);
  return profiles;
}
