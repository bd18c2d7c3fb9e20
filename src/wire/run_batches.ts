// Batched requests with limited concurrency, for the clients that split long inputs (embeddings,
// rerank): results in batch order, and one failed batch aborts the others, so no request is left
// running for a result nobody reads. The scope that aborts them is made and disposed here.
import { AbortScope } from "./abort_scope.js";

/** Runs `run(0 … count-1)`, at most `concurrency` at once; resolves to the results in index order. */
export async function runBatches<T>(
  count: number,
  concurrency: number,
  signal: AbortSignal | undefined,
  run: (index: number, signal: AbortSignal) => Promise<T>
): Promise<T[]> {
  const results = new Array<T>(count);
  const scope = new AbortScope(signal, undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await run(index, scope.signal);
    }
  };
  const stopOthers = (error: unknown): never => {
    scope.controller.abort(error);
    throw error;
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker().catch(stopOthers)));
  } finally {
    scope.dispose();
  }
  return results;
}
