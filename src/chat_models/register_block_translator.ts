// How `message.contentBlocks` sees reasoning, citations and generated images.
//
// Core's AIMessage.contentBlocks looks up a translator by `response_metadata.model_provider` in a
// Map it keeps on globalThis (`lc_block_translators_registry`, core ≥ 1.2). Its "openrouter" entry
// reads reasoning only (from `reasoning_details` or `reasoning_content`) and drops citations and
// images. ChatOpenRouter stamps `model_provider: "openrouter"` on every message and chunk and puts
// this package's translator in that entry, so the default (v0) output gets complete v1 blocks while
// `content` stays the plain string; `outputVersion: "v1"` (core's cast) then puts the same blocks in
// `content`. Core has no public registration API: if the registry is missing, core's own
// translator (or its default) stays, and the raw fields are still in additional_kwargs.
import type { AIMessage, AIMessageChunk } from "@langchain/core/messages";
import { toStandardBlocks } from "../convert/to_standard_blocks.js";

// core calls these from AIMessage's and AIMessageChunk's contentBlocks getters, with the message itself
const translator = {
  translateContent: (message: AIMessage | AIMessageChunk) => toStandardBlocks(message),
  translateContentChunk: (message: AIMessage | AIMessageChunk) => toStandardBlocks(message),
};

/** Installs this package's translator for `model_provider: "openrouter"` (idempotent). */
export function registerBlockTranslator(): void {
  const registry: unknown = Reflect.get(globalThis, "lc_block_translators_registry");
  if (registry instanceof Map && registry.get("openrouter") !== translator) registry.set("openrouter", translator);
}
