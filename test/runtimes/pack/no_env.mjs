// Run by Deno without --allow-env: the key is set, but the runtime will not let us read it.
import { ChatOpenRouter } from "@langchain/openrouter";

try {
  new ChatOpenRouter({ model: "openai/gpt-4o-mini" });
  console.log(JSON.stringify({ name: "none" }));
} catch (error) {
  console.log(JSON.stringify({ name: error.name, message: error.message }));
}
