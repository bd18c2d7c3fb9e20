// The fix an error names points the right way for what a newcomer gets wrong: a baseURL without
// /api/v1, a model id OpenRouter does not know, a failure that outlived its retries, and a key set
// in an environment the runtime would not let us read.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChatOpenRouter, OpenRouterBadRequestError, OpenRouterNotFoundError, OpenRouterProviderError } from "../src/index.js";
import { CANARY_API_KEY, useEmulator } from "./helpers/emulator.js";
import { FastRetryChatOpenRouter } from "./reliability/helpers/fast_retry_model.js";

const emulator = useEmulator();

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (caught: unknown) => caught);

describe("error hints", () => {
  it("a baseURL without /api/v1 gets a 404 page, and the error says the path may be wrong, not the model", async () => {
    const origin = emulator.current.baseURL.replace(/\/api\/v1$/, "");
    const model = new ChatOpenRouter({ model: "openai/gpt-4o-mini", apiKey: CANARY_API_KEY, baseURL: origin, maxRetries: 0 });
    const error = await failure(model.invoke("hi"));
    expect(error).toBeInstanceOf(OpenRouterNotFoundError);
    expect((error as Error).message).toContain("baseURL must end in /api/v1");
    expect((error as Error).message).not.toContain("provider filters");
  });

  it("OpenRouter's own 404 JSON keeps its own hint, not the path one", async () => {
    const model = new ChatOpenRouter({ model: "openai/gpt-4o-mini", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURLFor("status:404"), maxRetries: 0 });
    const error = await failure(model.invoke("hi"));
    expect(error).toBeInstanceOf(OpenRouterNotFoundError);
    expect((error as Error).message).not.toContain("baseURL must end in /api/v1");
  });

  it("a 400 'not a valid model ID' points to the models list", async () => {
    const model = new ChatOpenRouter({
      model: "acme/fake-1.0",
      apiKey: CANARY_API_KEY,
      baseURL: emulator.current.baseURLFor("fixture:error-400-model-not-found-availability.docs-example.json"),
    });
    const error = await failure(model.invoke("hi"));
    expect(error).toBeInstanceOf(OpenRouterBadRequestError);
    expect((error as Error).message).toMatch(/acme\/fake-1\.0 is not a valid model ID/);
    expect((error as Error).message).toContain("listModels()");
  });

  it("a 503 after the retries ran out says how many attempts were made; one that was not retried says nothing of it", async () => {
    const model = new FastRetryChatOpenRouter({ model: "openai/gpt-4o-mini", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURLFor("status:503"), maxRetries: 2 });
    const error = await failure(model.invoke("hi"));
    expect(error).toBeInstanceOf(OpenRouterProviderError);
    expect((error as Error).message).toContain("Gave up after 3 attempts (maxRetries: 2)");
    expect(emulator.current.chatRequests()).toHaveLength(3);

    const once = new ChatOpenRouter({ model: "openai/gpt-4o-mini", apiKey: CANARY_API_KEY, baseURL: emulator.current.baseURLFor("status:503"), maxRetries: 0 });
    expect(((await failure(once.invoke("hi"))) as Error).message).not.toContain("Gave up");
  });

  describe("a key the runtime would not let us read", () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.unstubAllEnvs();
    });

    it("says the environment could not be read (Deno without --allow-env), not that the key is missing", () => {
      vi.stubEnv("OPENROUTER_API_KEY", "");
      vi.stubGlobal("Deno", {
        env: {
          get() {
            throw new Error('Requires env access to "OPENROUTER_API_KEY", run again with the --allow-env flag');
          },
        },
      });
      expect(() => new ChatOpenRouter({ model: "openai/gpt-4o-mini" })).toThrow(/could not be read.*\n.*--allow-env/);
    });

    it("an unset key, where the environment can be read, names the variable to set", () => {
      vi.stubEnv("OPENROUTER_API_KEY", "");
      expect(() => new ChatOpenRouter({ model: "openai/gpt-4o-mini" })).toThrow("ChatOpenRouter needs an API key: pass { apiKey } or set OPENROUTER_API_KEY.");
    });
  });
});
