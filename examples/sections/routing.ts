// Docs: Provider routing, Multi-model routing, Plugins, App attribution.
import type { TourSection } from "../tour_context.js";

export const routing: TourSection = {
  title: "Routing: providers, fallback models, plugins, attribution",
  async run({ model: create, show }) {
    const configured = {
      ordered: create({
        model: "anthropic/claude-sonnet-4.5",
        provider: {
          order: ["Anthropic", "Google"],
          allow_fallbacks: true,
        },
      }),
      only: create({ model: "openai/gpt-4o", provider: { only: ["OpenAI", "Azure"] } }),
      ignore: create({ model: "meta-llama/llama-4-maverick", provider: { ignore: ["DeepInfra"] } }),
      throughput: create({ model: "openai/gpt-4o", provider: { sort: "throughput" } }),
      latency: create({ model: "openai/gpt-4o", provider: { sort: "latency" } }),
      noDataCollection: create({ model: "anthropic/claude-sonnet-4.5", provider: { data_collection: "deny" } }),
      quantized: create({ model: "meta-llama/llama-4-maverick", provider: { quantizations: ["fp16", "bf16"] } }),
      combined: create({
        model: "openai/gpt-4o",
        provider: {
          order: ["OpenAI", "Azure"],
          allow_fallbacks: false,
          require_parameters: true,
          data_collection: "deny",
        },
      }),
      fallback: create({
        model: "openai/gpt-4o",
        models: ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"],
        route: "fallback",
      }),
      plugins: create({ model: "openai/gpt-4o", plugins: [{ id: "web", max_results: 5 }] }),
      attribution: create({
        model: "anthropic/claude-sonnet-4.5",
        siteUrl: "https://myapp.com",
        siteName: "My App",
      }),
    };
    for (const [name, model] of Object.entries(configured)) {
      const answer = await model.invoke("What is 2 + 2?");
      show(name, `2 + 2 = ${answer.content} — ${answer.response_metadata["model_name"]} via ${answer.response_metadata["provider"]}`);
    }
    const perCall = await configured.only
      .withConfig({ temperature: 0.9, provider: { sort: "latency" } })
      .invoke("What is 2 + 2?");
    show("withConfig per-call override", `2 + 2 = ${perCall.content}`);
  },
};
