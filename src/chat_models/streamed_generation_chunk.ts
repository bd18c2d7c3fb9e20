// The chunks ChatOpenRouter streams, with a `concat` that defers the merge.
//
// Core's BaseChatModel._streamIterator (and invoke's streaming path, used whenever a streaming callback
// handler is attached) folds every chunk into a running aggregate, `generation = generation.concat(chunk)`:
// a new AIMessageChunk per chunk, merging content, kwargs, metadata and tool-call chunks (core 1.2 also
// re-parses the partial tool arguments each time), only so that handleLLMEnd receives the final message.
//
// Here `concat` of a plain text delta only appends its strings, and `concat` of a tool-argument delta only
// appends its arguments. Any other chunk (the first, the final one with usage and metadata, reasoning,
// images) is merged at once by core's own ChatGenerationChunk.concat, after the pending run is folded in as
// one chunk, which gives exactly what merging the run's chunks one by one gives (tested against core). The
// aggregate reads as a normal ChatGenerationChunk: its `message`, `text` and `generationInfo` are built the
// first time one is read, and every `concat` returns a new value, never changing the one it was called on.
// Core's own _streamIterator runs unchanged, so every callback, abort, id and outputVersion rule of the
// installed core version still applies.
//
// This leans on how core's concat merges (which fields, in what order, what a merge of one chunk gives),
// not on a public contract. Proved equal to core's merge chunk for chunk on @langchain/core 1.2.0 and
// 1.4.0 (the lowest the peer range admits and the lockfile's, scripts/ci_versions.sh) by
// streamed_generation_chunk.test.ts and test/stream_contract.test.ts. If a later core breaks them, set
// LAZY_CHUNK_MERGE to false: every concat is then core's own eager merge.
import { AIMessageChunk, type BaseMessageChunk } from "@langchain/core/messages";
import type { ToolCallChunk } from "@langchain/core/messages/tool";
import { ChatGenerationChunk } from "@langchain/core/outputs";

/** Arguments added to one tool call (by index) within a run; `call` is its first fragment. */
interface ToolRun {
  call: ToolCallChunk;
  args: string;
}

/**
 * A run of consecutive chunks that only add text, or only add arguments to tool calls (parallel calls
 * interleave). `metadata` is the response_metadata every chunk of the run repeats (e.g. model_provider).
 */
type Run =
  | { kind: "text"; text: string; content: string; id: string | undefined; metadata: Record<string, unknown> }
  | { kind: "tool"; text: string; calls: ToolRun[]; id: string | undefined; metadata: Record<string, unknown> };

interface Pending {
  /** The chunks before `run`, already merged by core (never mutated). */
  base: ChatGenerationChunk;
  run?: Run;
}

/** The switch: true defers the merge as above; false makes every concat core's own, eager, merge. */
export const LAZY_CHUNK_MERGE = true;

const PENDING = Symbol("pending merge");
const merge = ChatGenerationChunk.prototype.concat;

function isEmpty(record: object | undefined): boolean {
  for (const _ in record) return false;
  return true;
}

// response_metadata string keys that core's merge replaces instead of concatenating: repeating one
// any number of times merges to the same value
const REPLACED_KEYS = new Set(["model_provider", "output_version"]);

/** Metadata that merges the same whether it comes once or on every chunk of a run. */
function isRepeatable(metadata: Record<string, unknown>, base: Record<string, unknown>): boolean {
  for (const key in metadata) {
    const value = metadata[key];
    if (!REPLACED_KEYS.has(key) || typeof value !== "string" || value === "" || (base[key] != null && typeof base[key] !== "string")) return false;
  }
  return true;
}

function sameMetadata(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in left) {
    if (left[key] !== right[key]) return false;
    count++;
  }
  for (const _ in right) count--;
  return count === 0;
}

/** The message of a chunk that concat can fold into a run: a plain AIMessageChunk with nothing but content / tool-call chunks. */
function plainMessage(chunk: ChatGenerationChunk, base: ChatGenerationChunk, run: Run | undefined): AIMessageChunk | undefined {
  const message = chunk.message;
  if (chunk.generationInfo !== undefined || Object.getPrototypeOf(message) !== AIMessageChunk.prototype) return undefined;
  const ai = message as AIMessageChunk;
  if (ai.name !== undefined || ai.usage_metadata !== undefined || typeof chunk.text !== "string" || !isEmpty(ai.additional_kwargs)) return undefined;
  const metadata = ai.response_metadata;
  if (run !== undefined) return sameMetadata(run.metadata, metadata) ? ai : undefined;
  return isRepeatable(metadata, base.message.response_metadata) ? ai : undefined;
}

