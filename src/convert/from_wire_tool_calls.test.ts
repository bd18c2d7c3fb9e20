import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../test/helpers/fixtures.js";
import type { OpenRouterChatResponse } from "../wire/types.js";
import { fromWireMessage } from "./from_wire_message.js";
import { fromWireToolCalls } from "./from_wire_tool_calls.js";

describe("fromWireToolCalls", () => {
  it("parses recorded arguments (response-tool-call-mistral.json)", () => {
    const body = fixtureJson<OpenRouterChatResponse>("response-tool-call-mistral.json");
    const message = fromWireMessage(body);
    expect(message.tool_calls).toEqual([
      { name: "divide", args: { numerator: 123, denominator: 456, on_inf: "infinity" }, id: "3sniiMddS", type: "tool_call" },
    ]);
    expect(message.invalid_tool_calls).toEqual([]);
    expect(message.content).toBe("");
  });

  it("reads a call without arguments as {} (response-tool-call-without-arguments.json)", () => {
    const body = fixtureJson<OpenRouterChatResponse>("response-tool-call-without-arguments.json");
    const message = fromWireMessage(body);
    expect(message.content).toBe("I'll search for education content for you.");
    expect(message.tool_calls).toEqual([
      { name: "find_education_content", args: {}, id: "toolu_vrtx_015QAXScZzRDPttiPoc34AdD", type: "tool_call" },
    ]);
  });

  it('reads empty arguments ("") as {}', () => {
    expect(fromWireToolCalls([{ id: "c1", function: { name: "now", arguments: "" } }]).tool_calls).toEqual([
      { name: "now", args: {}, id: "c1", type: "tool_call" },
    ]);
  });

  it("puts unparsable arguments in invalid_tool_calls with the raw text and the reason, without throwing", () => {
    const result = fromWireToolCalls([
      { id: "c1", function: { name: "get_weather", arguments: '{"location": "Par' } },
      { id: "c2", function: { name: "get_weather", arguments: "[1, 2]" } },
    ]);
    expect(result.tool_calls).toEqual([]);
    expect(result.invalid_tool_calls).toEqual([
      { name: "get_weather", args: '{"location": "Par', id: "c1", error: expect.stringMatching(/not valid JSON/), type: "invalid_tool_call" },
      { name: "get_weather", args: "[1, 2]", id: "c2", error: expect.stringMatching(/not a JSON object.*got an array/), type: "invalid_tool_call" },
    ]);
  });

  it("accepts arguments sent as an object, or as JSON inside a JSON string", () => {
    const calls = [
      { id: "c1", function: { name: "a", arguments: { x: 1 } as never } },
      { id: "c2", function: { name: "b", arguments: JSON.stringify(JSON.stringify({ y: 2 })) } },
    ];
    expect(fromWireToolCalls(calls).tool_calls.map((call) => call.args)).toEqual([{ x: 1 }, { y: 2 }]);
  });

  it("gives a call without an id a stable one, so its ToolMessage can answer it", () => {
    const result = fromWireToolCalls([{ function: { name: "a", arguments: "{}" } }, { id: "", function: { name: "b", arguments: "{}" } }], "gen-1");
    expect(result.tool_calls.map((call) => call.id)).toEqual(["call_gen-1_0", "call_gen-1_1"]);
  });
});
