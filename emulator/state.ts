/** What one emulator remembers between requests; `reset()` clears it (the sequence number aside). */
import type { GenerationRecord } from "./generation_stats.js";

export interface EmulatorState {
  /** Sequence number, makes generation ids unique per emulator. */
  seq: number;
  /** Prompt-cache keys already written (`cache_control`): a repeat reads them. */
  promptCache: Set<string>;
  /** Chat answers given, by generation id, for `GET /generation`. */
  generations: Map<string, GenerationRecord>;
  /** `GET /generation` lookups per id (the transient 404 right after a generation). */
  generationLookups: Map<string, number>;
  /** OpenRouter's response cache (`X-OpenRouter-Cache: true`): when each request body was first answered, and its TTL. */
  responseCache: Map<string, { at: number; ttlSeconds: number }>;
}

export function createState(): EmulatorState {
  return { seq: 0, promptCache: new Set(), generations: new Map(), generationLookups: new Map(), responseCache: new Map() };
}

export function clearState(state: EmulatorState): void {
  state.promptCache.clear();
  state.generations.clear();
  state.generationLookups.clear();
  state.responseCache.clear();
}
