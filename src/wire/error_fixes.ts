// The fix an error message names, by status and what the body says: the line after OpenRouter's own
// message that tells the user what to do (a key, credits, the model id, the URL, a quota's wait).
import type { RateLimitKind } from "./rate_limit_type.js";
import type { OpenRouterErrorObject } from "./types.js";

/** OpenRouter's word for a model id it does not know (a 400 with availability.code model_not_found, api.md §5.4). */
const INVALID_MODEL = /not a valid model id/i;

/** The fix a message names, by status; `openRouters` is false when the body is not OpenRouter's JSON error (a proxy's, a web page). */
export function fixFor(status: number | undefined, error: OpenRouterErrorObject, rateLimit: RateLimitKind, openRouters: boolean): string | undefined {
  if (status === 404 && !openRouters) {
    return "This 404 is not OpenRouter's JSON error, so the URL is likely wrong rather than the model: baseURL must end in /api/v1 (https://openrouter.ai/api/v1), and a proxy must pass the path on.";
  }
  if (status === 400 && (error.availability?.["code"] === "model_not_found" || (typeof error.message === "string" && INVALID_MODEL.test(error.message)))) {
    return "Check the model id: `await new OpenRouterClient().listModels()` (or https://openrouter.ai/models) lists them, as author/model, e.g. openai/gpt-4o-mini.";
  }
  if (status === 429 && rateLimit.type === "stop") {
    return "A quota, not a momentary rate limit: retrying within seconds will not help. Wait for it to reset (retryAfterMs, when known), add credits at https://openrouter.ai/credits (free models allow 50 requests a day, 1000 once $10 of credits were bought), or use another model or provider key.";
  }
  switch (status) {
    case 401:
      return "Check the API key: pass { apiKey } or set OPENROUTER_API_KEY (keys look like sk-or-v1-…).";
    case 402:
      return "Add credits at https://openrouter.ai/credits, or lower maxTokens: OpenRouter reserves credit for max_tokens.";
    case 404:
      return "Check the model id (https://openrouter.ai/models) and any provider filters (only, ignore, quantizations, max_price).";
    case 429:
      return "Rate limited: retry later, lower concurrency, or add your own provider key at https://openrouter.ai/settings/integrations.";
    default:
      if (error.availability && Array.isArray(error.availability["fallback_models"])) {
        return `Fallback models: ${(error.availability["fallback_models"] as unknown[]).join(", ")}.`;
      }
      return undefined;
  }
}
