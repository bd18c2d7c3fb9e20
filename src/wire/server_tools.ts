// OpenRouter's server tools (api.md §2.3): tools OpenRouter runs itself during the request, which go
// in `tools` beside function tools and never come back as tool calls. Each builder makes the wire
// object; `bindTools` sends it as it is.
import type {
  OpenRouterAdvisorParameters,
  OpenRouterAdvisorTool,
  OpenRouterDatetimeParameters,
  OpenRouterDatetimeTool,
  OpenRouterFusionParameters,
  OpenRouterFusionTool,
  OpenRouterImageGenerationParameters,
  OpenRouterImageGenerationTool,
  OpenRouterServerTool,
  OpenRouterWebFetchParameters,
  OpenRouterWebFetchTool,
  OpenRouterWebSearchParameters,
  OpenRouterWebSearchTool,
} from "./request_types.js";

function serverTool<T extends OpenRouterServerTool>(type: T["type"], parameters: T["parameters"]): T {
  return (parameters === undefined ? { type } : { type, parameters }) as T;
}

/**
 * Builders of OpenRouter's server tools, for `bindTools` beside function tools:
 *
 * ```ts
 * const model = new ChatOpenRouter({ model: "openai/gpt-4.1-mini" }).bindTools([
 *   serverTools.webSearch({ max_results: 3 }),
 *   serverTools.datetime({ timezone: "Europe/Paris" }),
 * ]);
 * ```
 *
 * The model decides when to call them and OpenRouter runs them; what they did comes back as
 * citations, `server_tool_call` / `server_tool_call_result` blocks and `usage.server_tool_use_details`.
 */
export const serverTools = {
  /** `openrouter:web_search`: search the web; results come back as url citations. */
  webSearch: (parameters?: OpenRouterWebSearchParameters): OpenRouterWebSearchTool =>
    serverTool<OpenRouterWebSearchTool>("openrouter:web_search", parameters),
  /** `openrouter:web_fetch`: fetch a URL (page or PDF) and read its text. */
  webFetch: (parameters?: OpenRouterWebFetchParameters): OpenRouterWebFetchTool =>
    serverTool<OpenRouterWebFetchTool>("openrouter:web_fetch", parameters),
  /** `openrouter:datetime`: the current date and time, in UTC or the given time zone. */
  datetime: (parameters?: OpenRouterDatetimeParameters): OpenRouterDatetimeTool =>
    serverTool<OpenRouterDatetimeTool>("openrouter:datetime", parameters),
  /** `openrouter:image_generation`: generate images with an image model. */
  imageGeneration: (parameters?: OpenRouterImageGenerationParameters): OpenRouterImageGenerationTool =>
    serverTool<OpenRouterImageGenerationTool>("openrouter:image_generation", parameters),
  /** `openrouter:advisor`: consult a stronger model mid-generation (one entry per named advisor). */
  advisor: (parameters?: OpenRouterAdvisorParameters): OpenRouterAdvisorTool =>
    serverTool<OpenRouterAdvisorTool>("openrouter:advisor", parameters),
  /** `openrouter:fusion`: ask a panel of models, summarised by a judge. */
  fusion: (parameters?: OpenRouterFusionParameters): OpenRouterFusionTool =>
    serverTool<OpenRouterFusionTool>("openrouter:fusion", parameters),
  /** `openrouter:subagent`: hand a task to a sub-agent model. */
  subagent: (parameters?: Record<string, unknown>): OpenRouterServerTool => serverTool("openrouter:subagent", parameters),
  /** `openrouter:experimental__search_models`: let the model search OpenRouter's model catalog. */
  searchModels: (parameters?: Record<string, unknown>): OpenRouterServerTool =>
    serverTool("openrouter:experimental__search_models", parameters),
  /** `openrouter:apply_patch`: let the model edit files by patches. Responses API only (`useResponsesApi: true`). */
  applyPatch: (parameters?: Record<string, unknown>): OpenRouterServerTool => serverTool("openrouter:apply_patch", parameters),
  /** `openrouter:shell`: let the model run shell commands in OpenRouter's sandbox. Responses API only (`useResponsesApi: true`). */
  shell: (parameters?: Record<string, unknown>): OpenRouterServerTool => serverTool("openrouter:shell", parameters),
  /** `openrouter:tool_search`: let the model find tools marked `defer_loading`. Responses API only (`useResponsesApi: true`). */
  toolSearch: (parameters?: Record<string, unknown>): OpenRouterServerTool => serverTool("openrouter:tool_search", parameters),
} as const;

/** The server tools OpenRouter runs only on its Responses (and Messages) API (api.md §2.3). */
export const RESPONSES_ONLY_SERVER_TOOLS: ReadonlySet<string> = new Set(["openrouter:apply_patch", "openrouter:shell", "openrouter:tool_search"]);
