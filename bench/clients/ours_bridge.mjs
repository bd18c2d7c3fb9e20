// This repository's ChatOpenRouter with its native `_streamChatModelEvents` taken away: `streamEvents()`
// then runs core's compat bridge (`BaseChatModel.prototype._streamChatModelEvents`, which converts the
// chunks of our own `_streamResponseChunks` into events), what a user would get without the native path.
// Only for the stream-events test (for the others it is `ours`).
import { ChatOpenRouter } from "../../dist/index.js";
import { API_KEY, MODEL } from "../inputs.mjs";
import { eventClient } from "./langchain_client.mjs";

// core's BaseChatModel as dist/ loads it (the repo's node_modules, not the bench's copy): the nearest
// class above ChatOpenRouter that defines `_streamChatModelEvents`
let base = Object.getPrototypeOf(ChatOpenRouter.prototype);
while (base && !Object.hasOwn(base, "_streamChatModelEvents")) base = Object.getPrototypeOf(base);
if (base?.constructor?.name !== "BaseChatModel") throw new Error(`ours_bridge: expected BaseChatModel above ChatOpenRouter, found ${base?.constructor?.name}`);
const bridge = base._streamChatModelEvents;

class BridgedChatOpenRouter extends ChatOpenRouter {
  _streamChatModelEvents(messages, options, runManager) {
    return bridge.call(this, messages, options, runManager);
  }
}

export const label = "ours via core's compat bridge (over our _streamResponseChunks)";
export const imports = [];
const models = new Map();
const modelFor = (baseURL) => {
  let model = models.get(baseURL);
  if (!model) models.set(baseURL, (model = new BridgedChatOpenRouter({ model: MODEL, apiKey: API_KEY, baseURL })));
  return model;
};
export const { streamEvents, streamEventsTool } = eventClient(modelFor);
