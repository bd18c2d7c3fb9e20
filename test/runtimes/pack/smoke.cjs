// Run by test/runtimes/pack.test.ts in a fresh folder where the packed tarball is installed.
// OPENROUTER_API_KEY and OPENROUTER_BASE_URL point at the emulator.
const { ChatOpenRouter, OpenRouterAuthError } = require("@langchain/openrouter");

async function main() {
  const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5" });
  const answer = await model.invoke("Tell me a joke.");
  let streamed = "";
  for await (const chunk of await model.stream("Tell me a joke.")) streamed += chunk.text;
  const rejected = await new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: "sk-or-v1-invalid" })
    .invoke("hi")
    .catch((error) => error);
  console.log(
    JSON.stringify({
      resolved: require.resolve("@langchain/openrouter"),
      invoke: answer.content,
      stream: streamed,
      usage: answer.usage_metadata,
      error: rejected instanceof OpenRouterAuthError ? rejected.name : String(rejected),
    })
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
