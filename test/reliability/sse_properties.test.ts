// Property tests for the SSE path (readSse over eventsource-parser): however the bytes are cut
// into reads, and whatever line endings, comments and fields a stream holds, readSse yields what
// the SSE spec (WHATWG HTML §9.2.6) says, and a stream always ends in "done" or a typed error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OpenRouterError } from "../../src/index.js";
import { readSse } from "../../src/wire/read_sse.js";
import { bodyOf, fixtureBytes, fixtureNames } from "../helpers/fixtures.js";

const encoder = new TextEncoder();
const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 150);

type End = "done" | "no-done" | "not-json" | "error-chunk";

interface Outcome {
  chunks: unknown[];
  end: End;
}

/** The typed error that ended a stream, by kind; anything untyped fails the test with its own message. */
function endOf(error: unknown): End {
  if (!OpenRouterError.isInstance(error)) throw error;
  if (error.message.includes("without [DONE]")) return "no-done";
  if (error.message.includes("not a JSON object") || error.message.includes("not JSON")) return "not-json";
  return "error-chunk";
}

async function outcomeOf(pieces: Uint8Array[]): Promise<Outcome> {
  const chunks: unknown[] = [];
  try {
    for await (const chunk of readSse(bodyOf(...pieces))) chunks.push(chunk);
    return { chunks, end: "done" };
  } catch (error) {
    return { chunks, end: endOf(error) };
  }
}

/** `bytes` cut at the given offsets (in any order, repeats give empty reads). */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const sorted = offsets.map((offset) => Math.min(Math.max(offset, 0), bytes.length)).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const at of sorted) {
    pieces.push(bytes.subarray(from, at));
    from = at;
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}

/** Offsets where a cut is most likely to go wrong: inside UTF-8 sequences, between \r and \n, at blank lines. */
function trickyOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const previous = bytes[i - 1]!;
    if ((byte & 0xc0) === 0x80 || (previous === 13 && byte === 10) || previous === 10 || previous === 13) offsets.push(i);
  }
  return offsets.length > 0 ? offsets : [0];
}

/** The same stream with every line break written as `eol` (recorded files use \n). */
function withLineEndings(bytes: Uint8Array, eol: string): Uint8Array {
  return encoder.encode(new TextDecoder().decode(bytes).replaceAll("\n", eol));
}

function cutsFor(bytes: Uint8Array): fc.Arbitrary<number[]> {
  return fc.array(fc.oneof(fc.integer({ min: 0, max: bytes.length }), fc.constantFrom(...trickyOffsets(bytes))), {
    maxLength: 48,
  });
}

/**
 * The events the SSE spec dispatches for `text`: lines end at \r\n, \r or \n; ":" starts a
 * comment; "data" values (one leading space removed) join with \n; a blank line dispatches a
 * non-empty data buffer; whatever follows the last line break, and an event not closed by a
 * blank line, is discarded at the end of the stream.
 */
