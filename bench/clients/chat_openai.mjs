// @langchain/openai ChatOpenAI pointed at OpenRouter's OpenAI-compatible API (bench dependency only).
import { ChatOpenAI } from "@langchain/openai";
import { API_KEY, MODEL } from "../inputs.mjs";
import { langchainClient } from "./langchain_client.mjs";

export const label = "@langchain/openai ChatOpenAI (baseURL)";
export const imports = ["@langchain/openai"];
export const { invoke, stream, streamTool, bindsTools, streamEvents, streamEventsTool } = langchainClient(
  ({ baseURL }) => new ChatOpenAI({ model: MODEL, apiKey: API_KEY, configuration: { baseURL } })
);
