import { AIMessageChunk, type BaseMessageChunk } from "@langchain/core/messages";
import type { ToolCallChunk } from "@langchain/core/messages/tool";
import { ChatGenerationChunk } from "@langchain/core/outputs";
import { concat } from "@langchain/core/utils/stream";
import { beforeEach, describe, expect, it } from "vitest";
import { concatStreamed, LAZY_CHUNK_MERGE, StreamedGenerationChunk } from "./streamed_generation_chunk.js";

type Make = typeof StreamedGenerationChunk | typeof ChatGenerationChunk;
/** One chunk, built fresh for each fold so the two folds never share an object. */
type Spec = (make: Make) => ChatGenerationChunk;

type Metadata = Record<string, string>;
// ChatOpenRouter puts model_provider on every chunk
const OPENROUTER: Metadata = { model_provider: "openrouter" };
const text = (content: string, id?: string, metadata: Metadata = OPENROUTER): Spec => (make) =>
  new make({ text: content, message: new AIMessageChunk({ content, id, response_metadata: { ...metadata } }) });
const tool = (call: Partial<ToolCallChunk>, id?: string, metadata: Metadata = OPENROUTER): Spec => (make) =>
  new make({
    text: "",
    message: new AIMessageChunk({ content: "", id, tool_call_chunks: [{ type: "tool_call_chunk", ...call }], response_metadata: { ...metadata } }),
  });
const kwargs = (extra: Record<string, unknown>, content = ""): Spec => (make) =>
  new make({ text: content, message: new AIMessageChunk({ content, additional_kwargs: structuredClone(extra) }) });
const final = (id?: string): Spec => (make) =>
  new make({
    text: "",
    message: new AIMessageChunk({
      content: "",
      id,
      usage_metadata: { input_tokens: 3, output_tokens: 5, total_tokens: 8, output_token_details: { reasoning: 2 } },
      response_metadata: { model_provider: "openrouter", model_name: "openai/gpt-4o", finish_reason: "stop", usage: { cost: 0.001 } },
    }),
  });
const blocks = (value: string): Spec => (make) =>
  new make({ text: value, message: new AIMessageChunk({ content: [{ type: "text", text: value, index: 0 }] }) });
const withInfo = (value: string): Spec => (make) =>
  new make({ text: value, generationInfo: { logprobs: [value.length] }, message: new AIMessageChunk({ content: value }) });
const named = (value: string): Spec => (make) => new make({ text: value, message: new AIMessageChunk({ content: value, name: "bot" }) });
const metadataOnly = (): Spec => (make) =>
  new make({ text: "", message: new AIMessageChunk({ content: "", response_metadata: { native_finish_reason: "end_turn" } }) });

/** Every observable field of a merged generation. */
function observed(generation: ChatGenerationChunk) {
  const message = generation.message as BaseMessageChunk & Partial<AIMessageChunk>;
  return {
    class: message.constructor.name,
    text: generation.text,
    generationInfo: generation.generationInfo,
    content: message.content,
    id: message.id,
    name: message.name,
    additional_kwargs: message.additional_kwargs,
    response_metadata: message.response_metadata,
    tool_call_chunks: message.tool_call_chunks,
    tool_calls: message.tool_calls,
    invalid_tool_calls: message.invalid_tool_calls,
    usage_metadata: message.usage_metadata,
    json: JSON.parse(JSON.stringify(generation)) as unknown,
  };
}

/** `first.concat(chunk)`, with the streamed chunk's merge at the setting under test (LAZY_CHUNK_MERGE's value or the other). */
let join = (first: ChatGenerationChunk, chunk: ChatGenerationChunk): ChatGenerationChunk => first.concat(chunk);

function foldWith(make: Make, specs: Spec[]): ChatGenerationChunk {
  return specs.map((spec) => spec(make)).reduce((sum, chunk, position) => (position === 1 ? join(sum, chunk) : sum.concat(chunk)));
}

function expectSameAsCore(specs: Spec[]): void {
  expect(observed(foldWith(StreamedGenerationChunk, specs))).toEqual(observed(foldWith(ChatGenerationChunk, specs)));
}

