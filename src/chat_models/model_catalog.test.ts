import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../test/helpers/fixtures.js";
import {
  type CatalogSourceModel,
  catalogEntry,
  catalogEntryOf,
  decodeCatalog,
  encodeCatalog,
  modelProfile,
  profileOf,
} from "./model_catalog.js";
import { MODEL_CATALOG_CAPTURED_AT, MODEL_CATALOG_DATA, MODEL_CATALOG_SOURCE } from "./model_catalog_data.js";

type ModelsBody = { data: CatalogSourceModel[] };

describe("the shipped model catalog", () => {
  it("is generated from fixtures/models-list.reduced.json by catalogEntryOf (npm run catalog), unchanged", () => {
    const reduced = fixtureJson<ModelsBody>("models-list.reduced.json");
    expect(reduced.data).toHaveLength(353);
    const regenerated = encodeCatalog(reduced.data.map((model) => [model.id as string, catalogEntryOf(model)]));
    expect(MODEL_CATALOG_DATA.trim()).toBe(regenerated);
  });

  it("says where and when it came from", () => {
    expect(MODEL_CATALOG_CAPTURED_AT).toBe("2025-12-31T20:42:09Z");
    expect(MODEL_CATALOG_SOURCE).toMatch(/GET https:\/\/openrouter\.ai\/api\/v1\/models.*posit-dev\/chatlas/);
  });

  it("agrees with the three complete recorded entries (models-list.excerpt.json)", () => {
    for (const model of fixtureJson<ModelsBody>("models-list.excerpt.json").data) {
      expect(catalogEntry(model.id as string)).toEqual(catalogEntryOf(model));
    }
  });

  it("stays small (the package must stay under 0.2 MB)", () => {
    expect(MODEL_CATALOG_DATA.length).toBeLessThan(16_000);
  });

  it("decodes what it encodes", () => {
    const entries: [string, ReturnType<typeof catalogEntryOf>][] = [
      ["a/b", { contextLength: 1000, maxOutputTokens: 10, flags: 4095 }],
      ["c/d:free", { flags: 0 }],
    ];
    expect([...decodeCatalog(encodeCatalog(entries))]).toEqual(entries);
  });
});

describe("modelProfile", () => {
  it("describes anthropic/claude-sonnet-4.5 as OpenRouter lists it", () => {
    expect(modelProfile("anthropic/claude-sonnet-4.5")).toEqual({
      maxInputTokens: 1000000,
      maxOutputTokens: 64000,
      toolCalling: true,
      toolChoice: true,
      structuredOutput: true,
      reasoningOutput: true,
      imageInputs: true,
      imageUrlInputs: true,
      pdfInputs: true,
      audioInputs: false,
      videoInputs: false,
      imageOutputs: false,
      audioOutputs: false,
      videoOutputs: false,
    });
  });

  it("reads image output, audio and video input", () => {
    expect(modelProfile("google/gemini-2.5-flash-image-preview")).toMatchObject({ imageOutputs: true, imageInputs: true, toolCalling: false });
    expect(modelProfile("google/gemini-2.5-flash")).toMatchObject({ audioInputs: true, videoInputs: true, pdfInputs: true });
  });

  it("leaves out a maximum output OpenRouter does not state", () => {
    expect(modelProfile("anthropic/claude-opus-4.1")).not.toHaveProperty("maxOutputTokens");
  });

  it("a preset on a model is that model's; a bare preset is unknown (its backend is OpenRouter's choice)", () => {
    expect(modelProfile("anthropic/claude-sonnet-4.5@preset/support")).toEqual(modelProfile("anthropic/claude-sonnet-4.5"));
    expect(modelProfile("openai/gpt-4o:nitro@preset/support")).toEqual(modelProfile("openai/gpt-4o"));
    expect(modelProfile("@preset/support")).toEqual({});
    expect(catalogEntry("@preset/support")).toBeUndefined();
  });

  it("falls back from a variant suffix to the base model", () => {
    expect(modelProfile("openai/gpt-4o:nitro")).toEqual(modelProfile("openai/gpt-4o"));
    expect(modelProfile("openai/gpt-4o:extended").maxOutputTokens).toBe(64000);
  });

  it("falls back from stacked variants (:free:online) to the base model", () => {
    expect(catalogEntry("openai/gpt-4o:nitro:online")).toBe(catalogEntry("openai/gpt-4o"));
  });

  it("resolves a ~author/family-latest alias to the family's newest model (the catalog lists newest first)", () => {
    expect(catalogEntry("~anthropic/claude-opus-latest")).toBe(catalogEntry("anthropic/claude-opus-4.5"));
    expect(catalogEntry("~openai/gpt-latest")).toBe(catalogEntry("openai/gpt-5.2"));
    expect(catalogEntry("~google/gemini-pro-latest")).toBe(catalogEntry("google/gemini-3-pro-preview"));
    expect(catalogEntry("~google/gemini-flash-latest")).toBe(catalogEntry("google/gemini-3-flash-preview"));
    expect(catalogEntry("~anthropic/claude-opus-latest:nitro@preset/x")).toBe(catalogEntry("anthropic/claude-opus-4.5"));
    expect(catalogEntry("~anthropic/claude-nothing-latest")).toBeUndefined();
    expect(catalogEntry("~anthropic/claude-opus")).toBeUndefined();
  });

  it("is {} for a model the catalog does not know", () => {
    expect(modelProfile("no-such/model")).toEqual({});
  });

  it("profileOf reads every flag", () => {
    expect(profileOf({ flags: 0 })).toMatchObject({ toolCalling: false, structuredOutput: false });
  });
});
