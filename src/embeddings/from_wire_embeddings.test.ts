import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../test/helpers/fixtures.js";
import { OpenRouterError } from "../wire/errors.js";
import type { OpenRouterEmbeddingsResponse } from "../wire/platform_types.js";
import { decodeBase64Embedding, fromWireEmbeddings } from "./from_wire_embeddings.js";

function base64Of(values: number[]): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return btoa(String.fromCharCode(...new Uint8Array(view.buffer)));
}

describe("fromWireEmbeddings", () => {
  it("reads the spec example (embeddings.spec-example.json)", () => {
    const response = fixtureJson<OpenRouterEmbeddingsResponse>("embeddings.spec-example.json");
    expect(fromWireEmbeddings(response.data, 1)).toEqual([[0.0023064255, -0.009327292, 0.015797347]]);
  });

  it("orders by index, whatever the order of data", () => {
    const data = [
      { embedding: [2], index: 2 },
      { embedding: [0], index: 0 },
      { embedding: [1], index: 1 },
    ];
    expect(fromWireEmbeddings(data, 3)).toEqual([[0], [1], [2]]);
  });

  it("falls back to the position when index is absent", () => {
    expect(fromWireEmbeddings([{ embedding: [5] }, { embedding: [6] }], 2)).toEqual([[5], [6]]);
  });

  it("decodes base64 little-endian float32", () => {
    expect(decodeBase64Embedding(base64Of([0.5, -1.25, 3]))).toEqual([0.5, -1.25, 3]);
    expect(fromWireEmbeddings([{ embedding: base64Of([0.25]), index: 0 }], 1)).toEqual([[0.25]]);
    expect(() => decodeBase64Embedding("AAA=")).toThrow(OpenRouterError);
  });

  it("refuses to pair a text with the wrong vector: missing, duplicate or out-of-range indices", () => {
    expect(() => fromWireEmbeddings([{ embedding: [1], index: 0 }], 2)).toThrow("OpenRouter sent 1 embedding(s) for 2 input(s); input 1 has none.");
    expect(() => fromWireEmbeddings([{ embedding: [1], index: 0 }, { embedding: [2], index: 0 }], 2)).toThrow(/index 0 for 2 input/);
    expect(() => fromWireEmbeddings([{ embedding: [1], index: 3 }], 1)).toThrow(/index 3/);
    expect(() => fromWireEmbeddings(undefined, 1)).toThrow(OpenRouterError);
    expect(() => fromWireEmbeddings([{ index: 0 } as never], 1)).toThrow(/without a vector/);
  });
});
