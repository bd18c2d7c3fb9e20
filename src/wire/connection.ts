// Builds the OpenRouterConnection every client shares (chat model, platform client, embeddings):
// key and base URL resolution, attribution headers, retries and timeout, checked once.
import { OpenRouterAuthError } from "./errors.js";
import { type Check, type Checks, checkOptions, fetchFunction, integer, milliseconds } from "./option_checks.js";
import { hasUserinfo, redactor, withoutUserinfo } from "./redact.js";
import type { OpenRouterConnection } from "./send_request.js";

export const DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
export const DEFAULT_MAX_RETRIES = 2;
/** Attribution sent when the user names no app of their own (what @langchain/openrouter 0.4 sends). */
export const DEFAULT_SITE_URL = "https://docs.langchain.com";
export const DEFAULT_SITE_NAME = "LangChain";

/** The connection options every OpenRouter client accepts (chat model, platform client, embeddings). */
export interface OpenRouterConnectionOptions {
  /** OpenRouter API key. @default process.env.OPENROUTER_API_KEY, read once at construction */
  apiKey?: string;
  /** API base URL. @default process.env.OPENROUTER_BASE_URL ?? "https://openrouter.ai/api/v1" */
  baseURL?: string;
  /** Your app's URL, sent as `HTTP-Referer` for attribution on OpenRouter's rankings; `""` sends none. @default process.env.OPENROUTER_APP_URL ?? "https://docs.langchain.com" */
  siteUrl?: string;
  /** Your app's name, sent as `X-OpenRouter-Title` and legacy `X-Title`; `""` sends none. @default process.env.OPENROUTER_APP_TITLE ?? "LangChain" */
  siteName?: string;
  /** Marketplace categories for attribution, e.g. `["cli-agent", "programming-app"]`, sent comma-joined as `X-OpenRouter-Categories` (OpenRouter drops unknown ones). */
  appCategories?: string[];
  /** Retries after a failed attempt (408, 409, 429, 5xx, network, timeout). @default 2 */
  maxRetries?: number;
  /**
   * Milliseconds per attempt before giving up on it; also the longest a call waits when OpenRouter
   * asks for a wait (`Retry-After`) before a retry: a longer one is raised at once, with `retryAfterMs`.
   * @default undefined (no limit)
   */
  timeout?: number;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** A fetch implementation (e.g. a proxy-aware one). @default globalThis.fetch */
  fetch?: typeof fetch;
}

// fetch rejects a bad header name or value only when it sends, and the retry loop then took it for
// a network failure (and fetch's message quoted the value): names are RFC 9110 tokens, values are
// Latin-1 text without control characters
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why `value` cannot be sent as request headers, or undefined when it can. */
export function headersProblem(value: unknown): string | undefined {
  return typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([name, item]) => HEADER_NAME.test(name) && typeof item === "string" && HEADER_VALUE.test(item))
    ? undefined
    : "an object of string values with header names (values in Latin-1, without line breaks)";
}

const headerValue: Check = (value) =>
  typeof value === "string" && HEADER_VALUE.test(value) ? undefined : "a string that fits in a header (Latin-1, without line breaks or emoji)";
// sent as "Bearer <key>" after trimming
const apiKeyProblem: Check = (value) => {
  if (typeof value !== "string") return "a string";
  return HEADER_VALUE.test(value.trim()) ? undefined : "a string without line breaks or characters outside Latin-1";
};

const BASE_URL_EXAMPLE = 'an absolute http(s) URL such as "https://openrouter.ai/api/v1"';

const baseURLProblem: Check = (value) => {
  if (typeof value !== "string" || !/^https?:\/\/[^/]/i.test(value)) return BASE_URL_EXAMPLE;
  // refused, not stripped: OpenRouter authenticates by the key alone, so credentials in the URL are
  // meant for something in between (a proxy), and dropping them silently would hide that
  // (fetch refuses such a URL on every request, and its message quotes it)
  if (hasUserinfo(value)) {
    return "a URL without credentials (user:password@); send a proxy's credentials with defaultHeaders or a custom fetch";
  }
  return undefined;
};

const CHECKS: Checks<OpenRouterConnectionOptions> = {
  apiKey: apiKeyProblem,
  baseURL: baseURLProblem,
  siteUrl: headerValue,
  siteName: headerValue,
  appCategories: (value) =>
    Array.isArray(value) && value.every((item) => typeof item === "string" && !item.includes(",") && HEADER_VALUE.test(item))
      ? undefined
      : 'an array of category strings without commas, e.g. ["cli-agent", "programming-app"]',
  maxRetries: integer(0),
  timeout: milliseconds,
  defaultHeaders: headersProblem,
  fetch: fetchFunction,
};