describe("LAZY_CHUNK_MERGE", () => {
  const [first, second] = [text("a"), text("b")].map((spec) => spec(StreamedGenerationChunk)) as [ChatGenerationChunk, ChatGenerationChunk];
  const isCoreChunk = (chunk: ChatGenerationChunk) => Object.getPrototypeOf(chunk) === ChatGenerationChunk.prototype;

  it("is what StreamedGenerationChunk.concat follows: a deferred aggregate when true, core's own chunk when false", () => {
    expect(isCoreChunk(first.concat(second))).toBe(!LAZY_CHUNK_MERGE);
    expect(isCoreChunk(concatStreamed(first, second, true))).toBe(false);
    expect(isCoreChunk(concatStreamed(first, second, false))).toBe(true);
  });
});

function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe.each([
  { lazy: true, setting: "lazy" },
  { lazy: false, setting: "eager (LAZY_CHUNK_MERGE = false)" },
])("StreamedGenerationChunk.concat, $setting", ({ lazy }) => {
  beforeEach(() => {
    join = (first, chunk) => (first instanceof StreamedGenerationChunk ? concatStreamed(first, chunk, lazy) : first.concat(chunk));
  });

  it("merges a text stream as core does: text, id, usage and metadata", () => {
    expectSameAsCore([text("", "gen-1"), text("Hel", "gen-1"), text("lo — 東京 🌊", "gen-1"), text("!", "gen-1"), final("gen-1")]);
    expectSameAsCore([text("a"), text("b"), text("c"), final()]);
    expectSameAsCore([text("only")]);
    expectSameAsCore([text("a"), text("")]);
    // metadata that differs between chunks, or that core concatenates, is merged chunk by chunk
    expectSameAsCore([text("a", undefined, {}), text("b"), text("c", undefined, { model_provider: "other" }), text("d", undefined, { output_version: "v1" }), text("e")]);
    expectSameAsCore([text("a", undefined, { note: "x" }), text("b", undefined, { note: "y" }), text("c", undefined, { note: "z" })]);
  });

  it("merges a tool call split over many deltas, and parallel calls interleaved by index", () => {
    const pieces = ['{"ci', 'ty": "Pa', 'ris", "n"', ": 3}"];
    expectSameAsCore([tool({ index: 0, id: "call_1", name: "get_weather", args: "" }, "gen-2"), ...pieces.map((args) => tool({ index: 0, args }, "gen-2")), final("gen-2")]);
    expectSameAsCore([
      tool({ index: 0, id: "call_a", name: "first", args: "" }),
      tool({ index: 1, id: "call_b", name: "second", args: "" }),
      tool({ index: 0, args: '{"a":' }),
      tool({ index: 1, args: '{"b":' }),
      tool({ index: 1, args: "2}" }),
      tool({ index: 0, args: "1}" }),
      final(),
    ]);
    // arguments before any opening fragment, then text after the call
    expectSameAsCore([tool({ index: 0, args: '{"x"' }), tool({ index: 0, args: ":1}" }), text("done"), final()]);
  });

  it("merges reasoning, content blocks, generationInfo, names and metadata-only chunks as core does", () => {
    expectSameAsCore([
      kwargs({ reasoning: "Let me" }),
      kwargs({ reasoning: " think", reasoning_details: [{ type: "reasoning.text", text: " think", index: 0, format: "anthropic-claude-v1" }] }),
      kwargs({ reasoning_details: [{ type: "reasoning.text", text: "…", index: 0 }] }),
      text("Answer"),
      text(" here"),
      final(),
    ]);
    expectSameAsCore([blocks("a"), text("b"), text("c"), blocks("d"), text("e")]);
    expectSameAsCore([text("a"), withInfo("b"), text("c"), named("d"), text("e"), metadataOnly(), text("f")]);
  });

  it("matches core on 400 random streams mixing every kind of chunk", () => {
    const next = sequence(20251125);
    const metadata = (random: () => number): Metadata => [OPENROUTER, OPENROUTER, OPENROUTER, {}, { model_provider: "other" }, { note: "n" }][Math.floor(random() * 6)]!;
    const kinds: ((random: () => number) => Spec)[] = [
      (random) => text(["a", "é", "東", "🌊", "", " ", '"'][Math.floor(random() * 7)]!, random() < 0.5 ? "gen-9" : undefined, metadata(random)),
      (random) => text("xyz".slice(0, Math.floor(random() * 4))),
      (random) => tool({ index: Math.floor(random() * 2), args: ["{", '"k":', "1", "}", ""][Math.floor(random() * 5)]! }, undefined, metadata(random)),
      (random) => tool({ index: Math.floor(random() * 2), id: `call_${Math.floor(random() * 2)}`, name: "fn", args: "" }),
      () => kwargs({ reasoning: "r" }),
      (random) => kwargs({ annotations: [{ type: "url_citation", url: `https://example.com/${Math.floor(random() * 3)}` }] }, "t"),
      () => blocks("b"),
      () => withInfo("g"),
      () => named("n"),
      () => metadataOnly(),
      (random) => final(random() < 0.5 ? "gen-9" : undefined),
    ];
    for (let round = 0; round < 400; round++) {
      const length = 1 + Math.floor(next() * 30);
      const specs: Spec[] = [];
      // mostly text and tool fragments, as real streams are
      for (let i = 0; i < length; i++) specs.push(kinds[next() < 0.6 ? Math.floor(next() * 3) : Math.floor(next() * kinds.length)]!(next));
      expectSameAsCore(specs);
    }
  });

  it("never changes the aggregate it was called on", () => {
    const [first, second, third, fourth] = [text("a", "gen-1"), text("b"), text("c"), tool({ index: 0, id: "call_1", name: "f", args: "{}" })].map((spec) =>
      spec(StreamedGenerationChunk)
    ) as [ChatGenerationChunk, ChatGenerationChunk, ChatGenerationChunk, ChatGenerationChunk];
    const ab = join(first, second);
    const abc = ab.concat(third);
    const abTool = ab.concat(fourth);
    expect(ab.message.content).toBe("ab");
    expect(abc.message.content).toBe("abc");
    expect(abTool.message.content).toBe("ab");
    expect((abTool.message as AIMessageChunk).tool_calls).toEqual([{ name: "f", args: {}, id: "call_1", type: "tool_call" }]);
    expect(first.message.content).toBe("a");
    // and a read aggregate still merges as core does
    expect(abc.concat(third).message.content).toBe("abcc");
  });

  it("reads as a ChatGenerationChunk: instanceof, own fields once read, JSON before any read, assignment", () => {
    const aggregate = foldWith(StreamedGenerationChunk, [text("x", "gen-1"), text("y"), final()]);
    expect(aggregate).toBeInstanceOf(ChatGenerationChunk);
    expect(JSON.stringify(aggregate)).toBe(JSON.stringify(foldWith(ChatGenerationChunk, [text("x", "gen-1"), text("y"), final()])));
    expect(Object.keys(aggregate).sort()).toEqual(["generationInfo", "message", "text"]);
    const replaced = new AIMessageChunk({ content: "replaced" });
    const other = foldWith(StreamedGenerationChunk, [text("x"), text("y")]);
    other.message = replaced;
    expect(other.message).toBe(replaced);
    expect(other.text).toBe("xy");
    expect(other.concat(text("z")(ChatGenerationChunk)).message.content).toBe("replacedz");
  });

  it("works through core's concat helper (invoke's streaming path)", () => {
    const chunks = [text("a", "gen-1"), text("b"), final()].map((spec) => spec(StreamedGenerationChunk));
    const merged = chunks.reduce((sum: ChatGenerationChunk, chunk, position) => (position === 1 ? join(sum, chunk) : concat(sum, chunk)));
    expect(merged.message.content).toBe("ab");
    expect((merged.message as AIMessageChunk).usage_metadata?.total_tokens).toBe(8);
  });
});
