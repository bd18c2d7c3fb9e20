// Loads recorded OpenRouter fixtures by their shared names (fixtures/README.md).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(DIR + name));
}

export function fixtureText(name: string): string {
  return readFileSync(DIR + name, "utf8");
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/** A body that delivers `bytes` in the given pieces: a parser input, not a stubbed fetch. */
export function bodyOf(...pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const piece = pieces[next++];
      if (piece === undefined) controller.close();
      else controller.enqueue(piece);
    },
  });
}

/** `bytes` split at one offset into two pieces (offset 0: one piece). */
export function bodySplitAt(bytes: Uint8Array, at: number): ReadableStream<Uint8Array> {
  return at <= 0 ? bodyOf(bytes) : bodyOf(bytes.subarray(0, at), bytes.subarray(at));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Names of the fixtures whose names end with `suffix`. */
export function fixtureNames(suffix: string): string[] {
  return readdirSync(DIR).filter((name) => name.endsWith(suffix)).sort();
}
