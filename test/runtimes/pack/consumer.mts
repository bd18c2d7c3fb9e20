// Type-checked (not run) by test/runtimes/pack.test.ts against the installed tarball's types, as an
// ESM (nodenext) user would compile it; consumer.cts is its CommonJS twin.
import {
  ChatOpenRouter,
  type ChatOpenRouterFields,
  type ChatOpenRouterInput,
  OPENROUTER_MODEL_PROFILES,
  type OpenRouter,
  OpenRouterError,
} from "@langchain/openrouter";
import { z } from "zod";

const fields: ChatOpenRouterFields = { model: "openai/gpt-4o", temperature: 0, maxTokens: 10 };
const model = new ChatOpenRouter(fields);
// the names @langchain/openrouter 0.4 exported: the type-only OpenRouter namespace, ChatOpenRouterInput, the profiles
const provider: OpenRouter.ProviderPreferences = { order: ["Anthropic"], sort: { by: "price" } };
const input: ChatOpenRouterInput = { model: "openai/gpt-4o", provider, trace: { trace_id: "t" } satisfies OpenRouter.TraceConfig };
export const fromFirstArgument = new ChatOpenRouter("openai/gpt-4o", { temperature: 0 });
export const profiled = [new ChatOpenRouter(input).modelName, OPENROUTER_MODEL_PROFILES["openai/gpt-4o"]?.toolCalling];
const structured = model.withStructuredOutput(z.object({ a: z.number() }), { name: "pick" });
const bound = model.bindTools([{ name: "add", description: "Add two numbers", schema: z.object({ a: z.number(), b: z.number() }) }]);

export async function run(): Promise<[number, number, string]> {
  const picked: { a: number } = await structured.invoke("pick a number");
  const message = await bound.invoke("add 1 and 2", { tool_choice: "add" });
  const chunk = await model.stream("hi", { signal: AbortSignal.timeout(1000) });
  for await (const piece of chunk) void piece.text;
  // the content-block stream, on the model and on a binding, typed as core's ChatModelStream
  const events = bound.streamEvents("add 1 and 2");
  const text: string = await model.streamEvents("hi").text;
  void [text, (await events.toolCalls).length, (await events).tool_calls];
  return [picked.a, message.tool_calls?.length ?? 0, String(OpenRouterError.name)];
}
