import { describe, expect, it } from "vitest";
import { toResponsesRequest } from "./to_responses_request.js";

describe("toResponsesRequest", () => {
  it("moves the chat fields to their Responses places and sends every other field as it is", () => {
    const request = toResponsesRequest(
      {
        model: "openai/gpt-5",
        messages: [{ role: "user", content: "hi" }],
        max_completion_tokens: 100,
        verbosity: "low",
        response_format: { type: "json_object" },
        stream_options: { include_usage: true },
        tools: [{ type: "function", function: { name: "f", parameters: { type: "object" }, strict: true } }, { type: "openrouter:datetime" }],
        tool_choice: { type: "function", function: { name: "f" } },
        plugins: [{ id: "web" }],
        session_id: "s1",
      },
      "Test"
    );
    expect(request).toEqual({
      model: "openai/gpt-5",
      input: [{ type: "message", role: "user", content: "hi" }],
      max_output_tokens: 100,
      text: { format: { type: "json_object" }, verbosity: "low" },
      tools: [{ type: "function", name: "f", parameters: { type: "object" }, strict: true }, { type: "openrouter:datetime" }],
      tool_choice: { type: "function", name: "f" },
      plugins: [{ id: "web" }],
      session_id: "s1",
    });
  });

  it("groups reasoning_details into one reasoning item per id, in order, and skips chat-only server tool details", () => {
    const request = toResponsesRequest(
      {
        messages: [
          {
            role: "assistant",
            content: "",
            reasoning_details: [
              { type: "reasoning.summary", summary: "first", id: "rs_1", format: "openai-responses-v1", index: 0 },
              { type: "reasoning.encrypted", data: "enc1", id: "rs_1", format: "openai-responses-v1", index: 1 },
              { type: "reasoning.text", text: "second", signature: "sig", id: "rs_2", format: "anthropic-claude-v1", index: 2 },
              { type: "reasoning.server_tool_call", tool_name: "openrouter:datetime", index: 3 },
            ],
            tool_calls: [{ id: "call_1", type: "function", function: { name: "f", arguments: "{}" } }],
          },
        ],
      },
      "Test"
    );
    expect(request.input).toEqual([
      { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "first" }], encrypted_content: "enc1" },
      { type: "reasoning", id: "rs_2", summary: [], content: [{ type: "reasoning_text", text: "second" }], signature: "sig", format: "anthropic-claude-v1" },
      { type: "function_call", id: "fc_call_1", call_id: "call_1", name: "f", arguments: "{}" },
    ]);
  });

  it("sends a file by URL as file_url and a tool's answer in parts as its text", () => {
    const request = toResponsesRequest(
      {
        messages: [
          { role: "user", content: [{ type: "file", file: { filename: "a.pdf", file_data: "https://example.com/a.pdf" } }] },
          { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "sunny" }] } as never,
        ],
      },
      "Test"
    );
    expect(request.input).toEqual([
      { type: "message", role: "user", content: [{ type: "input_file", filename: "a.pdf", file_url: "https://example.com/a.pdf" }] },
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
    ]);
  });

  it("refuses the stateful fields and the chat-only ones, naming each option", () => {
    expect(() => toResponsesRequest({ messages: [], store: true }, "Test")).toThrow(/stateless/);
    expect(() => toResponsesRequest({ messages: [], previous_response_id: "resp_1" }, "Test")).toThrow(/stateless/);
    expect(() => toResponsesRequest({ messages: [], store: false, previous_response_id: null }, "Test")).not.toThrow();
    expect(() => toResponsesRequest({ messages: [], seed: 1, logprobs: true }, "Test")).toThrow(/no place for logprobs, seed\. Unset them/);
  });
});
