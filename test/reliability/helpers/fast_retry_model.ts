// ChatOpenRouter with a short backoff step, so a storm of retries finishes in seconds. Only the
// first step changes; Retry-After and availability.retry_after still decide the wait when sent.
import { ChatOpenRouter, type ChatOpenRouterFields } from "../../../src/index.js";

export class FastRetryChatOpenRouter extends ChatOpenRouter {
  constructor(fields: ChatOpenRouterFields, retryBaseDelayMs = 4) {
    super(fields);
    // the internal tuning field ChatOpenRouter passes to its connection on every call
    this.retryBaseDelayMs = retryBaseDelayMs;
  }
}
