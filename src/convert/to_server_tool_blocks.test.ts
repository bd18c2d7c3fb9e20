import { describe, expect, it } from "vitest";
import { serverToolBlocks, serverToolBlocksOf } from "./to_server_tool_blocks.js";

describe("serverToolBlocksOf", () => {
  it("parses JSON arguments and results, and names the call by its tool_call_id", () => {
    const [call, result] = serverToolBlocksOf(
      { type: "reasoning.server_tool_call", tool_name: "openrouter:fusion", arguments: '{"q":"x"}', result: '{"answer":1}', tool_call_id: "t1" },
      0
    );
    expect(call).toEqual({ type: "server_tool_call", id: "t1", name: "openrouter:fusion", args: { q: "x" } });
    expect(result).toEqual({ type: "server_tool_call_result", toolCallId: "t1", status: "success", output: { answer: 1 } });
  });

  it("keeps a result that is not a JSON object under `result`, and an error result as status error", () => {
    expect(serverToolBlocksOf({ type: "reasoning.server_tool_call", tool_name: "a", result: "plain text" }, 3)[1]).toEqual({
      type: "server_tool_call_result",
      toolCallId: "server_tool_call_3",
      status: "success",
      output: { result: "plain text" },
    });
    expect(serverToolBlocksOf({ type: "reasoning.server_tool_call", tool_name: "a", result: { error: "max_uses exceeded" } }, 0)[1].status).toBe("error");
    expect(serverToolBlocksOf({ type: "reasoning.server_tool_call", tool_name: "a", result: "{broken" }, 0)[1].output).toEqual({ result: "{broken" });
  });

  it("skips every other detail and keeps the order of the calls", () => {
    const blocks = serverToolBlocks([
      { type: "reasoning.text", text: "hmm" },
      { type: "reasoning.server_tool_call", tool_name: "first", tool_call_id: "a" },
      { type: "reasoning.encrypted", data: "x" },
      { type: "reasoning.server_tool_call", tool_name: "second", tool_call_id: "b" },
    ]);
    expect(blocks.map((block) => [block.type, block["id"] ?? block["toolCallId"]])).toEqual([
      ["server_tool_call", "a"],
      ["server_tool_call_result", "a"],
      ["server_tool_call", "b"],
      ["server_tool_call_result", "b"],
    ]);
    expect(serverToolBlocks(undefined)).toEqual([]);
  });
});
