// Docs: Tool calling (bindTools, strict mode) and Structured output (each method), plus the
// model profile, a streamed structured answer and a tool round trip.
import { HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { serverTools } from "../../src/index.js";
import type { TourSection } from "../tour_context.js";

export const tools: TourSection = {
  title: "Tools and structured output",
  async run({ model: create, show }) {
    const getWeather = tool(async ({ location }) => `Sunny in ${location}`, {
      name: "get_weather",
      description: "Get the current weather in a given location",
      schema: z.object({
        location: z.string().describe("The city and state, e.g. San Francisco, CA"),
      }),
    });

    const modelWithTools = create({ model: "openai/gpt-4o" }).bindTools([getWeather]);
    const aiMsg = await modelWithTools.invoke("What is the weather like in San Francisco?");
    show("bindTools → tool_calls", aiMsg.tool_calls);

    const modelWithStrictTools = create({ model: "openai/gpt-4o" }).bindTools([getWeather], { strict: true });
    const strictMsg = await modelWithStrictTools.invoke("What is the weather like in Paris?");
    show("bindTools strict: true → tool_calls", strictMsg.tool_calls?.map((call) => call.args));

    const question = new HumanMessage("What is the weather like in San Francisco?");
    const call = await modelWithTools.invoke([question]);
    const results = await Promise.all((call.tool_calls ?? []).map((toolCall) => getWeather.invoke(toolCall)));
    const answer = await modelWithTools.invoke([question, call, ...results]);
    show("after the tool result", answer.content);

    // server tools: OpenRouter runs them itself (they may sit beside function tools); no tool loop on our side
    const withServerTools = create({ model: "openai/gpt-4.1-mini" }).bindTools([serverTools.datetime({ timezone: "Europe/Paris" })]);
    const dated = await withServerTools.invoke("What is today's date?");
    show("server tool openrouter:datetime → answer", dated.text);
    show(
      "… and what OpenRouter ran, as v1 blocks",
      dated.contentBlocks.filter((block) => block.type === "server_tool_call" || block.type === "server_tool_call_result")
    );

    const model = create({ model: "openai/gpt-4.1" });
    show("profile of openai/gpt-4.1", model.profile);
    show("profile of the alias ~openai/gpt-latest (its family's newest)", create({ model: "~openai/gpt-latest" }).profile.structuredOutput);
    const movieSchema = z.object({
      title: z.string().describe("The title of the movie"),
      year: z.number().describe("The year the movie was released"),
      director: z.string().describe("The director of the movie"),
      rating: z.number().describe("The movie's rating out of 10"),
    });
    for (const method of ["jsonSchema", "functionCalling", "jsonMode"] as const) {
      const structuredModel = model.withStructuredOutput(movieSchema, { name: "movie", method });
      show(`withStructuredOutput method ${method}`, await structuredModel.invoke("Provide details about the movie Inception"));
    }
    const strictModel = model.withStructuredOutput(movieSchema, { name: "movie", method: "jsonSchema", strict: true });
    show("withStructuredOutput jsonSchema strict: true", await strictModel.invoke("Provide details about the movie Inception"));
    const automatic = model.withStructuredOutput(movieSchema, { name: "movie", includeRaw: true });
    const { raw, parsed } = await automatic.invoke("Provide details about the movie Inception");
    show("automatic method (from the catalog) with includeRaw", { parsed, finish_reason: (raw.response_metadata as Record<string, unknown>)["finish_reason"] });

    let partials = 0;
    let last: unknown;
    for await (const partial of await model.withStructuredOutput(movieSchema, { name: "movie" }).stream("Provide details about the movie Inception")) {
      partials++;
      last = partial;
    }
    show(`streamed structured output (${partials} partial objects, then)`, last);
  },
};
