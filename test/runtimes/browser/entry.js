// Bundled by esbuild for the browser (platform "browser") from the built ESM, as a web app would.
// The page calls these through Playwright; each resolves to plain JSON.
import { ChatOpenRouter, OpenRouterAuthError } from "../../../dist/index.js";

function modelOn(baseURL, apiKey = "sk-or-v1-browser-test") {
  return new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", apiKey, baseURL });
}

globalThis.openRouterSmoke = {
  hasProcess: typeof process !== "undefined",

  async stream(baseURL, prompt) {
    const pieces = [];
    for await (const chunk of await modelOn(baseURL).stream(prompt)) pieces.push(chunk.text);
    return { text: pieces.join(""), chunks: pieces.length };
  },

  async invoke(baseURL, prompt) {
    const message = await modelOn(baseURL).invoke(prompt);
    return { text: message.content, model: message.response_metadata.model_name, usage: message.usage_metadata };
  },

  async rejectedKey(baseURL) {
    try {
      await modelOn(baseURL, "sk-or-v1-invalid").invoke("hi");
      return { name: "no error" };
    } catch (error) {
      return { name: error.name, isAuthError: error instanceof OpenRouterAuthError, status: error.status };
    }
  },

  async abortMidStream(baseURL, prompt) {
    const controller = new AbortController();
    const pieces = [];
    try {
      for await (const chunk of await modelOn(baseURL).stream(prompt, { signal: controller.signal })) {
        pieces.push(chunk.text);
        if (pieces.join("").length > 0) controller.abort();
      }
      return { aborted: false, chunks: pieces.length };
    } catch (error) {
      return { aborted: true, name: error.name, chunks: pieces.length };
    }
  },
};
