import { describe, expect, it } from "vitest";
import { createConnection, DEFAULT_BASE_URL } from "./connection.js";

const LANGCHAIN_ATTRIBUTION = { "HTTP-Referer": "https://docs.langchain.com", "X-OpenRouter-Title": "LangChain", "X-Title": "LangChain" };

const noEnv = () => undefined;

describe("createConnection", () => {
  it("defaults: OpenRouter's URL, 2 retries, LangChain's attribution, empty key", () => {
    const { redact, ...connection } = createConnection({}, noEnv, "X");
    expect(connection).toEqual({
      owner: "X",
      baseURL: DEFAULT_BASE_URL,
      apiKey: "",
      headers: LANGCHAIN_ATTRIBUTION,
      maxRetries: 2,
      timeout: undefined,
      fetch: undefined,
      retryBaseDelayMs: undefined,
    });
    // no key, nothing to remove
    expect(redact("text")).toBe("text");
  });

  it("options win over the environment; the environment over the defaults", () => {
    const env = (name: string) => ({ OPENROUTER_API_KEY: "sk-env", OPENROUTER_BASE_URL: "http://env.local/api/v1/" })[name];
    expect(createConnection({}, env, "X")).toMatchObject({ apiKey: "sk-env", baseURL: "http://env.local/api/v1" });
    expect(createConnection({ apiKey: "sk-own", baseURL: "http://own.local//" }, env, "X")).toMatchObject({
      apiKey: "sk-own",
      baseURL: "http://own.local",
    });
  });

  it("the user's siteUrl and siteName replace LangChain's; an empty string sends none; categories comma-joined", () => {
    expect(createConnection({ siteUrl: "https://myapp.com" }, noEnv, "X").headers).toEqual({
      ...LANGCHAIN_ATTRIBUTION,
      "HTTP-Referer": "https://myapp.com",
    });
    expect(createConnection({ siteUrl: "", siteName: "" }, noEnv, "X").headers).toEqual({});
    expect(createConnection({ appCategories: ["cli-agent", "programming-app"] }, noEnv, "X").headers).toEqual({
      ...LANGCHAIN_ATTRIBUTION,
      "X-OpenRouter-Categories": "cli-agent,programming-app",
    });
    expect(createConnection({ appCategories: [] }, noEnv, "X").headers).toEqual(LANGCHAIN_ATTRIBUTION);
    expect(() => createConnection({ appCategories: ["a,b"] }, noEnv, "X")).toThrow(/"appCategories" must be an array of category strings without commas/);
  });

  it("user attribution; default headers last", () => {
    const connection = createConnection(
      { siteUrl: "https://example.com", siteName: "Example", defaultHeaders: { "X-Title": "Override", "x-extra": "1" } },
      noEnv,
      "X"
    );
    expect(connection.headers).toEqual({
      "HTTP-Referer": "https://example.com",
      "X-OpenRouter-Title": "Example",
      "X-Title": "Override",
      "x-extra": "1",
    });
  });

  it("bad options are TypeErrors naming the owner and option, never showing the key", () => {
    expect(() => createConnection({ maxRetries: -1 }, noEnv, "OpenRouterThing")).toThrow(
      'OpenRouterThing option "maxRetries" must be an integer ≥ 0; got -1.'
    );
    expect(() => createConnection({ apiKey: ["sk-secret-value"] as unknown as string }, noEnv, "X")).toThrow(/got \(hidden\)/);
    expect(() => createConnection({ fetch: "fetch" as unknown as typeof fetch }, noEnv, "X")).toThrow(/a fetch function/);
  });
});
