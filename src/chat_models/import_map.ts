import { ChatOpenRouter } from "./chat_openrouter.js";

/**
 * The `importMap` core's `load()` needs to rebuild a serialized `ChatOpenRouter` (its id is
 * `["langchain", "chat_models", "openrouter", "ChatOpenRouter"]`, which core does not resolve by itself):
 * `load(json, { importMap: openRouterImportMap, secretsMap: { OPENROUTER_API_KEY: key } })`.
 * Spread it beside your other packages' entries: `{ ...openRouterImportMap, ...others }`.
 */
export const openRouterImportMap = { chat_models__openrouter: { ChatOpenRouter } } as const;