function specEvents(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.pop();
  const events: string[] = [];
  let data = "";
  for (const line of lines) {
    if (line === "") {
      if (data !== "") events.push(data.slice(0, -1));
      data = "";
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data += `${value}\n`;
  }
  return events;
}

/** What readSse must produce for the spec's events (api.md §4.1, §4.5). */
function expectedOutcome(events: string[]): Outcome {
  const chunks: unknown[] = [];
  for (const data of events) {
    if (data === "[DONE]") return { chunks, end: "done" };
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return { chunks, end: "not-json" };
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { chunks, end: "not-json" };
    if ((parsed as { error?: unknown }).error) return { chunks, end: "error-chunk" };
    chunks.push(parsed);
  }
  return { chunks, end: "no-done" };
}

// generated streams:
const text = fc.string({ unit: fc.constantFrom("a", "é", "€", "😀", "中", " ", "\\", '"', "\n", "\r", ":") , maxLength: 12 });
const chunkJson = fc
  .record({ id: fc.constantFrom("gen-1", "gen-2"), content: text })
  .map(({ id, content }) => JSON.stringify({ id, choices: [{ index: 0, delta: { content } }] }));
const dataValue = fc.oneof(
  { weight: 12, arbitrary: chunkJson },
  { weight: 1, arbitrary: fc.constant('{"id":"gen-1","error":{"code":502,"message":"Provider disconnected"}}') },
  { weight: 1, arbitrary: fc.constantFrom("{oops", "null", "5", '"text"', "[]", "") },
  { weight: 2, arbitrary: fc.constant("[DONE]") }
);
const eol = fc.constantFrom("\n", "\r\n", "\r");
/** The data lines of one event: the value whole, or (for JSON) cut in two lines at a comma. */
const dataLines = dataValue.chain((value) => {
  const comma = value.indexOf(",");
  const whole = fc.constant([value]);
  return comma > 0 ? fc.oneof(whole, fc.constant([value.slice(0, comma + 1), value.slice(comma + 1)])) : whole;
});
const otherLine = fc.oneof(
  fc.constant(": OPENROUTER PROCESSING"),
  fc.constant(":"),
  fc.constant("event: message"),
  fc.constant("id: 7"),
  fc.constant("retry: 1000"),
  fc.constant("unknown-field"),
  fc.constant("data")
);
const event = fc
  .record({
    before: fc.array(otherLine, { maxLength: 2 }),
    data: dataLines,
    space: fc.constantFrom("", " ", "  "),
    blankLines: fc.integer({ min: 1, max: 2 }),
  })
  .map(({ before, data, space, blankLines }) => [...before, ...data.map((line) => `data:${space}${line}`), ...Array<string>(blankLines).fill("")]);
const stream = fc
  .record({
    bom: fc.boolean(),
    events: fc.array(event, { minLength: 1, maxLength: 8 }),
    endings: fc.array(eol, { minLength: 1, maxLength: 6 }),
    // how the body ends: as generated, without its last line break, or without its last blank line
    tail: fc.constantFrom("whole", "no-final-newline", "no-final-blank-line"),
  })
  .map(({ bom, events, endings, tail }) => {
    const lines = events.flat();
    if (tail === "no-final-blank-line") lines.pop();
    let body = lines.map((line, i) => line + endings[i % endings.length]!).join("");
    if (tail === "no-final-newline") body = body.replace(/(\r\n|\r|\n)$/, "");
    return (bom ? "\uFEFF" : "") + body;
  });

describe("SSE parsing, by property", () => {
  const fixtures = fixtureNames(".sse").map((name) => ({ name, bytes: fixtureBytes(name) }));

  it("every recorded stream, with \\n, \\r\\n or \\r line endings, cut at any bytes, yields the same chunks", async () => {
    const wholes = new Map<string, Outcome>();
    for (const { name, bytes } of fixtures) wholes.set(name, await outcomeOf([bytes]));
    const variants = fc
      .record({ fixture: fc.constantFrom(...fixtures), ending: eol })
      .chain(({ fixture, ending }) => {
        const bytes = withLineEndings(fixture.bytes, ending);
        return fc.record({ name: fc.constant(fixture.name), ending: fc.constant(ending), bytes: fc.constant(bytes), cuts: cutsFor(bytes) });
      });
    await fc.assert(
      fc.asyncProperty(variants, async ({ name, bytes, cuts }) => {
        expect(await outcomeOf(cut(bytes, cuts))).toEqual(wholes.get(name));
      }),
      { numRuns: RUNS * 2 }
    );
  });

  it("any stream of comments, fields, blank lines and data events, cut at any bytes, yields what the SSE spec dispatches", async () => {
    await fc.assert(
      fc.asyncProperty(
        stream.chain((body) => {
          const bytes = encoder.encode(body);
          return fc.record({ body: fc.constant(body), bytes: fc.constant(bytes), cuts: cutsFor(bytes) });
        }),
        async ({ body, bytes, cuts }) => {
          expect(await outcomeOf(cut(bytes, cuts))).toEqual(expectedOutcome(specEvents(body)));
        }
      ),
      { numRuns: RUNS * 4 }
    );
  });

  it.each([
    ["\\r line endings", "data: {\"id\":\"a\"}\r\rdata: [DONE]\r\r", { chunks: [{ id: "a" }], end: "done" }],
    ["a final \\r that closes the last blank line", "data: {\"id\":\"a\"}\r\n\r\ndata: [DONE]\r\r", { chunks: [{ id: "a" }], end: "done" }],
    ["a \\r blank line before a last line with no line break", "data: {\"id\":\"a\"}\r\n\rdata: [DONE]", { chunks: [{ id: "a" }], end: "no-done" }],
    ["a final event with no line break after it (discarded)", "data: {\"id\":\"a\"}\n\ndata: [DONE]", { chunks: [{ id: "a" }], end: "no-done" }],
    ["a final event with no blank line after it (discarded)", "data: {\"id\":\"a\"}\n\ndata: [DONE]\n", { chunks: [{ id: "a" }], end: "no-done" }],
    ["comments, unknown fields and runs of blank lines", ":c\n\n\nid: 1\nevent: x\nfoo\ndata: {\"id\":\"a\"}\n\n\n\n: bye\ndata: [DONE]\n\n", { chunks: [{ id: "a" }], end: "done" }],
    ["a data line with no space after the colon", "data:{\"id\":\"a\"}\n\ndata:[DONE]\n\n", { chunks: [{ id: "a" }], end: "done" }],
    ["a byte-order mark", "\uFEFFdata: {\"id\":\"a\"}\n\ndata: [DONE]\n\n", { chunks: [{ id: "a" }], end: "done" }],
  ] as const)("handles %s as the SSE spec says, at every split", async (_, body, expected) => {
    const bytes = encoder.encode(body);
    expect(expectedOutcome(specEvents(body))).toEqual(expected);
    for (let at = 0; at <= bytes.length; at++) {
      expect(await outcomeOf(cut(bytes, [at]))).toEqual(expected);
      expect(await outcomeOf(cut(bytes, [at, at, Math.floor(at / 2)]))).toEqual(expected);
    }
  });
});
