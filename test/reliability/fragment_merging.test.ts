// Property tests for fragment merging: parallel tool calls whose fragments arrive in any
// interleaving (api.md §4.3), and reasoning details split anywhere, merge into exactly what the
// unsplit, non-streamed response gives, both through the converters and through HTTP.
import { AIMessageChunk } from "@langchain/core/messages";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromWireDelta, newChunkState } from "../../src/convert/from_wire_chunk.js";
import { fromWireMessage } from "../../src/convert/from_wire_message.js";
import { ChatOpenRouter } from "../../src/index.js";
import type { OpenRouterChatResponse, OpenRouterDelta } from "../../src/wire/types.js";
import { CANARY_API_KEY } from "../helpers/emulator.js";
import { bytesCut, type ScriptedServer, sseOf, startScriptedServer } from "./helpers/scripted_server.js";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 150);

interface ToolCallSpec {
  id: string;
  name: string;
  /** The complete arguments text; "" for a tool without arguments. */
  args: string;
}

interface ReasoningSpec {
  text: string;
  signature: string;
}

interface AnswerSpec {
  calls: ToolCallSpec[];
  reasoning: ReasoningSpec[];
  /** The streamed deltas, in the order sent. */
  deltas: OpenRouterDelta[];
}

const FORMAT = "anthropic-claude-v1";
const unicode = fc.string({ unit: fc.constantFrom("a", "Z", " ", "é", "中", "😀", '"', "\\", "\n", "{", "}"), maxLength: 24 });
const argsText = fc.oneof(
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 6, arbitrary: fc.dictionary(unicode, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((args) => JSON.stringify(args)) }
);

/** `text` cut at positions drawn from `cuts` (code units: a cut may fall inside a surrogate pair). */
function piecesOf(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const position of at) {
    pieces.push(text.slice(from, position));
    from = position;
  }
  pieces.push(text.slice(from));
  return pieces.filter((piece, i) => piece !== "" || i === 0);
}

const callFragments = fc.record({
  name: fc.constantFrom("get_weather", "search", "lookup_order", "noop"),
  args: argsText,
  cuts: fc.array(fc.nat(), { maxLength: 8 }),
  /** Some providers repeat id, name and type on every fragment. */
  repeatHeader: fc.boolean(),
  /** The header fragment carries `arguments: ""` and no text (OpenRouter's usual first fragment). */
  emptyHeader: fc.boolean(),
});

const reasoningFragments = fc.record({ text: unicode.filter((text) => text !== ""), signature: fc.base64String({ minLength: 4, maxLength: 40 }), cuts: fc.array(fc.nat(), { maxLength: 6 }) });

/**
 * Answers whose fragments interleave as `order` says. With `callsStartInOrder`, call k+1's first
 * fragment never precedes call k's: OpenRouter numbers parallel calls as they start (api.md §4.3).
 */
