// ChatOpenRouter with a short backoff step, so a storm of retries finishes in seconds. Only the
// first step changes; Retry-After and availability.retry_after still decide the wait when sent.
import { ChatOpenRouter, type ChatOpenRouterFields } from "../../../src/index.js";

export class FastRetryChatOpenRouter extends ChatOpenRouter {
  constructor(
    fields: ChatOpenRouterFields,
    private readonly retryBaseDelayMs = 4
  ) {
    super(fields);
  }

  protected override connectionFor(options: this["ParsedCallOptions"]): ReturnType<ChatOpenRouter["connectionFor"]> {
    return { ...super.connectionFor(options), retryBaseDelayMs: this.retryBaseDelayMs };
  }
}
