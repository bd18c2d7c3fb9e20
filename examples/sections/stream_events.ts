// Docs: Streaming, the content-block way (core's streamEvents() without a version → ChatModelStream):
// text as it arrives, the reasoning, a tool call after text, usage, and the awaited message, which
// carries what invoke gives (served model, provider, cost, reasoning_details for the next turn).
import { HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import type { TourSection } from "../tour_context.js";

export const streamEvents: TourSection = {
  title: "Content-block streaming: streamEvents()",
  async run({ model: create, baseURLFor, show, write }) {
    const model = create({ model: "anthropic/claude-sonnet-4.5", maxTokens: 1024 });
    write("  streamEvents → ");
    const stream = model.streamEvents("Write a short poem about the sea.");
    for await (const text of stream.text) write(text);
    console.log();
    const message = await stream;
    show("served by", `${message.response_metadata["model_name"]} via ${message.response_metadata["provider"]}`);
    show("usage", await stream.usage);

    // reasoning streams as its own block; the awaited message keeps reasoning_details for the next turn
    const thinker = create({ model: "anthropic/claude-sonnet-4.5", reasoning: { max_tokens: 1024 }, maxTokens: 2048 });
    const thinking = thinker.streamEvents("Is 17 prime?");
    const reasoning = await thinking.reasoning;
    show("reasoning (streamed)", reasoning.length > 160 ? `${reasoning.slice(0, 160)}…` : reasoning);
    const answer = await thinking;
    show("answer", answer.text);
    const followUp = await thinker.invoke([new HumanMessage("Is 17 prime?"), answer, new HumanMessage("And 19?")]);
    show("next turn (reasoning sent back)", followUp.text);

    // a tool call that follows text in the same answer: each is its own block
    const getWeather = tool(async ({ city }) => `Sunny in ${city}`, {
      name: "get_weather",
      description: "Get the current weather in a city",
      schema: z.object({ city: z.string().describe("The city, e.g. Paris") }),
    });
    const withTools = create({ model: "openai/gpt-4o", baseURL: baseURLFor("preamble") }).bindTools([getWeather]);
    const asked = withTools.streamEvents("What is the weather in Paris? Say what you are doing first.");
    const blocks: string[] = [];
    for await (const event of asked) if (event.event === "content-block-start") blocks.push(`${event.index}: ${event.content.type}`);
    show("blocks", blocks);
    show("text before the call", await asked.text);
    show("tool calls", await asked.toolCalls);
  },
};