/** Internal tuning, not options: tests shorten the backoff through it. */
export interface ConnectionTuning {
  /** The first backoff step in ms (500 by default). */
  retryBaseDelayMs?: number;
}

/**
 * The app named in the attribution headers: the options, else `OPENROUTER_APP_URL` /
 * `OPENROUTER_APP_TITLE` (as the Python package reads them; an empty variable counts as unset),
 * else LangChain's. An empty option sends none.
 */
export function attributionOf(
  options: Pick<OpenRouterConnectionOptions, "siteUrl" | "siteName">,
  env: (name: string) => string | undefined
): { siteUrl: string; siteName: string } {
  return {
    siteUrl: options.siteUrl ?? (env("OPENROUTER_APP_URL") || undefined) ?? DEFAULT_SITE_URL,
    siteName: options.siteName ?? (env("OPENROUTER_APP_TITLE") || undefined) ?? DEFAULT_SITE_NAME,
  };
}

type EnvironmentHosts = { Deno?: { env?: { get(name: string): unknown } }; process?: { env?: Record<string, unknown> } };

/**
 * Whether reading the environment throws: Deno without `--allow-env`, or a runtime that denies
 * `process.env`. core's `getEnvironmentVariable` then answers undefined, as for an unset variable.
 */
function environmentDenied(): boolean {
  const { Deno: deno, process: node } = globalThis as EnvironmentHosts;
  try {
    if (deno?.env) deno.env.get("OPENROUTER_API_KEY");
    else void node?.env?.["OPENROUTER_API_KEY"];
    return false;
  } catch {
    return true;
  }
}

/** The error for a client, or one of its methods (`what`), that needs a key and has none: it names the fix, and says when the environment could not be read. */
export function missingKeyError(what: string): OpenRouterAuthError {
  if (environmentDenied()) {
    return new OpenRouterAuthError(
      `${what} needs an API key, and OPENROUTER_API_KEY could not be read: the runtime denied access to the environment.\n` +
        "Under Deno, run with --allow-env=OPENROUTER_API_KEY (or --allow-env); or pass { apiKey }."
    );
  }
  return new OpenRouterAuthError(`${what} needs an API key: pass { apiKey } or set OPENROUTER_API_KEY.`);
}

/** The names of the connection options, as every client's option tables leave them to {@link createConnection}. */
export const CONNECTION_OPTION_NAMES = Object.keys(CHECKS) as readonly (keyof OpenRouterConnectionOptions)[];

/**
 * Resolves the options into a connection. `env` reads an environment variable (the caller passes
 * core's `getEnvironmentVariable`; wire/ knows nothing of LangChain). `owner` names the class in
 * messages. The key may come back empty: whether that is an error is the caller's decision.
 */
export function createConnection(
  options: OpenRouterConnectionOptions,
  env: (name: string) => string | undefined,
  owner: string,
  tuning: ConnectionTuning = {}
): OpenRouterConnection {
  // only the connection's own options: the caller's object also holds the client's
  const own: Partial<Record<keyof OpenRouterConnectionOptions, unknown>> = {};
  for (const key of CONNECTION_OPTION_NAMES) own[key] = options[key];
  checkOptions(own, CHECKS, `${owner} option`);
  const headers: Record<string, string> = {};
  // LangChain's attribution unless the user names their app (as @langchain/openrouter 0.4 does);
  // an empty string sends none. The title goes under OpenRouter's current name and the legacy one.
  const { siteUrl, siteName } = attributionOf(options, env);
  if (siteUrl) headers["HTTP-Referer"] = siteUrl;
  if (siteName) {
    headers["X-OpenRouter-Title"] = siteName;
    headers["X-Title"] = siteName;
  }
  if (options.appCategories?.length) headers["X-OpenRouter-Categories"] = options.appCategories.join(",");
  Object.assign(headers, options.defaultHeaders);
  // the environment's values get the options' checks too: a bad one would otherwise fail (and be
  // retried) on every request; an empty variable counts as unset
  const baseURL = (options.baseURL ?? (env("OPENROUTER_BASE_URL") || undefined) ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const baseURLFault = baseURLProblem(baseURL);
  if (baseURLFault) {
    const shown = JSON.stringify(withoutUserinfo(baseURL).slice(0, 80));
    throw new TypeError(`${owner} needs ${baseURLFault}: OPENROUTER_BASE_URL is ${shown}.`);
  }
  const apiKey = (options.apiKey ?? env("OPENROUTER_API_KEY") ?? "").trim();
  if (apiKeyProblem(apiKey)) throw new TypeError(`${owner}: OPENROUTER_API_KEY must be ${apiKeyProblem(apiKey)}.`);
  return {
    owner,
    baseURL,
    apiKey,
    redact: redactor(apiKey),
    headers,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout,
    fetch: options.fetch,
    retryBaseDelayMs: tuning.retryBaseDelayMs,
  };
}
