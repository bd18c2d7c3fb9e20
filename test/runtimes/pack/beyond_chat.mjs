// Run by test/runtimes/pack.test.ts where the packed tarball is installed: what the package offers
// beyond chat completions, from the tarball (OPENROUTER_BASE_URL points at the emulator): the
// Responses API with tools and structured output, load() with the exported import map, the platform
// client, embeddings and reranking.
import { Document } from "@langchain/core/documents";
import { load } from "@langchain/core/load";
import { ChatOpenRouter, OpenRouterClient, OpenRouterEmbeddings, OpenRouterRerank, OpenRouterStreamError, openRouterImportMap } from "@langchain/openrouter";

const base = process.env.OPENROUTER_BASE_URL;
const on = (scenario) => base.replace(/\/api\/v1$/, `/s/${encodeURIComponent(scenario)}/api/v1`);
const weather = { name: "get_weather", description: "Get the current weather in a city", schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

const responses = new ChatOpenRouter({ model: "openai/gpt-5-mini", useResponsesApi: true, reasoning: { effort: "low", summary: "auto" } });
const answer = await responses.invoke("What is 2+2?");
const called = await new ChatOpenRouter({ model: "openai/gpt-4o-mini", useResponsesApi: true }).bindTools([weather]).invoke("What is the weather in Paris?");
const movie = await new ChatOpenRouter({ model: "openai/gpt-4o-mini", useResponsesApi: true })
  .withStructuredOutput({ type: "object", title: "movie", properties: { title: { type: "string" } }, required: ["title"] }, { method: "jsonSchema" })
  .invoke("Name a movie");
const failed = await (async () => {
  for await (const _chunk of await new ChatOpenRouter({ model: "openai/gpt-4o-mini", useResponsesApi: true, baseURL: on("mid-stream-error") }).stream("Tell me a story.")) {
    // read on until the failure
  }
})().then(() => undefined, (error) => error);

const loaded = await load(JSON.stringify(new ChatOpenRouter({ model: "openai/gpt-4o-mini" })), {
  importMap: openRouterImportMap,
  secretsMap: { OPENROUTER_API_KEY: process.env.OPENROUTER_API_KEY },
});

const client = new OpenRouterClient();
const latest = await client.getModel("~anthropic/claude-sonnet-latest");
const vectors = await new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small", dimensions: 8 }).embedDocuments(["a", "b"]);
const reranked = await new OpenRouterRerank({ model: "cohere/rerank-v3.5", topN: 1 }).compressDocuments(
  [new Document({ pageContent: "Bananas are yellow." }), new Document({ pageContent: "Paris is the capital of France." })],
  "capital of France"
);

console.log(
  JSON.stringify({
    responses: { blocks: answer.contentBlocks.map((block) => block.type), status: answer.response_metadata.native_finish_reason },
    responsesTools: called.tool_calls.map(({ name }) => name),
    responsesStructured: typeof movie.title,
    responsesFailure: { stream: failed instanceof OpenRouterStreamError, partial: typeof failed?.partialText === "string" && failed.partialText.length > 0 },
    loaded: { isModel: loaded instanceof ChatOpenRouter, answer: typeof (await loaded.invoke("hi")).content },
    latest: latest.id,
    vectors: vectors.map((vector) => vector.length),
    reranked: reranked.map((doc) => doc.pageContent),
  })
);
