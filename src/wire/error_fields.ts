// What an OpenRouterError carries, and its two constructor forms read into one fields object.

export interface OpenRouterErrorFields {
  /** HTTP status, or the `error.code` of an in-band error when it is numeric. */
  status?: number;
  /** OpenRouter's `error.code` as sent: usually the status, sometimes a string such as `"server_error"`. */
  code?: number | string;
  /** OpenRouter's `error.metadata`: `provider_name`, `raw`, `reasons`, `error_type`, … */
  metadata?: Record<string, unknown>;
  /** `error.availability` (api.md §5.4), when sent. */
  availability?: Record<string, unknown>;
  /** The body as OpenRouter sent it: the parsed JSON, or the first characters of a non-JSON body. */
  raw?: unknown;
  /** Top-level `user_id` of the error body. */
  userId?: string;
  /** `x-request-id` / `request-id` / `cf-ray` response header. */
  requestId?: string;
  /** `X-Generation-Id` response header, or the `id` of the chunk that carried the error. */
  generationId?: string;
  /** The response headers (the request's are never kept); stored as a lower-cased record. */
  headers?: Headers | Record<string, string>;
  /** How long OpenRouter asked to wait before a retry, in ms (see {@link OpenRouterError.retryAfterMs}). */
  retryAfterMs?: number;
  /** The answer's text before the failure, when OpenRouter answered 200 and then failed (see {@link OpenRouterError.partialText}). */
  partialText?: string;
  /** The usage OpenRouter reported before or with the failure (see {@link OpenRouterError.usage}). */
  usage?: unknown;
  cause?: unknown;
}

/** The published 0.4 constructor's arguments after the message: `(statusCode?, code?, metadata?, headers?)`. */
export type PositionalArguments = [
  statusCode?: number,
  code?: number | string,
  metadata?: Record<string, unknown>,
  headers?: Headers | Record<string, string>,
];

/** Both constructor forms as one fields object: `(message, fields)` and the published `(message, statusCode, …)`. */
export function fieldsOfArguments<F extends OpenRouterErrorFields>(args: [F?] | PositionalArguments): F {
  const [first, code, metadata, headers] = args;
  if (typeof first === "object" && first !== null) return first;
  return { status: first ?? undefined, code, metadata, headers } as F;
}

/** Lower-cased names, as `Headers` reports them; repeated headers joined as `Headers.get` joins them. */
export function headerRecordOf(headers: Headers | Record<string, string> | undefined): Record<string, string> | undefined {
  if (headers == null) return undefined;
  const record: Record<string, string> = {};
  const add = (value: string, name: string) => {
    const key = name.toLowerCase();
    record[key] = record[key] === undefined ? value : `${record[key]}, ${value}`;
  };
  if (typeof (headers as Headers).forEach === "function" && typeof (headers as Headers).get === "function") {
    (headers as Headers).forEach(add);
  } else {
    for (const [name, value] of Object.entries(headers)) add(String(value), name);
  }
  return record;
}

/** The arguments after the message: one fields object, or the published 0.4 positional form. */
export type ErrorArguments<F extends OpenRouterErrorFields> = [fields?: F] | PositionalArguments;