const answerArb = (callsStartInOrder: boolean): fc.Arbitrary<AnswerSpec> => fc
  .record({
    calls: fc.array(callFragments, { minLength: 1, maxLength: 4 }),
    reasoning: fc.array(reasoningFragments, { maxLength: 2 }),
    order: fc.array(fc.nat(), { maxLength: 80 }),
    groups: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 40 }),
  })
  .map(({ calls, reasoning, order, groups }) => {
    // each call and each reasoning block is a queue of fragments that keeps its own order
    const queues: { key: string; deltas: OpenRouterDelta[] }[] = [];
    const specs = calls.map((call, index): ToolCallSpec => ({ id: `call_${index}_${call.name}`, name: call.name, args: call.args }));
    calls.forEach((call, index) => {
      const pieces = piecesOf(call.args, call.cuts);
      if (call.emptyHeader && pieces[0] !== "") pieces.unshift("");
      const deltas = pieces.map((piece, i): OpenRouterDelta => {
        const header = i === 0 || call.repeatHeader;
        return {
          content: null,
          tool_calls: [{ index, ...(header ? { id: specs[index]!.id, type: "function" } : {}), function: { ...(header ? { name: call.name } : {}), arguments: piece } }],
        };
      });
      queues.push({ key: `tool#${index}`, deltas });
    });
    // reasoning blocks stream one after another (api.md §4.3): an opening fragment with an empty
    // signature, the text in pieces, then the signature alone
    const reasoningDeltas: OpenRouterDelta[] = [];
    reasoning.forEach((block, index) => {
      const detail = (fields: Record<string, string>) => ({ type: "reasoning.text", ...fields, format: FORMAT, index });
      reasoningDeltas.push({ content: "", reasoning: null, reasoning_details: [detail({ text: "", signature: "" })] });
      for (const piece of piecesOf(block.text, block.cuts)) {
        if (piece !== "") reasoningDeltas.push({ content: "", reasoning: piece, reasoning_details: [detail({ text: piece })] });
      }
      reasoningDeltas.push({ content: "", reasoning: null, reasoning_details: [detail({ text: "", signature: block.signature })] });
    });
    if (reasoningDeltas.length > 0) queues.push({ key: "reasoning", deltas: reasoningDeltas });

    // interleave the queues as `order` says, then pack consecutive tool fragments of different
    // calls into one delta as `groups` says
    const sequence: { key: string; delta: OpenRouterDelta }[] = [];
    let started = 0;
    for (let step = 0; queues.some((queue) => queue.deltas.length > 0); step++) {
      const open = queues.filter(
        (queue) => queue.deltas.length > 0 && (!callsStartInOrder || !queue.key.startsWith("tool#") || Number(queue.key.slice(5)) <= started)
      );
      const queue = open[(order[step % Math.max(order.length, 1)] ?? step) % open.length]!;
      if (queue.key === `tool#${started}`) started += 1;
      sequence.push({ key: queue.key, delta: queue.deltas.shift()! });
    }
    const deltas: OpenRouterDelta[] = [];
    let group = 0;
    for (let i = 0; i < sequence.length; ) {
      const { key, delta } = sequence[i++]!;
      if (key === "reasoning") {
        deltas.push(delta);
        continue;
      }
      const packed = { content: null, tool_calls: [...delta.tool_calls!] } satisfies OpenRouterDelta;
      const size = groups[group++ % Math.max(groups.length, 1)] ?? 1;
      const keys = new Set([key]);
      while (packed.tool_calls.length < size && i < sequence.length && sequence[i]!.key !== "reasoning" && !keys.has(sequence[i]!.key)) {
        keys.add(sequence[i]!.key);
        packed.tool_calls.push(...sequence[i++]!.delta.tool_calls!);
      }
      deltas.push(packed);
    }
    return { calls: specs, reasoning: reasoning.map(({ text, signature }) => ({ text, signature })), deltas };
  });
const answer = answerArb(true);

/** The same answer as OpenRouter sends it non-streamed. */
function unsplitResponse(spec: AnswerSpec): OpenRouterChatResponse {
  const message: Record<string, unknown> = {
    role: "assistant",
    content: null,
    tool_calls: spec.calls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.args } })),
  };
  if (spec.reasoning.length > 0) {
    message["reasoning"] = spec.reasoning.map((block) => block.text).join("");
    message["reasoning_details"] = spec.reasoning.map((block, index) => ({
      type: "reasoning.text",
      text: block.text,
      signature: block.signature,
      format: FORMAT,
      index,
    }));
  }
  return {
    id: "gen-merge",
    object: "chat.completion",
    created: 1,
    model: "anthropic/claude-sonnet-4.5",
    choices: [{ index: 0, message, finish_reason: "tool_calls" }],
    usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
  } as OpenRouterChatResponse;
}

