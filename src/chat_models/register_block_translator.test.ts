import { AIMessage } from "@langchain/core/messages";
import { afterEach, describe, expect, it } from "vitest";
import { registerBlockTranslator } from "./register_block_translator.js";

const REGISTRY = "lc_block_translators_registry";

// core's Map, with core's own "openrouter" entry: nothing has registered ours yet in this file
const registry = Reflect.get(globalThis, REGISTRY) as Map<string, unknown>;
const coreOwn = registry.get("openrouter");

function answer(): AIMessage {
  return new AIMessage({
    content: "See sources.",
    additional_kwargs: {
      reasoning_content: "Think.",
      annotations: [{ type: "url_citation", url_citation: { url: "https://a.example", title: "A" } }],
    },
    response_metadata: { model_provider: "openrouter" },
  });
}

afterEach(() => {
  Reflect.set(globalThis, REGISTRY, registry);
  registry.set("openrouter", coreOwn);
});

describe("registerBlockTranslator", () => {
  it("puts this package's translator in core's registry: contentBlocks then carry the citations", () => {
    expect(coreOwn).toBeDefined();
    expect(answer().contentBlocks).toEqual([
      { type: "reasoning", reasoning: "Think." },
      { type: "text", text: "See sources." },
    ]);
    registerBlockTranslator();
    registerBlockTranslator();
    expect(registry.get("openrouter")).not.toBe(coreOwn);
    expect(answer().contentBlocks).toEqual([
      { type: "reasoning", reasoning: "Think." },
      { type: "text", text: "See sources.", annotations: [{ type: "citation", source: "url", url: "https://a.example", title: "A" }] },
    ]);
  });

  it("without the registry, changes nothing and throws nothing: core's translator stays, the raw fields stay in additional_kwargs", () => {
    Reflect.deleteProperty(globalThis, REGISTRY);
    expect(() => registerBlockTranslator()).not.toThrow();
    expect(Reflect.has(globalThis, REGISTRY)).toBe(false);

    Reflect.set(globalThis, REGISTRY, { openrouter: "not a Map" });
    expect(() => registerBlockTranslator()).not.toThrow();
    expect(Reflect.get(globalThis, REGISTRY)).toEqual({ openrouter: "not a Map" });

    Reflect.set(globalThis, REGISTRY, registry);
    expect(registry.get("openrouter")).toBe(coreOwn);
    const message = answer();
    expect(message.contentBlocks).toEqual([
      { type: "reasoning", reasoning: "Think." },
      { type: "text", text: "See sources." },
    ]);
    expect(message.additional_kwargs["annotations"]).toEqual([{ type: "url_citation", url_citation: { url: "https://a.example", title: "A" } }]);
  });
});
