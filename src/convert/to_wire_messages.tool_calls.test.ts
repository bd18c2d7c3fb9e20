import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../test/helpers/fixtures.js";
import { toWireMessage, toWireMessages } from "./to_wire_messages.js";

describe("toWireMessages: the tool round trip", () => {
  it("sends an AIMessage with tool calls and a ToolMessage as request-tool-result-roundtrip.raw.json does", () => {
    const recorded = fixtureJson<{ messages: unknown[] }>("request-tool-result-roundtrip.raw.json");
    const wire = toWireMessages([
      new SystemMessage("Always use a tool to help you answer. Reply with 'It is ____.'."),
      new HumanMessage({ content: [{ type: "text", text: "What's the current date in YYYY-MM-DD format?" }] }),
      new AIMessage({ content: "", tool_calls: [{ id: "call_eJmyO5ANyXc20sPeLSuWSngc", name: "get_date", args: {}, type: "tool_call" }] }),
      new ToolMessage({ content: "2024-01-01", tool_call_id: "call_eJmyO5ANyXc20sPeLSuWSngc" }),
    ]);
    expect(wire).toEqual(recorded.messages);
  });

  it("keeps the text beside tool calls", () => {
    expect(
      toWireMessage(new AIMessage({ content: "Let me check.", tool_calls: [{ id: "c1", name: "get_weather", args: { location: "Paris" } }] }))
    ).toEqual({
      role: "assistant",
      content: "Let me check.",
      tool_calls: [{ id: "c1", type: "function", function: { name: "get_weather", arguments: '{"location":"Paris"}' } }],
    });
  });

  it("sends args already given as JSON text unchanged", () => {
    const wire = toWireMessage(new AIMessage({ content: "", tool_calls: [{ id: "c1", name: "a", args: '{"x":1}' as never }] }));
    expect(wire).toMatchObject({ tool_calls: [{ function: { arguments: '{"x":1}' } }] });
  });

  it("sends an unparsable call back as it came, so its result still has a call beside it", () => {
    const wire = toWireMessage(
      new AIMessage({ content: "", invalid_tool_calls: [{ id: "c1", name: "a", args: "{bad", error: "x", type: "invalid_tool_call" }] })
    );
    expect(wire).toEqual({ role: "assistant", tool_calls: [{ id: "c1", type: "function", function: { name: "a", arguments: "{bad" } }] });
  });

  it("serialises non-text tool results sensibly", () => {
    const result = (content: unknown) =>
      toWireMessage(new ToolMessage({ content: content as never, tool_call_id: "c1" }));
    expect(result([{ type: "text", text: "Sunny" }, { type: "text", text: " and warm" }])).toEqual({ role: "tool", tool_call_id: "c1", content: "Sunny and warm" });
    expect(result([{ type: "json", json: { temperature: 21 } }])).toEqual({
      role: "tool",
      tool_call_id: "c1",
      content: '{"type":"json","json":{"temperature":21}}',
    });
    expect(result([{ type: "text", text: "Chart:" }, { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } }])).toEqual({
      role: "tool",
      tool_call_id: "c1",
      content: [{ type: "text", text: "Chart:" }, { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } }],
    });
  });

  it("refuses a ToolMessage without tool_call_id, naming the fix", () => {
    expect(() => toWireMessage(new ToolMessage({ content: "x", tool_call_id: "" }))).toThrow(/needs tool_call_id/);
  });
});