/** The run `chunk` extends (a new value), or undefined when it must be merged on its own. */
function extend(base: ChatGenerationChunk, run: Run | undefined, chunk: ChatGenerationChunk): Run | undefined {
  if (Object.getPrototypeOf(base.message) !== AIMessageChunk.prototype) return undefined;
  const message = plainMessage(chunk, base, run);
  if (!message) return undefined;
  const metadata = message.response_metadata;
  const calls = message.tool_call_chunks ?? [];
  if (calls.length === 0) {
    // tool_calls is a plain array when there are no tool-call chunks (core 1.4 makes it lazy otherwise)
    if (typeof message.content !== "string" || message.tool_calls?.length || typeof base.message.content !== "string") return undefined;
    if (run === undefined) return { kind: "text", text: chunk.text, content: message.content, id: message.id, metadata };
    if (run.kind !== "text") return undefined;
    return { kind: "text", text: run.text + chunk.text, content: run.content + message.content, id: run.id ?? message.id, metadata: run.metadata };
  }
  const call = calls[0]!;
  if (calls.length !== 1 || message.content !== "" || call.id != null || call.name != null || typeof call.args !== "string") return undefined;
  if (run === undefined) return { kind: "tool", text: chunk.text, calls: [{ call, args: call.args }], id: message.id, metadata };
  if (run.kind !== "tool") return undefined;
  // fragments merge by index into the call that index names, so each call's fragments can be joined apart
  const at = run.calls.findIndex((pending) => pending.call.index === call.index);
  if (at !== -1 && run.calls[at]!.call.type !== call.type) return undefined;
  const joined = run.calls.slice();
  if (at === -1) joined.push({ call, args: call.args });
  else joined[at] = { call: joined[at]!.call, args: joined[at]!.args + call.args };
  return { kind: "tool", text: run.text + chunk.text, calls: joined, id: run.id ?? message.id, metadata: run.metadata };
}

/** The run as the one chunk whose merge equals merging the run's chunks in order. */
function chunkOf(run: Run): ChatGenerationChunk {
  const response_metadata = { ...run.metadata };
  const message =
    run.kind === "text"
      ? new AIMessageChunk({ content: run.content, id: run.id, response_metadata })
      : new AIMessageChunk({ content: "", tool_call_chunks: run.calls.map(({ call, args }) => ({ ...call, args })), id: run.id, response_metadata });
  return new ChatGenerationChunk({ text: run.text, message });
}

function settled(pending: Pending): ChatGenerationChunk {
  return pending.run ? merge.call(pending.base, chunkOf(pending.run)) : pending.base;
}

function after(pending: Pending, chunk: ChatGenerationChunk): DeferredGenerationChunk {
  const run = extend(pending.base, pending.run, chunk);
  if (run) return DeferredGenerationChunk.of({ base: pending.base, run });
  // merged now, with core's concat: nothing later can change what the aggregate holds
  return DeferredGenerationChunk.of({ base: merge.call(settled(pending), chunk) });
}

/** `first.concat(chunk)` of a streamed chunk: an aggregate that merges lazily, or, with `lazy` false, core's merge. */
export function concatStreamed(first: ChatGenerationChunk, chunk: ChatGenerationChunk, lazy: boolean = LAZY_CHUNK_MERGE): ChatGenerationChunk {
  return lazy ? after({ base: first }, chunk) : merge.call(first, chunk);
}

/** A chunk ChatOpenRouter streams; `concat` returns an aggregate that merges lazily (see LAZY_CHUNK_MERGE). */
export class StreamedGenerationChunk extends ChatGenerationChunk {
  override concat(chunk: ChatGenerationChunk): ChatGenerationChunk {
    return concatStreamed(this, chunk);
  }
}

/**
 * An aggregate of streamed chunks. Made with Object.create (no constructor runs, so no own fields shadow
 * the accessors below); the first read of `message`, `text` or `generationInfo` builds the merged chunk
 * and stores the three as own properties, as on any ChatGenerationChunk.
 */
class DeferredGenerationChunk extends ChatGenerationChunk {
  declare [PENDING]: Pending;

  static of(pending: Pending): DeferredGenerationChunk {
    const aggregate = Object.create(DeferredGenerationChunk.prototype) as DeferredGenerationChunk;
    aggregate[PENDING] = pending;
    return aggregate;
  }

  override concat(chunk: ChatGenerationChunk): ChatGenerationChunk {
    // once read (and perhaps assigned to), its own properties are the truth: merge as core does
    if (Object.prototype.hasOwnProperty.call(this, "message")) return merge.call(this, chunk);
    return after(this[PENDING], chunk);
  }

  /** JSON of the merged chunk, also before anything read it (tracers serialise handleLLMEnd's output). */
  toJSON(): { text: string; generationInfo?: Record<string, unknown>; message: BaseMessageChunk } {
    return { text: this.text, generationInfo: this.generationInfo, message: this.message };
  }
}

function settle(aggregate: DeferredGenerationChunk): void {
  const merged = settled(aggregate[PENDING]);
  for (const key of ["text", "generationInfo", "message"] as const) {
    Object.defineProperty(aggregate, key, { value: merged[key], writable: true, enumerable: true, configurable: true });
  }
}

for (const key of ["text", "generationInfo", "message"] as const) {
  Object.defineProperty(DeferredGenerationChunk.prototype, key, {
    get(this: DeferredGenerationChunk) {
      settle(this);
      return this[key];
    },
    set(this: DeferredGenerationChunk, value: unknown) {
      settle(this);
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
}
