// The bench's inputs and parsers are sane (nothing here is timed): the fake server's streams are what
// OpenRouter sends and parse to exactly what the worker expects, and the floor's SSE splitter agrees with
// the package's own reader.
import { describe, expect, it } from "vitest";
import { readSse } from "../src/wire/read_sse.js";
import { readEventStream } from "./clients/langchain_client.mjs";
import { splitDataLines } from "./clients/raw_fetch.mjs";
import { baseUrlFor, completionBody, INVOKE_TEXT, parseRoute, streamBody, textPieces, toolArgumentPieces } from "./inputs.mjs";
import { median, parseArgs, roundRatios } from "./stats.mjs";

/** A body delivered in pieces of `size` bytes, so reads split characters, escapes and lines. */
function bodyOf(text, size) {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + size));
      offset += size;
    },
  });
}

async function parsedChunks(text, size) {
  const chunks = [];
  for await (const chunk of readSse(bodyOf(text, size))) chunks.push(chunk);
  return chunks;
}

describe("bench inputs", () => {
  it("text pieces are deterministic, non-empty, and cover multi-byte characters and JSON escapes", () => {
    const pieces = textPieces(2000);
    expect(pieces).toEqual(textPieces(2000));
    expect(pieces.every((piece) => piece.length > 0)).toBe(true);
    const text = pieces.join("");
    for (const sample of ["é", "—", "東京", "🌊", '"', "\\", "\n", "\t"]) expect(text).toContain(sample);
  });

  it("tool argument pieces join into one JSON object without splitting a surrogate pair", () => {
    const pieces = toolArgumentPieces(5000);
    expect(pieces).toHaveLength(5000);
    expect(pieces.every((piece) => piece.length > 0 && !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(piece))).toBe(true);
    const parsed = JSON.parse(pieces.join(""));
    expect(Object.keys(parsed)).toEqual(["words"]);
    expect(parsed.words).toContain("🌊");
  });

  it("a text stream parses, read in odd-sized pieces, to the expected text with the finish and usage chunks", async () => {
    const { body, text } = streamBody(1200, "text");
    const chunks = await parsedChunks(body, 997);
    const contents = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? "");
    expect(contents.join("")).toBe(text);
    expect(contents.filter((content) => content !== "")).toHaveLength(1200);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(1200);
  });

  it("a tool stream opens the call once and carries its arguments over every delta", async () => {
    const { body, args } = streamBody(700, "tool");
    const chunks = await parsedChunks(body, 61);
    const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? []);
    expect(calls.filter((call) => call.id !== undefined)).toHaveLength(1);
    expect(calls.map((call) => call.function?.arguments ?? "").join("")).toBe(args);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("tool_calls");
    expect(args).toBe(toolArgumentPieces(700).join(""));
  });

  it("the floor's line splitter finds the same events as the package's SSE reader", async () => {
    const { body } = streamBody(600, "text");
    let rest = "";
    const data = [];
    for (let offset = 0; offset < body.length; offset += 333) {
      const split = splitDataLines(rest + body.slice(offset, offset + 333));
      rest = split.rest;
      data.push(...split.data);
    }
    expect(rest).toBe("");
    expect(data.at(-1)).toBe("[DONE]");
    expect(data.slice(0, -1).map((line) => JSON.parse(line))).toEqual(await parsedChunks(body, 4096));
  });

  it("the non-streamed answer carries the text the worker checks, or a tool call", () => {
    expect(JSON.parse(completionBody("text")).choices[0].message.content).toBe(INVOKE_TEXT);
    expect(JSON.parse(JSON.parse(completionBody("tool")).choices[0].message.tool_calls[0].function.arguments)).toEqual({ words: ["lamp"] });
  });

  it("a client's baseURL alone picks its stream", () => {
    const origin = "http://127.0.0.1:1234";
    expect(parseRoute(new URL(`${baseUrlFor(origin, 20000, "tool")}/chat/completions`).pathname)).toEqual({ n: 20000, mode: "tool" });
    expect(parseRoute(new URL(`${baseUrlFor(origin)}/chat/completions`).pathname)).toEqual({ n: undefined, mode: undefined });
    expect(parseRoute("/api/v1/models")).toBeUndefined();
  });
});

describe("the stream-events reader", () => {
  const events = async function* (list) {
    yield* list;
  };
  it("takes the text from text-delta events and counts every content-block delta", async () => {
    const answer = await readEventStream(
      events([
        { event: "message-start", id: "gen-1" },
        { event: "content-block-start", index: 0, content: { type: "text", text: "" } },
        { event: "content-block-delta", index: 0, delta: { type: "text-delta", text: "caf" } },
        { event: "content-block-delta", index: 0, delta: { type: "text-delta", text: "é 🌊" } },
        { event: "content-block-finish", index: 0, content: { type: "text", text: "café 🌊" } },
        { event: "message-finish", reason: "stop" },
      ])
    );
    expect(answer).toMatchObject({ chunks: 2, text: "café 🌊", args: "" });
  });

  it("reads a tool call's arguments from its finish, the same whether the deltas are snapshots or slices", async () => {
    const { args } = streamBody(40, "tool");
    const pieces = toolArgumentPieces(40);
    const finish = { event: "content-block-finish", index: 0, content: { type: "tool_call", id: "call_1", name: "save_words", args: JSON.parse(args) } };
    let snapshot = "";
    const snapshots = pieces.map((piece) => ({
      event: "content-block-delta",
      index: 0,
      delta: { type: "block-delta", fields: { type: "tool_call_chunk", args: (snapshot += piece) } },
    }));
    const slices = pieces.map((piece) => ({ event: "content-block-delta", index: 0, delta: { type: "tool-call-delta", args: piece } }));
    for (const deltas of [snapshots, slices]) {
      const answer = await readEventStream(events([{ event: "message-start" }, ...deltas, finish, { event: "message-finish" }]));
      expect(answer).toMatchObject({ chunks: 40, text: "", args });
    }
  });
});

describe("bench statistics", () => {
  it("takes medians and only ever divides measurements of the same round", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const runs = [
      { test: "stream", client: "ours", round: 0, cpu: 10 },
      { test: "stream", client: "floor", round: 0, cpu: 20 },
      { test: "stream", client: "ours", round: 1, cpu: 30 },
      { test: "stream", client: "floor", round: 1, error: "boom" },
      { test: "stream", client: "floor", round: 2, cpu: 5 },
    ];
    expect(roundRatios(runs, "stream", "ours", "floor", (run) => run.cpu)).toEqual([0.5]);
    // against another test of the same round (streamEvents ÷ stream())
    const events = [...runs, { test: "events-text", client: "ours", round: 1, cpu: 15 }, { test: "events-text", client: "ours", round: 2, cpu: 1 }];
    expect(roundRatios(events, "events-text", "ours", "ours", (run) => run.cpu, "stream")).toEqual([0.5]);
  });

  it("rejects arguments it does not know", () => {
    expect(parseArgs(["--quick", "--rounds=2"])).toEqual({ quick: true, rounds: "2" });
    expect(() => parseArgs(["quick"])).toThrow(/unknown argument/);
  });
});
