import { AIMessageChunk } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import type { OpenRouterResponseToolCall } from "../wire/types.js";
import { fromWireDelta, newChunkState } from "./from_wire_chunk.js";

function concatOf(deltas: OpenRouterResponseToolCall[][], generationId = "gen-1"): AIMessageChunk {
  const state = newChunkState();
  state.facts.id = generationId;
  let message: AIMessageChunk | undefined;
  for (const calls of deltas) {
    const fields = fromWireDelta({ content: null, tool_calls: calls }, state);
    if (!fields) continue;
    const chunk = new AIMessageChunk({ ...fields });
    message = message ? concat(message, chunk) : chunk;
  }
  return message!;
}

describe("fromWireDelta: tool_call_chunks", () => {
  it("does not repeat an id or name a provider sends on every fragment", () => {
    const message = concatOf([
      [{ index: 0, id: "call_1", function: { name: "get_weather", arguments: "" } }],
      [{ index: 0, id: "call_1", function: { name: "get_weather", arguments: '{"loca' } }],
      [{ index: 0, id: "call_1", function: { name: "get_weather", arguments: 'tion":"Paris"}' } }],
    ]);
    expect(message.tool_calls).toEqual([{ name: "get_weather", args: { location: "Paris" }, id: "call_1", type: "tool_call" }]);
  });

  it("keeps parallel calls interleaved by index apart", () => {
    const message = concatOf([
      [{ index: 0, id: "call_a", function: { name: "get_weather", arguments: "" } }],
      [{ index: 1, id: "call_b", function: { name: "get_time", arguments: "" } }],
      [{ index: 0, function: { arguments: '{"location":' } }],
      [{ index: 1, function: { arguments: '{"zone":"UTC"}' } }],
      [{ index: 0, function: { arguments: '"Paris"}' } }],
    ]);
    expect(message.tool_calls).toEqual([
      { name: "get_weather", args: { location: "Paris" }, id: "call_a", type: "tool_call" },
      { name: "get_time", args: { zone: "UTC" }, id: "call_b", type: "tool_call" },
    ]);
  });

  it("separates complete calls a provider sends all at index 0", () => {
    const message = concatOf([
      [{ index: 0, id: "call_a", function: { name: "get_weather", arguments: '{"location":"Paris"}' } }],
      [{ index: 0, id: "call_b", function: { name: "get_weather", arguments: '{"location":"Tokyo"}' } }],
    ]);
    expect(message.tool_calls!.map((call) => [call.id, call.args])).toEqual([
      ["call_a", { location: "Paris" }],
      ["call_b", { location: "Tokyo" }],
    ]);
  });

  it("gives a call streamed without an id the id invoke would give it", () => {
    const message = concatOf([[{ index: 0, function: { name: "now", arguments: "" } }]], "gen-9");
    expect(message.tool_calls).toEqual([{ name: "now", args: {}, id: "call_gen-9_0", type: "tool_call" }]);
  });

  it("streams arguments sent as an object", () => {
    const message = concatOf([[{ index: 0, id: "c", function: { name: "a", arguments: { x: 1 } as never } }]]);
    expect(message.tool_calls![0]?.args).toEqual({ x: 1 });
  });
});
