// The published @langchain/openrouter ChatOpenRouter (bench dependency only).
import { ChatOpenRouter } from "@langchain/openrouter";
import { API_KEY, MODEL } from "../inputs.mjs";
import { langchainClient } from "./langchain_client.mjs";

export const label = "published @langchain/openrouter ChatOpenRouter";
export const imports = ["@langchain/openrouter"];
export const { invoke, stream, streamTool, bindsTools, streamEvents, streamEventsTool } = langchainClient(
  ({ baseURL }) => new ChatOpenRouter({ model: MODEL, apiKey: API_KEY, baseURL })
);
