// Recorded OpenRouter fixtures by their shared names (fixtures/README.md), through the emulator's
// loader (emulator/fixtures.ts, the one loader), plus body helpers for parser tests.
import { fixtureBytes as storedBytes, fixtureJson as storedJson } from "../../emulator/fixtures.js";

export { fixtureNames, fixtureText } from "../../emulator/fixtures.js";

/** A copy of the fixture's bytes; throws if there is no such file. */
export function fixtureBytes(name: string): Uint8Array {
  const bytes = storedBytes(name);
  if (!bytes) throw new Error(`no fixture named ${name}`);
  return new Uint8Array(bytes);
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return storedJson(name) as T;
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
