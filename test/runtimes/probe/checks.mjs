// The checks every other runtime (Bun, Deno, workerd) runs on the packed tarball, and Node too as
// the reference: invoke, stream, a tool call, streamEvents v2, core's content-block streamEvents, the
// Responses API (invoke and stream) and a typed error. `openrouter` is the package's exports as that runtime loaded them; `fields` are
// added to every model (empty where OPENROUTER_API_KEY and OPENROUTER_BASE_URL are read from the
// environment). Resolves to plain JSON: only what is the same on every runtime and every run.
export async function runChecks({ ChatOpenRouter, OpenRouterAuthError, OpenRouterError }, z, fields = {}) {
  const model = (extra = {}) => new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", ...fields, ...extra });
  const weather = {
    name: "get_weather",
    description: "Get the current weather in a city",
    schema: z.object({ city: z.string().describe("The city, e.g. Paris") }),
  };

  const answer = await model().invoke("Tell me a joke.");

  const pieces = [];
  for await (const chunk of await model().stream("Write a short poem about the sea.")) pieces.push(chunk.text);

  const called = await model().bindTools([weather]).invoke("What is the weather in Paris?");

  const v2 = [];
  for await (const event of model().streamEvents("Tell me a joke.", { version: "v2" })) v2.push(event);
  const v2Chunks = v2.filter((event) => event.event === "on_chat_model_stream").map((event) => event.data.chunk.text);
  const v2End = v2.find((event) => event.event === "on_chat_model_end");

  const blocks = model().streamEvents("Write a short poem about the sea.");
  const blockEvents = [];
  for await (const event of blocks) blockEvents.push(event.event);
  const blockToolCalls = await model().bindTools([weather]).streamEvents("What is the weather in Paris?").toolCalls;

  // the Responses API: POST /responses, read as the same message; its stream's events as the same chunks
  const viaResponses = await model({ useResponsesApi: true }).invoke("Tell me a joke.");
  const responsesPieces = [];
  for await (const chunk of await model({ useResponsesApi: true }).stream("Write a short poem about the sea.")) responsesPieces.push(chunk.text);

  const rejected = await model({ apiKey: "sk-or-v1-invalid" })
    .invoke("hi")
    .then(() => undefined, (error) => error);

  return {
    invoke: { text: answer.content, model: answer.response_metadata.model_name, usage: answer.usage_metadata },
    stream: { text: pieces.join(""), chunks: pieces.length },
    toolCalls: called.tool_calls.map(({ name, args }) => ({ name, args })),
    streamEventsV2: {
      events: [...new Set(v2.map((event) => event.event))],
      text: v2Chunks.join(""),
      chunks: v2Chunks.length,
      output: v2End?.data.output.content,
    },
    contentBlocks: {
      events: [...new Set(blockEvents)],
      text: (await blocks).content,
      toolCalls: blockToolCalls.map(({ name, args }) => ({ name, args })),
    },
    responsesApi: { text: viaResponses.content, status: viaResponses.response_metadata.native_finish_reason, stream: responsesPieces.join("") },
    error: {
      name: rejected?.name,
      status: rejected?.status,
      instanceOfAuthError: rejected instanceof OpenRouterAuthError,
      isAuthError: OpenRouterAuthError.isInstance(rejected),
      isOpenRouterError: OpenRouterError.isInstance(rejected),
    },
  };
}
