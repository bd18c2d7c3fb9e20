// The query string of `GET /models` and `GET /models/user`: camelCase options to OpenRouter's
// snake_case parameters, lists joined by commas. The client refuses any other option before this runs.
import type { ListModelsOptions } from "./options.js";

/** Each filter option and the query parameter it is sent as. */
const MODEL_QUERY = {
  category: "category",
  supportedParameters: "supported_parameters",
  outputModalities: "output_modalities",
  inputModalities: "input_modalities",
  endpoints: "endpoints",
  sort: "sort",
  offset: "offset",
  limit: "limit",
} as const satisfies Record<Exclude<keyof ListModelsOptions, "signal" | "headers" | "maxRetries">, string>;

const CALL_OPTIONS = new Set(["signal", "headers", "maxRetries"]);
/** The filter options `listModels` and `listUserModels` take beside the call options. */
export const MODEL_QUERY_OPTIONS: readonly string[] = Object.keys(MODEL_QUERY);
const LIST_OPTIONS = new Set(["supportedParameters", "outputModalities", "inputModalities", "endpoints"]);

/** `?category=…&supported_parameters=a,b`, or `""` when no filter is set. */
export function modelQuery(options: ListModelsOptions, method: string): string {
  const query = new URLSearchParams();
  for (const [option, value] of Object.entries(options)) {
    if (CALL_OPTIONS.has(option) || value === undefined) continue;
    const name = (MODEL_QUERY as Record<string, string>)[option];
    // any other option was refused by the client's option check (MODEL_QUERY_OPTIONS)
    if (name === undefined) continue;
    if (LIST_OPTIONS.has(option)) {
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
        throw new TypeError(`OpenRouterClient.${method} option "${option}" must be an array of strings.`);
      }
      if (value.length > 0) query.set(name, value.join(","));
    } else if (option === "offset" || option === "limit") {
      if (!Number.isInteger(value) || (value as number) < 0) {
        throw new TypeError(`OpenRouterClient.${method} option "${option}" must be an integer ≥ 0.`);
      }
      query.set(name, String(value));
    } else {
      if (typeof value !== "string" || value === "") {
        throw new TypeError(`OpenRouterClient.${method} option "${option}" must be a non-empty string, e.g. ${option === "sort" ? '"pricing-low-to-high"' : '"programming"'}.`);
      }
      query.set(name, value);
    }
  }
  const search = query.toString();
  return search ? `?${search}` : "";
}
