/**
 * The catalog routes besides `GET /models`: `GET /models/user` (the models the key may use: the
 * catalog without `openai/gpt-4`, as if the key's settings ignored OpenAI's GPT-4 endpoint),
 * `GET /providers`, `GET /endpoints/zdr`, `GET /embeddings/models`, `GET /generation/content?id=`.
 * Deterministic; `/models/user` applies the `GET /models` filters. See README.md.
 */
import { bearerKey, errorEnvelope, type Route, type RouteContext } from "./http.js";
import { filterModels, modelCatalog, modelEndpoints, modelFor } from "./model_catalog.js";
import { sendJson } from "./platform_routes.js";
import { isRecord } from "./schema_values.js";

/** Models the emulator pretends a key may not use (`GET /models/user` leaves them out). */
const NOT_FOR_USER = new Set(["openai/gpt-4"]);

/** The emulator's embedding models (`GET /embeddings/models`, and `output_modalities=embeddings`). */
export const EMBEDDING_MODEL_IDS = ["openai/text-embedding-3-small", "openai/text-embedding-3-large", "cohere/embed-v4.0"];

function embeddingModels(): Record<string, unknown>[] {
  return EMBEDDING_MODEL_IDS.map((id) => {
    const model = structuredClone(modelFor(id));
    const multimodal = id.startsWith("cohere/");
    model["architecture"] = {
      modality: multimodal ? "text+image->embeddings" : "text->embeddings",
      input_modalities: multimodal ? ["text", "image"] : ["text"],
      output_modalities: ["embeddings"],
      tokenizer: "Other",
      instruct_type: null,
    };
    model["supported_parameters"] = multimodal ? ["dimensions", "input_type"] : ["dimensions"];
    return model;
  });
}

const PROVIDERS = [
  ["Anthropic", "anthropic"],
  ["DeepInfra", "deepinfra"],
  ["Google", "google-vertex"],
  ["OpenAI", "openai"],
  ["Together", "together"],
].map(([name, slug]) => ({
  name,
  slug,
  privacy_policy_url: `https://${slug}.example/privacy`,
  terms_of_service_url: `https://${slug}.example/terms`,
  status_page_url: null,
}));

async function listUserModels(ctx: RouteContext): Promise<void> {
  const query = new URLSearchParams(ctx.recorded.search);
  const allowed = modelCatalog().filter((model) => !NOT_FOR_USER.has(String(model["id"])));
  await sendJson(ctx, 200, { data: filterModels(allowed, query) });
}

async function listProviders(ctx: RouteContext): Promise<void> {
  await sendJson(ctx, 200, { data: PROVIDERS });
}

/** The endpoints of the catalog's models whose provider is not OpenAI, Anthropic or Google (those keep data here). */
async function listZdrEndpoints(ctx: RouteContext): Promise<void> {
  const authenticated = bearerKey(ctx.recorded.headers) !== undefined;
  const endpoints = modelCatalog().flatMap((model) => {
    const data = modelEndpoints(String(model["id"]), authenticated);
    const list = isRecord(data) && Array.isArray(data["endpoints"]) ? (data["endpoints"] as Record<string, unknown>[]) : [];
    return list.filter((endpoint) => !["openai", "anthropic", "google-vertex", "google-ai-studio"].includes(String(endpoint["tag"])));
  });
  await sendJson(ctx, 200, { data: endpoints });
}

async function listEmbeddingModels(ctx: RouteContext): Promise<void> {
  await sendJson(ctx, 200, { data: embeddingModels() });
}

/** What the emulator answered for a chat generation it made; the prompt is not kept (`input: null`). */
async function getGenerationContent(ctx: RouteContext): Promise<void> {
  const id = new URLSearchParams(ctx.recorded.search).get("id") ?? "";
  if (id === "") return sendJson(ctx, 400, errorEnvelope(400, "Missing required query parameter: id"));
  const record = ctx.state.generations.get(id);
  if (!record) return sendJson(ctx, 404, errorEnvelope(404, `Generation ${id} not found`));
  await sendJson(ctx, 200, {
    data: { id, input: null, output: { role: "assistant", content: record.answer.content } },
  });
}

/** Registered in server.ts's `ROUTES`, before PLATFORM_ROUTES. */
export const CATALOG_ROUTES: Route[] = [
  { method: "GET", path: "/api/v1/models/user", auth: true, handler: listUserModels },
  { method: "GET", path: "/api/v1/providers", auth: false, handler: listProviders },
  { method: "GET", path: "/api/v1/endpoints/zdr", auth: false, handler: listZdrEndpoints },
  { method: "GET", path: "/api/v1/embeddings/models", auth: false, handler: listEmbeddingModels },
  { method: "GET", path: "/api/v1/generation/content", auth: true, handler: getGenerationContent },
];
