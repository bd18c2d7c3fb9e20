// The inputs LangChain's standard chat-model tests use (@langchain/standard-tests, which is not
// published on npm), written for this suite: the adder tool and schema in zod 3 and zod 4, the
// math-addition prompt, the weather and time tools, the person tool, and the standard constructor
// params. Our own code; the upstream suite was read for what each check asserts.
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StructuredTool, tool } from "@langchain/core/tools";
import { z } from "zod";
import { z as z3 } from "zod/v3";

export const adderSchema = z
  .object({
    a: z.number().int().describe("The first integer to add."),
    b: z.number().int().describe("The second integer to add."),
  })
  .describe("Add two integers");

export const adderSchemaZod3 = z3
  .object({
    a: z3.number().int().describe("The first integer to add."),
    b: z3.number().int().describe("The second integer to add."),
  })
  .describe("Add two integers");

/** The adder as a StructuredTool subclass, the oldest tool form. */
export class AdderTool extends StructuredTool {
  name = "AdderTool";
  description = "Add two integers";
  schema = adderSchema;

  async _call(input: z.infer<typeof adderSchema>): Promise<string> {
    return JSON.stringify({ result: input.a + input.b });
  }
}

/** The JSON schema OpenRouter receives for the adder (zod 3 and zod 4 alike). */
export const ADDER_PARAMETERS = {
  type: "object",
  description: "Add two integers",
  properties: {
    a: { type: "integer", description: "The first integer to add." },
    b: { type: "integer", description: "The second integer to add." },
  },
  required: ["a", "b"],
};

export const MATH_ADDITION_PROMPT = ChatPromptTemplate.fromMessages([
  ["system", "You are bad at math and must ALWAYS call the {toolName} function."],
  ["human", "What is the sum of 1836281973 and 19973286?"],
]);
export const MATH_A = 1836281973;
export const MATH_B = 19973286;

export const weatherTool = tool(async () => "The weather in San Francisco is 70 degrees and sunny.", {
  name: "get_current_weather",
  description: "Get the current weather in a given location",
  schema: z.object({ location: z.string().describe("The city name, e.g. San Francisco") }),
});

export const currentTimeTool = tool(async () => "no-op", {
  name: "get_current_time",
  description: "Get the current time in a given location",
  schema: z3.object({ location: z3.string().describe("The city name, e.g. San Francisco") }),
});

export const PARALLEL_PROMPT =
  "What's the weather and current time in San Francisco?\n" +
  "Ensure you ALWAYS call the 'get_current_weather' tool for weather and 'get_current_time' tool for time.";

export const personSchema = z
  .object({
    name: z.string().describe("Name of the person"),
    age: z.number().int().positive().describe("Age of the person"),
  })
  .describe("A person");

/** What the standard unit tests construct every model with (timeout in our unit, milliseconds). */
export const STANDARD_PARAMS = { temperature: 0, maxTokens: 100, timeout: 60, stopSequences: [], maxRetries: 2 };
