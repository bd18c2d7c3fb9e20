/**
 * Deterministic stand-ins for randomness: ids, opaque signatures and slice sizes derive from a
 * seed (usually the request), so the same request always gets the same bytes.
 */
import { createHash } from "node:crypto";

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic alphanumeric string of `length` chars derived from `seed`. */
export function detChars(seed: string, length: number): string {
  let out = "";
  let round = 0;
  while (out.length < length) {
    const digest = createHash("sha256").update(`${seed}#${round}`).digest();
    for (const byte of digest) {
      if (out.length >= length) break;
      out += ALPHANUM[byte % ALPHANUM.length];
    }
    round += 1;
  }
  return out;
}

/** Deterministic base64 of `bytes` bytes derived from `seed` (signatures, encrypted reasoning). */
export function detBase64(seed: string, bytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const digest = createHash("sha256").update(`${seed}/${i}`).digest();
    chunks.push(digest);
    total += digest.length;
  }
  return Buffer.concat(chunks).subarray(0, bytes).toString("base64");
}

/** Hex sha256 of `text`. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: string): () => number {
  let a = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Token estimate: 4 characters a token, at least 1 for non-empty text. */
export function tokenCount(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/** Rounds to 9 decimals (prices in dollars per request). */
export function round9(n: number): number {
  return Number(n.toFixed(9));
}