/** What a user compares: tool calls (parsed), invalid calls, and the reasoning fields. */
function merged(message: { tool_calls?: unknown; invalid_tool_calls?: unknown; additional_kwargs: Record<string, unknown> }) {
  const kwargs = message.additional_kwargs;
  return {
    tool_calls: message.tool_calls,
    invalid_tool_calls: message.invalid_tool_calls,
    reasoning: kwargs["reasoning"],
    reasoning_details: kwargs["reasoning_details"],
  };
}

describe("fragment merging, by property", () => {
  it("tool-call and reasoning fragments in any interleaving concat to the unsplit message (converters)", () => {
    fc.assert(
      fc.property(answer, (spec) => {
        const state = newChunkState();
        let message: AIMessageChunk | undefined;
        for (const delta of spec.deltas) {
          const fields = fromWireDelta(delta, state);
          if (!fields) continue;
          const chunk = new AIMessageChunk({ ...fields, id: "gen-merge" });
          message = message ? message.concat(chunk) : chunk;
        }
        expect(merged(message!)).toEqual(merged(fromWireMessage(unsplitResponse(spec))));
      }),
      { numRuns: RUNS * 4 }
    );
  });

  it("when a later call starts first, no call is lost, split or mixed with another (converters)", () => {
    const byId = (calls: { id?: string }[] | undefined) => [...(calls ?? [])].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    fc.assert(
      fc.property(answerArb(false), (spec) => {
        const state = newChunkState();
        let message: AIMessageChunk | undefined;
        for (const delta of spec.deltas) {
          const fields = fromWireDelta(delta, state);
          if (fields) message = message ? message.concat(new AIMessageChunk(fields)) : new AIMessageChunk(fields);
        }
        const unsplit = fromWireMessage(unsplitResponse(spec));
        expect(byId(message!.tool_calls)).toEqual(byId(unsplit.tool_calls));
        expect(message!.invalid_tool_calls).toEqual([]);
      }),
      { numRuns: RUNS * 2 }
    );
  });

  describe("through HTTP", () => {
    let server: ScriptedServer;
    let current: { spec: AnswerSpec; cuts: number[] } | undefined;

    beforeAll(async () => {
      server = await startScriptedServer((request) => {
        const { spec, cuts } = current!;
        const response = unsplitResponse(spec);
        if (!(JSON.parse(request.body) as { stream?: boolean }).stream) return { pieces: [JSON.stringify(response)] };
        const base = { id: response.id, object: "chat.completion.chunk", created: 1, model: response.model };
        const chunks = [
          { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] },
          ...spec.deltas.map((delta) => ({ ...base, choices: [{ index: 0, delta: { role: "assistant", ...delta }, finish_reason: null }] })),
          { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: "tool_calls" }] },
          { ...base, choices: [], usage: response.usage },
        ];
        return { headers: { "Content-Type": "text/event-stream" }, pieces: bytesCut(sseOf(chunks), cuts) };
      });
    });
    afterAll(() => server?.close());

    it("stream() concatenates to what invoke() returns, for any interleaving and any byte split", async () => {
      const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", apiKey: CANARY_API_KEY, baseURL: server.url, maxRetries: 0 });
      await fc.assert(
        fc.asyncProperty(answer, fc.array(fc.nat({ max: 20_000 }), { maxLength: 40 }), async (spec, cuts) => {
          current = { spec, cuts };
          const invoked = await model.invoke("call the tools");
          let streamed: AIMessageChunk | undefined;
          for await (const chunk of await model.stream("call the tools")) streamed = streamed ? streamed.concat(chunk) : chunk;
          expect(merged(streamed!)).toEqual(merged(invoked));
          expect(merged(invoked)).toEqual(merged(fromWireMessage(unsplitResponse(spec))));
          expect(invoked.tool_calls?.map((call) => call.id)).toEqual(spec.calls.map((call) => call.id));
        }),
        { numRuns: Math.ceil(RUNS / 3) }
      );
    });
  });
});
