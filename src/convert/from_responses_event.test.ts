import { describe, expect, it } from "vitest";
import type { OpenRouterResponsesEvent } from "../wire/types.js";
import { fromResponsesEvent, newResponsesState } from "./from_responses_event.js";

function chunksOf(events: OpenRouterResponsesEvent[]): unknown[] {
  const state = newResponsesState();
  return events.map((event) => fromResponsesEvent(event, state)).filter((chunk) => chunk !== undefined);
}

const delta = (fields: Record<string, unknown>) => ({ choices: [{ index: 0, delta: fields }] });

describe("fromResponsesEvent", () => {
  it("takes what an item sent only whole from the item when it is done: text, a call's arguments, reasoning", () => {
    expect(
      chunksOf([
        { type: "response.output_item.added", output_index: 0, item: { type: "function_call", id: "fc_1", call_id: "call_1", name: "f", arguments: "" } },
        { type: "response.output_item.done", output_index: 0, item: { type: "function_call", id: "fc_1", call_id: "call_1", name: "f", arguments: '{"a":1}' } },
        { type: "response.output_item.done", output_index: 1, item: { type: "message", id: "msg_1", content: [{ type: "output_text", text: "whole" }] } },
        { type: "response.output_item.done", output_index: 2, item: { type: "reasoning", id: "rs_1", summary: ["a plain string"], encrypted_content: "enc" } },
      ])
    ).toEqual([
      delta({ tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "f", arguments: "" } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '{"a":1}' } }] }),
      delta({ content: "whole" }),
      delta({
        reasoning_details: [
          { type: "reasoning.summary", summary: "a plain string", id: "rs_1", format: "openai-responses-v1", index: 0 },
          { type: "reasoning.encrypted", data: "enc", id: "rs_1", format: "openai-responses-v1", index: 1 },
        ],
        reasoning: "a plain string",
      }),
    ]);
  });

  it("a message sent only whole brings its citations and its refusal with its text", () => {
    const item = {
      type: "message",
      content: [
        { type: "output_text", text: "See docs.", annotations: [{ type: "url_citation", url: "https://openrouter.ai/docs", start_index: 4, end_index: 8 }] },
        { type: "refusal", refusal: "Not that part." },
      ],
    };
    expect(chunksOf([{ type: "response.output_item.done", output_index: 0, item }])).toEqual([
      delta({
        content: "See docs.",
        annotations: [{ type: "url_citation", url_citation: { url: "https://openrouter.ai/docs", title: undefined, start_index: 4, end_index: 8 } }],
        refusal: "Not that part.",
      }),
    ]);
  });

  it("does not repeat what was streamed, and joins summary parts with a blank line as the result does", () => {
    expect(
      chunksOf([
        { type: "response.output_item.added", output_index: 0, item: { type: "reasoning", id: "rs_1", summary: [] } },
        { type: "response.reasoning_summary_text.delta", output_index: 0, summary_index: 0, delta: "one" },
        { type: "response.reasoning_summary_text.delta", output_index: 0, summary_index: 1, delta: "two" },
        { type: "response.output_item.done", output_index: 0, item: { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "one" }, { type: "summary_text", text: "two" }] } },
        { type: "response.content_part.delta", output_index: 1, delta: "hi" },
        { type: "response.output_item.done", output_index: 1, item: { type: "message", content: [{ type: "output_text", text: "hi" }] } },
      ])
    ).toEqual([
      delta({ reasoning: "one", reasoning_details: [{ type: "reasoning.summary", summary: "one", id: "rs_1", index: 0 }] }),
      delta({ reasoning: "\n\ntwo", reasoning_details: [{ type: "reasoning.summary", summary: "two", id: "rs_1", index: 1 }] }),
      // the item done: the format of what it streamed, once
      delta({
        reasoning_details: [
          { type: "reasoning.summary", format: "openai-responses-v1", index: 0 },
          { type: "reasoning.summary", format: "openai-responses-v1", index: 1 },
        ],
      }),
      delta({ content: "hi" }),
    ]);
  });

  it("names a streamed part's item by its id once the item is done, when no event named it before", () => {
    const chunks = chunksOf([
      { type: "response.reasoning_text.delta", output_index: 0, content_index: 0, delta: "hm" },
      { type: "response.output_item.done", output_index: 0, item: { type: "reasoning", id: "rs_9", summary: [], content: [{ type: "reasoning_text", text: "hm" }], signature: "sig", format: "anthropic-claude-v1" } },
    ]);
    expect(chunks).toEqual([
      delta({ reasoning: "hm", reasoning_details: [{ type: "reasoning.text", text: "hm", index: 0 }] }),
      delta({ reasoning_details: [{ type: "reasoning.text", id: "rs_9", signature: "sig", format: "anthropic-claude-v1", index: 0 }] }),
    ]);
  });

  it("finishes with length when incomplete, keeps the items no chat field holds, and skips events it has no use for", () => {
    const [finish] = chunksOf([
      { type: "response.web_search_call.searching", output_index: 0 },
      {
        type: "response.incomplete",
        response: {
          id: "resp_1",
          status: "incomplete",
          incomplete_details: { reason: "max_output_tokens" },
          output: [{ type: "web_search_call", id: "ws_1", status: "completed" }, { type: "message", content: [] }],
          usage: { input_tokens: 3, output_tokens: 4, total_tokens: 7, cost: 0.1 },
        },
      },
    ]);
    expect(finish).toMatchObject({
      id: "resp_1",
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7, cost: 0.1 },
      incomplete_details: { reason: "max_output_tokens" },
      output_items: [{ type: "web_search_call", id: "ws_1", status: "completed" }],
      choices: [{ finish_reason: "length", native_finish_reason: "incomplete" }],
    });
  });
});
