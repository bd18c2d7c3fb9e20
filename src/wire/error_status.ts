// The status an in-band error stands for when none came with it: OpenRouter's `error_type`
// (ApiErrorType, "stable across all API formats") and the Responses API's string `code`s
// (docs/responses_api.md §5.3, §5.4), one vocabulary, read as the HTTP status the same failure has.

const STATUS_OF_NAME: Readonly<Record<string, number>> = {
  authentication: 401,
  payment_required: 402,
  permission_denied: 403,
  content_policy_violation: 403,
  image_content_policy_violation: 403,
  not_found: 404,
  image_not_found: 404,
  timeout: 408,
  vector_store_timeout: 408,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limit_exceeded: 429,
  server: 500,
  server_error: 500,
  provider_unavailable: 502,
  provider_overloaded: 503,
};

// invalid_prompt, invalid_image…, image_too_large, unsupported_image_media_type, failed_to_download_image,
// context_length_exceeded, max_tokens_exceeded, token_limit_exceeded, string_too_long, precondition_failed
const BAD_REQUEST = /^(invalid_|image_|empty_|failed_|unsupported_|context_length|max_tokens|token_limit|string_too|precondition)/;

/** The status an `error_type` or string `code` names, or undefined for a name outside the vocabulary. */
export function statusOfErrorName(name: string): number | undefined {
  return STATUS_OF_NAME[name] ?? (BAD_REQUEST.test(name) ? 400 : undefined);
}
