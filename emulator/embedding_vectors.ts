/**
 * `POST /embeddings` vectors: feature-hashed words and word pairs, so texts sharing words are
 * closer. Deterministic.
 */
import { createHash } from "node:crypto";
import { prng } from "./deterministic.js";

/** Default vector length by model (OpenAI's sizes), else 1536. */
export function defaultDimensions(model: string): number {
  if (model.includes("text-embedding-3-large")) return 3072;
  if (model.includes("mistral-embed")) return 1024;
  return 1536;
}

function hashOf(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * A unit vector for `text`: each word (and each pair of neighbouring words) adds ±1 at hashed
 * positions, plus a little text-seeded noise so every component is set. Deterministic.
 */
export function textVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const features = [...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)];
  for (const feature of features.length > 0 ? features : [`\u0000${text}`]) {
    const digest = hashOf(feature);
    for (let k = 0; k < 2; k++) {
      const position = digest.readUInt32LE(k * 8) % dimensions;
      vector[position] = (vector[position] ?? 0) + ((digest[k * 8 + 4] ?? 0) & 1 ? 1 : -1);
    }
  }
  const rand = prng(`noise|${text}`);
  for (let i = 0; i < dimensions; i++) vector[i] = (vector[i] ?? 0) + (rand() - 0.5) * 0.02;
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

/** Little-endian float32, base64: OpenAI's `encoding_format: "base64"`. */
export function base64Vector(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString("base64");
}
