import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invocationParams } from "./invocation_params.js";

const weather = { type: "function" as const, function: { name: "get_weather", parameters: { type: "object", properties: {} } } };

describe("invocationParams: tools", () => {
  it("converts LangChain tools given as a call option", () => {
    const body = invocationParams({ model: "m" }, { tools: [{ name: "get_weather", description: "Weather", schema: z.object({ city: z.string() }) }] });
    expect(body["tools"]).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Weather",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false },
        },
      },
    ]);
  });

  it("sets function.strict on every function tool when strict is a call option, never on server tools", () => {
    const body = invocationParams({ model: "m" }, { tools: [weather, { type: "openrouter:web_search" }], strict: true });
    expect(body["tools"]).toEqual([{ ...weather, function: { ...weather.function, strict: true } }, { type: "openrouter:web_search" }]);
    expect(invocationParams({ model: "m" }, { tools: [weather], strict: false })["tools"]).toEqual([
      { ...weather, function: { ...weather.function, strict: false } },
    ]);
    expect(invocationParams({ model: "m" }, { tools: [weather] })["tools"]).toEqual([weather]);
  });

  it("maps tool_choice against the bound tools and passes parallel_tool_calls", () => {
    const body = invocationParams({ model: "m" }, { tools: [weather], tool_choice: "get_weather", parallel_tool_calls: false });
    expect(body["tool_choice"]).toEqual({ type: "function", function: { name: "get_weather" } });
    expect(body["parallel_tool_calls"]).toBe(false);
    expect(() => invocationParams({ model: "m" }, { tools: [weather], tool_choice: "get_time" })).toThrow(/bound tools are "get_weather"/);
  });
});

describe("invocationParams: json_schema routes only to endpoints that honour it", () => {
  const responseFormat = { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } };

  it("adds provider.require_parameters: true for withStructuredOutput's jsonSchema, keeping the user's other preferences", () => {
    const structured = { response_format: responseFormat, requireStructuredOutputs: true };
    expect(invocationParams({ model: "m", provider: { order: ["OpenAI"] } }, structured)["provider"]).toEqual({
      order: ["OpenAI"],
      require_parameters: true,
    });
    expect(invocationParams({ model: "m" }, structured)["provider"]).toEqual({ require_parameters: true });
  });

  it("sends a response_format passed by hand as given (request-json-schema.raw.json has no provider)", () => {
    expect(invocationParams({ model: "m" }, { response_format: responseFormat })["provider"]).toBeUndefined();
    // the tracing field alone (core's ls_structured_output_format) decides nothing
    const traced = { response_format: responseFormat, ls_structured_output_format: { kwargs: { method: "jsonSchema" } } } as never;
    expect(invocationParams({ model: "m" }, traced)["provider"]).toBeUndefined();
    // nor does the internal option go on the wire
    expect(invocationParams({ model: "m" }, { response_format: responseFormat, requireStructuredOutputs: true })).not.toHaveProperty("requireStructuredOutputs");
  });

  it("keeps the user's own require_parameters: false", () => {
    const structured = { response_format: responseFormat, requireStructuredOutputs: true };
    expect(invocationParams({ model: "m", provider: { require_parameters: false } }, structured)["provider"]).toEqual({
      require_parameters: false,
    });
  });

  it("leaves json_object and plain requests alone", () => {
    expect(invocationParams({ model: "m" }, { response_format: { type: "json_object" } })["provider"]).toBeUndefined();
    expect(invocationParams({ model: "m" }, {})["provider"]).toBeUndefined();
  });
});

describe("invocationParams: the model's fields, overridden by the call", () => {
  it("sends trace, transforms and prediction under their wire names", () => {
    const trace = { trace_id: "t", parent_span_id: "p" };
    const prediction = { type: "content" as const, content: "x" };
    expect(invocationParams({ model: "m", trace, transforms: ["middle-out"], prediction })).toEqual({ model: "m", trace, transforms: ["middle-out"], prediction });
    expect(invocationParams({ model: "m", transforms: ["middle-out"] }, { transforms: [] })["transforms"]).toEqual([]);
  });

  it("sends no session_id for an empty id and no stop for an empty list, also when a call opts out with them", () => {
    expect(invocationParams({ model: "m", sessionId: "", stop: [] })).toEqual({ model: "m" });
    expect(invocationParams({ model: "m", sessionId: "s", stop: ["END"] }, { sessionId: "", stop: [] })).toEqual({ model: "m" });
  });

  it("a call's modelKwargs merge over the constructor's, key by key; both over the typed options", () => {
    const fields = { model: "m", temperature: 0.2, modelKwargs: { verbosity: "low", top_k: 5 } };
    const body = invocationParams(fields, { modelKwargs: { verbosity: "high", temperature: 0.9 } });
    expect(body).toMatchObject({ model: "m", verbosity: "high", top_k: 5, temperature: 0.9 });
    expect(invocationParams(fields, {})).toMatchObject({ verbosity: "low", top_k: 5, temperature: 0.2 });
  });
});
