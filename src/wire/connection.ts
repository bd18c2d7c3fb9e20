// Builds the OpenRouterConnection every client shares (chat model, platform client, embeddings):
// key and base URL resolution, attribution headers, retries and timeout, checked once.
import type { OpenRouterConnection } from "./send_request.js";

export const DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
export const DEFAULT_MAX_RETRIES = 2;

/** The connection options every OpenRouter client accepts. */
export interface OpenRouterConnectionOptions {
  apiKey?: string;
  baseURL?: string;
  siteUrl?: string;
  siteName?: string;
  maxRetries?: number;
  timeout?: number;
  defaultHeaders?: Record<string, string>;
  fetch?: typeof fetch;
}

type Check = (value: unknown) => string | undefined;

const CHECKS: Record<keyof OpenRouterConnectionOptions, Check> = {
  apiKey: (value) => (typeof value === "string" ? undefined : "a string"),
  baseURL: (value) =>
    typeof value === "string" && /^https?:\/\/[^/]/i.test(value)
      ? undefined
      : 'an absolute http(s) URL such as "https://openrouter.ai/api/v1"',
  siteUrl: (value) => (typeof value === "string" ? undefined : "a string"),
  siteName: (value) => (typeof value === "string" ? undefined : "a string"),
  maxRetries: (value) => (Number.isInteger(value) && (value as number) >= 0 ? undefined : "an integer ≥ 0"),
  timeout: (value) =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? undefined : "a number of milliseconds > 0",
  defaultHeaders: (value) =>
    typeof value === "object" && value !== null && Object.values(value).every((item) => typeof item === "string")
      ? undefined
      : "an object of string values",
  fetch: (value) => (typeof value === "function" ? undefined : "a fetch function"),
};

/**
 * Resolves the options into a connection. `env` reads an environment variable (the caller passes
 * core's `getEnvironmentVariable`; wire/ knows nothing of LangChain). `owner` names the class in
 * messages. The key may come back empty: whether that is an error is the caller's decision.
 */
export function createConnection(
  options: OpenRouterConnectionOptions,
  env: (name: string) => string | undefined,
  owner: string
): OpenRouterConnection {
  for (const key of Object.keys(CHECKS) as (keyof OpenRouterConnectionOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const problem = CHECKS[key](value);
    if (problem) {
      const shown = key === "apiKey" ? "(hidden)" : typeof value === "function" ? "a function" : String(JSON.stringify(value));
      throw new TypeError(`${owner} option "${key}" must be ${problem}; got ${shown.slice(0, 80)}.`);
    }
  }
  const headers: Record<string, string> = {};
  // attribution only when asked for: no default identity is sent on the user's behalf
  if (options.siteUrl) headers["HTTP-Referer"] = options.siteUrl;
  if (options.siteName) {
    headers["X-OpenRouter-Title"] = options.siteName;
    headers["X-Title"] = options.siteName;
  }
  Object.assign(headers, options.defaultHeaders);
  return {
    baseURL: (options.baseURL ?? env("OPENROUTER_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    apiKey: options.apiKey ?? env("OPENROUTER_API_KEY") ?? "",
    headers,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout,
    fetch: options.fetch,
  };
}
