// The Responses API (useResponsesApi): the same model, messages and tools over POST /responses,
// OpenRouter's stateless Responses API. The answer is the same AIMessage as on chat completions:
// text, reasoning (sent back next turn with its encrypted content), tool calls, usage with cost.
import { HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { OpenRouterStreamError } from "../../src/index.js";
import type { TourSection } from "../tour_context.js";

export const responsesApi: TourSection = {
  title: "The Responses API: useResponsesApi",
  async run({ model: create, baseURLFor, live, show, write }) {
    const model = create({ model: "openai/gpt-5-mini", useResponsesApi: true, reasoning: { effort: "low", summary: "auto" } });
    const first = await model.invoke("What is 2+2?");
    show("answer", first.text);
    show("blocks", first.contentBlocks.map((block) => block.type));
    show("usage", first.usage_metadata);
    show("status", first.response_metadata["native_finish_reason"]);
    // stateless: the whole conversation goes back, the reasoning item with its encrypted content
    const second = await model.invoke([new HumanMessage("What is 2+2?"), first, new HumanMessage("And 3+3?")]);
    show("next turn", second.text);

    write("  stream → ");
    for await (const chunk of await create({ model: "openai/gpt-4o-mini", useResponsesApi: true }).stream("Name three colours.")) write(chunk.text);
    console.log();

    const getWeather = tool(async ({ city }) => `Sunny in ${city}`, {
      name: "get_weather",
      description: "Get the current weather in a city",
      schema: z.object({ city: z.string().describe("The city, e.g. Paris") }),
    });
    const called = await create({ model: "openai/gpt-4o-mini", useResponsesApi: true }).bindTools([getWeather]).invoke("What is the weather in Paris?");
    show("tool calls", called.tool_calls);

    const movie = await create({ model: "openai/gpt-4o-mini", useResponsesApi: true })
      .withStructuredOutput(z.object({ title: z.string(), year: z.number() }), { name: "movie", method: "jsonSchema" })
      .invoke("Name a famous science-fiction movie.");
    show("structured (text.format)", movie);

    // a response.failed event mid-answer raises with what already arrived (emulator fault only)
    if (!live) {
      try {
        for await (const _chunk of await create({ model: "openai/gpt-4o-mini", useResponsesApi: true, baseURL: baseURLFor("mid-stream-error") }).stream("Tell me a story.")) {
          // reading on until the failure
        }
      } catch (error) {
        if (!(error instanceof OpenRouterStreamError)) throw error;
        show("response.failed", `${error.name}: ${error.message.split("\n")[0]} (partialText: ${JSON.stringify(error.partialText?.slice(0, 40))}…)`);
      }
    }
  },
};
