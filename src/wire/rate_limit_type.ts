// Is a 429 a momentary throttle (retry after a short wait) or a quota that waiting seconds will not
// lift (stop)? Read from what OpenRouter sends: the message, the upstream provider's raw message,
// `metadata.limit_source`, a string `code` and `availability`.

/** `"retry"`: throttling that a short wait clears. `"stop"`: a quota (daily cap, exhausted credits or plan). */
export type OpenRouterRateLimitType = "retry" | "stop";

export interface RateLimitKind {
  type: OpenRouterRateLimitType;
  /** OpenRouter's name for the limit when it sends one (`limit_source`, the name in "Rate limit exceeded: <name>", `availability.code`). */
  reason?: string;
}

// "Rate limit exceeded: free-models-per-day" (OpenRouter's daily cap on free models,
// fixtures/error-429-free-models-per-day.transcribed.json; "-high-balance" variant too), and
// limit_source "openrouter_free_tier_daily" (seen live, Avarok-Cybersecurity/atlas#543)
const DAILY = /per[-_ ]?day|daily/i;
// OpenAI's insufficient_quota ("You exceeded your current quota, please check your plan and billing
// details") when it is the upstream, and credit-backed limits (limit_source "openrouter_credits", api.md §5.3)
const QUOTA = /insufficient[_ -]?quota|quota[_ ](?:has been )?(?:exhausted|exceeded|reached)|exceeded (?:your|the) (?:\w+ )?quota|credits/i;
// a per-minute window clears within a minute, whatever the message calls it
const SHORT_WINDOW = /per[-_ ]?min|minute|retry (?:in|after) \d/i;
// OpenRouter names its own limit after the colon: "Rate limit exceeded: free-models-per-min."
const LIMIT_NAME = /rate limit exceeded:\s*([a-z0-9][a-z0-9_-]*)/i;

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value == null) return undefined;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Classifies a 429 from its server message (not ours: our fix line would be read too) and body fields. */
export function rateLimitKindOf(
  message: string | undefined,
  parts: { code?: unknown; metadata?: Record<string, unknown>; availability?: Record<string, unknown> } = {}
): RateLimitKind {
  const { metadata, availability } = parts;
  const limitSource = typeof metadata?.["limit_source"] === "string" ? metadata["limit_source"] : undefined;
  const code = typeof parts.code === "string" && !/^\d+$/.test(parts.code) ? parts.code : undefined;
  const availabilityCode = typeof availability?.["code"] === "string" ? availability["code"] : undefined;
  const reason = limitSource ?? LIMIT_NAME.exec(message ?? "")?.[1] ?? availabilityCode ?? code;
  const texts = [message, textOf(metadata?.["raw"]), limitSource, code].filter((text): text is string => Boolean(text));
  const daily = texts.some((text) => DAILY.test(text));
  const quota = texts.some((text) => QUOTA.test(text)) && !texts.some((text) => SHORT_WINDOW.test(text));
  // OpenRouter says when waiting cannot help (api.md §5.4)
  const stop = daily || quota || availability?.["retryable"] === false;
  return { type: stop ? "stop" : "retry", reason: reason ?? (stop ? "quota_message" : undefined) };
}
