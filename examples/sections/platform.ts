// Beyond chat: the model catalog, a generation's real cost, the key's credit, embeddings, reranking.
import { cosineSimilarity } from "@langchain/core/utils/math";
import { OpenRouterClient, OpenRouterEmbeddings, OpenRouterError, OpenRouterRerank } from "../../src/index.js";
import type { TourSection } from "../tour_context.js";

export const platform: TourSection = {
  title: "Platform: models, generation stats, credits, embeddings, reranking",
  async run({ baseURL, apiKey, model: create, show }) {
    const client = new OpenRouterClient({ baseURL, apiKey });

    const models = await client.listModels({ supportedParameters: ["tools", "response_format"] });
    show(
      `models with tools and structured output (${models.length}, first 3)`,
      models.slice(0, 3).map((model) => ({
        id: model.id,
        context: model.context_length,
        input: model.architecture?.input_modalities?.join(","),
        maxOutput: model.top_provider?.max_completion_tokens,
        "$/M prompt": Number(model.pricing?.prompt ?? 0) * 1e6,
        reasoning: model.supported_parameters?.includes("reasoning") ?? false,
      }))
    );

    const cheapest = await client.listModels({ outputModalities: ["all"], sort: "pricing-low-to-high", limit: 3 });
    const mine = await client.listUserModels({ supportedParameters: ["tools"] });
    const providers = await client.listProviders();
    show("cheapest 3, models this key may use with tools, providers", {
      cheapest: cheapest.map((model) => model.id),
      usable: mine.length,
      providers: providers.slice(0, 5).map((provider) => provider.slug),
      zdrEndpoints: (await client.listZdrEndpoints()).length,
      embeddingModels: (await client.listEmbeddingModels()).map((model) => model.id).slice(0, 3),
      gpt4oMini: (await client.getModel("openai/gpt-4o-mini")).context_length,
    });

    const { endpoints } = await client.getModelEndpoints("openai/gpt-4o-mini");
    show(
      "providers of openai/gpt-4o-mini",
      endpoints.map((endpoint) => `${endpoint.provider_name} (${endpoint.tag}): ${endpoint.context_length} ctx, uptime ${endpoint.uptime_last_30m ?? "?"}%`)
    );

    const answer = await create({ model: "openai/gpt-4o-mini", maxTokens: 64 }).invoke("Tell me a joke.");
    // right after a call OpenRouter may still answer 404: getGeneration waits and retries (bounded)
    const generation = await client.getGeneration(answer.id as string);
    show("generation of that answer", {
      id: generation.id,
      provider: generation.provider_name,
      model: generation.model,
      tokens: `${generation.tokens_prompt} in / ${generation.tokens_completion} out (native ${generation.native_tokens_prompt} / ${generation.native_tokens_completion})`,
      cost: generation.total_cost,
      latencyMs: generation.latency,
      finish: `${generation.finish_reason} (${generation.native_finish_reason})`,
      byok: generation.is_byok,
    });

    const key = await client.getKeyInfo();
    show("key", { label: key.label, limit: key.limit, remaining: key.limit_remaining, usageThisMonth: key.usage_monthly, freeTier: key.is_free_tier });
    try {
      const credits = await client.getCredits();
      show("credits (USD)", { total: credits.total_credits, used: credits.total_usage, left: credits.total_credits - credits.total_usage });
    } catch (error) {
      // OpenRouter documents /credits for management keys; an inference key may be refused
      if (!OpenRouterError.isInstance(error)) throw error;
      show("credits", `${error.name}: ${error.message.split("\n")[0]}`);
    }

    const embeddings = new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small", baseURL, apiKey });
    const sentences = ["I love programming in TypeScript.", "I enjoy programming in Python."];
    const { embeddings: vectors, usage } = await embeddings.embedWithUsage(sentences);
    const [[similarity]] = cosineSimilarity([vectors[0] as number[]], [vectors[1] as number[]]) as [[number]];
    show("embeddings", { dimensions: vectors[0]?.length, usage, cosineSimilarity: Number(similarity.toFixed(4)) });

    const reranker = new OpenRouterRerank({ model: "cohere/rerank-v3.5", topN: 2, baseURL, apiKey });
    const ranked = await reranker.rerank("capital city of France", ["Bananas are yellow.", "Paris is the capital city of France.", "Berlin is the capital of Germany."]);
    show("rerank (best 2)", { ranked: ranked.results.map(({ index, relevanceScore }) => ({ index, relevanceScore })), usage: ranked.usage });
    const multimodal = new OpenRouterEmbeddings({ model: "cohere/embed-v4.0", baseURL, apiKey, queryInputType: "search_query", documentInputType: "search_document" });
    const { embeddings: [withImage] } = await multimodal.embedContent([
      [{ type: "text", text: "a red guitar" }, { type: "image_url", image_url: { url: "https://example.com/guitar.png" } }],
    ]);
    show("text with an image, one vector", { dimensions: withImage?.length });
  },
};
