// This repository's ChatOpenRouter, from its build (dist/), constructed as the docs page does.
import { ChatOpenRouter } from "../../dist/index.js";
import { API_KEY, MODEL } from "../inputs.mjs";
import { langchainClient } from "./langchain_client.mjs";

export const label = "ours: ChatOpenRouter (this repo, dist/)";
export const imports = [new URL("../../dist/index.js", import.meta.url).href];
export const { invoke, stream, streamTool, bindsTools, streamEvents, streamEventsTool } = langchainClient(
  ({ baseURL }) => new ChatOpenRouter({ model: MODEL, apiKey: API_KEY, baseURL })
);
