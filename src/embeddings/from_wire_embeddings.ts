// An /embeddings response → one vector per input, in input order, base64 vectors decoded.
import { OpenRouterError } from "../wire/errors.js";
import type { OpenRouterEmbedding } from "../wire/platform_types.js";

/** Decodes base64 little-endian float32 (`encoding_format: "base64"`, as OpenAI defines it) into numbers. */
export function decodeBase64Embedding(base64: string): number[] {
  const binary = atob(base64);
  if (binary.length % 4 !== 0) {
    throw new OpenRouterError(`OpenRouter sent a base64 embedding of ${binary.length} bytes, not a whole number of float32 values.`);
  }
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const vector = new Array<number>(binary.length / 4);
  for (let i = 0; i < vector.length; i++) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}

/**
 * Orders `data` by each item's `index` (OpenRouter does not promise input order) and decodes it.
 * Throws when an input has no vector or two, so a caller never pairs a text with another's vector.
 */
export function fromWireEmbeddings(data: OpenRouterEmbedding[] | undefined, inputCount: number): number[][] {
  const items = Array.isArray(data) ? data : [];
  const vectors = new Array<number[] | undefined>(inputCount).fill(undefined);
  items.forEach((item, position) => {
    const index = typeof item?.index === "number" ? item.index : position;
    if (!Number.isInteger(index) || index < 0 || index >= inputCount || vectors[index] !== undefined) {
      throw new OpenRouterError(`OpenRouter sent an embedding with index ${index} for ${inputCount} input(s).`, { raw: { index } });
    }
    const embedding = item.embedding;
    if (typeof embedding === "string") vectors[index] = decodeBase64Embedding(embedding);
    else if (Array.isArray(embedding)) vectors[index] = embedding;
    else throw new OpenRouterError(`OpenRouter sent embedding ${index} without a vector.`, { raw: { index } });
  });
  const missing = vectors.findIndex((vector) => vector === undefined);
  if (missing >= 0) {
    throw new OpenRouterError(`OpenRouter sent ${items.length} embedding(s) for ${inputCount} input(s); input ${missing} has none.`);
  }
  return vectors as number[][];
}
