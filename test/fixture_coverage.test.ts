// Nothing lost: every field of every recorded response is reachable from the LangChain message,
// replayed through the public API (invoke for JSON bodies; stream for .sse bodies, which the emulator
// sends in uneven byte slices), and every recorded request body is built from options and messages.
import { AIMessage, type AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import type { OpenRouterTool } from "../src/index.js";
import { lastChatBody, modelOn, useEmulator } from "./helpers/emulator.js";
import { fixtureJson, fixtureNames, fixtureText } from "./helpers/fixtures.js";
import { type Json, leaves } from "./helpers/json_leaves.js";

const emulator = useEmulator();

type Message = AIMessage | AIMessageChunk;

// ---------------------------------------------------------------------------
// the table: JSON path in a response body → where the value is on the message

interface Rule {
  /** Matches a leaf path such as `choices.0.message.reasoning_details.1.data`. */
  path: RegExp;
  /** Where it lands; returns the value the user reads there. */
  read: (message: Message, match: RegExpExecArray, leaf: Json) => unknown;
  /** Compare as JSON values parsed from a string (tool-call arguments). */
  parsed?: boolean;
}

const metadata = (message: Message) => message.response_metadata as Record<string, unknown>;
const kwargs = (message: Message) => message.additional_kwargs as Record<string, unknown>;
const at = (value: unknown, path: string): unknown =>
  path === "" ? value : path.split(".").reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]), value);
const blocks = (message: Message, type: string) => message.contentBlocks.filter((block) => block.type === type);
const citation = (message: Message, index: string) =>
  ((blocks(message, "text")[0]?.["annotations"] as Record<string, unknown>[] | undefined) ?? [])[Number(index)];
const inputDetail = (message: Message, key: string) => (message.usage_metadata?.input_token_details as Record<string, number> | undefined)?.[key] ?? 0;
const outputDetail = (message: Message, key: string) => (message.usage_metadata?.output_token_details as Record<string, number> | undefined)?.[key] ?? 0;

const RULES: Rule[] = [
  { path: /^id$/, read: (m) => m.id },
  { path: /^id$/, read: (m) => metadata(m)["id"] },
  { path: /^model$/, read: (m) => metadata(m)["model_name"] },
  { path: /^provider$/, read: (m) => metadata(m)["provider"] },
  { path: /^created$/, read: (m) => metadata(m)["created"] },
  { path: /^system_fingerprint$/, read: (m) => metadata(m)["system_fingerprint"] },
  { path: /^service_tier$/, read: (m) => metadata(m)["service_tier"] },
  { path: /^choices\.0\.finish_reason$/, read: (m) => metadata(m)["finish_reason"] },
  { path: /^choices\.0\.native_finish_reason$/, read: (m) => metadata(m)["native_finish_reason"] },
  { path: /^choices\.0\.logprobs((?:\.[^.]+)*)$/, read: (m, [, rest]) => at(metadata(m)["logprobs"], rest!.slice(1)) },
  { path: /^choices\.0\.message\.role$/, read: (m) => (m.getType() === "ai" ? "assistant" : m.getType()) },
  { path: /^choices\.0\.message\.content$/, read: (m) => m.content },
  { path: /^choices\.0\.message\.content$/, read: (m, _match, leaf) => (leaf === "" ? "" : m.text) },
  { path: /^choices\.0\.message\.refusal$/, read: (m) => kwargs(m)["refusal"] },
  { path: /^choices\.0\.message\.reasoning$/, read: (m) => kwargs(m)["reasoning"] },
  { path: /^choices\.0\.message\.reasoning$/, read: (m) => blocks(m, "reasoning")[0]?.["reasoning"] },
  { path: /^choices\.0\.message\.reasoning_details\.(.+)$/, read: (m, [, rest]) => at(kwargs(m)["reasoning_details"], rest!) },
  { path: /^choices\.0\.message\.annotations\.(.+)$/, read: (m, [, rest]) => at(kwargs(m)["annotations"], rest!) },
  { path: /^choices\.0\.message\.annotations\.(\d+)\.url_citation\.url$/, read: (m, [, i]) => citation(m, i!)?.["url"] },
  { path: /^choices\.0\.message\.annotations\.(\d+)\.url_citation\.title$/, read: (m, [, i]) => citation(m, i!)?.["title"] },
  { path: /^choices\.0\.message\.annotations\.(\d+)\.url_citation\.content$/, read: (m, [, i]) => citation(m, i!)?.["citedText"] },
  { path: /^choices\.0\.message\.annotations\.(\d+)\.url_citation\.start_index$/, read: (m, [, i]) => citation(m, i!)?.["startIndex"] },
  { path: /^choices\.0\.message\.annotations\.(\d+)\.url_citation\.end_index$/, read: (m, [, i]) => citation(m, i!)?.["endIndex"] },
  { path: /^choices\.0\.message\.annotations\.(\d+)\.type$/, read: (m, [, i]) => (citation(m, i!)?.["source"] === "url" ? "url_citation" : "file") },
  { path: /^choices\.0\.message\.annotations\.(\d+)\.file\.name$/, read: (m, [, i]) => citation(m, i!)?.["title"] },
  {
    path: /^choices\.0\.message\.annotations\.(\d+)\.file\.content\.(\d+)\.text$/,
    read: (m, [, i, j], leaf) => (String(citation(m, i!)?.["citedText"]).split("\n")[Number(j)] === leaf ? leaf : "(not in citedText)"),
  },
  { path: /^choices\.0\.message\.images\.(.+)$/, read: (m, [, rest]) => at(kwargs(m)["images"], rest!) },
  { path: /^choices\.0\.message\.images\.(\d+)\.image_url\.url$/, read: (m, [, i]) => blocks(m, "image")[Number(i)]?.["url"] },
  { path: /^choices\.0\.message\.tool_calls\.(\d+)\.id$/, read: (m, [, i]) => m.tool_calls?.[Number(i)]?.id },
  { path: /^choices\.0\.message\.tool_calls\.(\d+)\.function\.name$/, read: (m, [, i]) => m.tool_calls?.[Number(i)]?.name },
  { path: /^choices\.0\.message\.tool_calls\.(\d+)\.function\.arguments$/, read: (m, [, i]) => m.tool_calls?.[Number(i)]?.args, parsed: true },
  { path: /^choices\.0\.message\.tool_calls\.(\d+)\.index$/, read: (m, [, i]) => (m.tool_calls?.[Number(i)] ? Number(i) : undefined) },
  { path: /^choices\.0\.message\.tool_calls\.(\d+)\.type$/, read: (m, [, i]) => (m.tool_calls?.[Number(i)]?.type === "tool_call" ? "function" : undefined) },
  { path: /^debug\.(.+)$/, read: (m, [, rest]) => at(metadata(m)["debug"], rest!) },
  { path: /^openrouter_metadata\.(.+)$/, read: (m, [, rest]) => at(metadata(m)["openrouter_metadata"], rest!) },
  // usage: raw in response_metadata.usage (cost, is_byok, cost_details, server_tool_use_details, …) …
  { path: /^usage\.(.+)$/, read: (m, [, rest]) => at(metadata(m)["usage"], rest!) },
  // … and in LangChain's standard fields where it has one
  { path: /^usage\.prompt_tokens$/, read: (m) => m.usage_metadata?.input_tokens },
  { path: /^usage\.completion_tokens$/, read: (m) => m.usage_metadata?.output_tokens },
  { path: /^usage\.total_tokens$/, read: (m) => m.usage_metadata?.total_tokens },
  { path: /^usage\.prompt_tokens_details\.cached_tokens$/, read: (m) => inputDetail(m, "cache_read") },
  { path: /^usage\.prompt_tokens_details\.cache_write_tokens$/, read: (m) => inputDetail(m, "cache_creation") },
  { path: /^usage\.prompt_tokens_details\.audio_tokens$/, read: (m) => inputDetail(m, "audio") },
  { path: /^usage\.prompt_tokens_details\.video_tokens$/, read: (m) => inputDetail(m, "video") },
  { path: /^usage\.completion_tokens_details\.reasoning_tokens$/, read: (m) => outputDetail(m, "reasoning") },
  { path: /^usage\.completion_tokens_details\.image_tokens$/, read: (m) => outputDetail(m, "image") },
  { path: /^usage\.completion_tokens_details\.audio_tokens$/, read: (m) => outputDetail(m, "audio") },
];

/** Fields deliberately not surfaced, with why (the fixture-coverage note lists these). */
const NOT_SURFACED: [RegExp, string][] = [
  [/^object$/, "always chat.completion / chat.completion.chunk"],
  [/^choices\.0\.index$/, "one choice per request; ChatOpenRouter never asks for n > 1"],
];

/** Asserts every leaf of `body` against the table; returns the paths checked. */
function assertReachable(name: string, body: Json, message: Message): string[] {
  const uncovered: string[] = [];
  const checked: string[] = [];
  for (const [path, leaf] of leaves(body)) {
    if (NOT_SURFACED.some(([pattern]) => pattern.test(path))) continue;
    const rules = RULES.map((rule) => [rule, rule.path.exec(path)] as const).filter(([, match]) => match !== null);
    if (rules.length === 0) {
      uncovered.push(path);
      continue;
    }
    for (const [rule, match] of rules) {
      const actual = rule.read(message, match!, leaf);
      const expected = rule.parsed && typeof leaf === "string" ? JSON.parse(leaf) : leaf;
      // a null on the wire is an absent field on the message
      if (expected === null) expect(actual ?? null, `${name}: ${path} via ${rule.path}`).toBeNull();
      else expect(actual, `${name}: ${path} via ${rule.path}`).toEqual(expected);
    }
    checked.push(path);
  }
  expect(uncovered, `${name}: fields with no home on the message`).toEqual([]);
  return checked;
}

// ---------------------------------------------------------------------------
// streams: what the chunks add up to, assembled per api.md §4.3 as a chat.completion body

interface Detail extends Record<string, Json> {}

function assembledBody(sse: string): Json {
  const chunks = sse
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Record<string, Json> & { choices?: Record<string, Json>[] });
  const first = chunks[0]!;
  const message: Record<string, Json> = { role: "assistant", content: "" };
  const choice: Record<string, Json> = { index: 0, message, finish_reason: null, native_finish_reason: null };
  const body: Record<string, Json> = { id: first["id"]!, model: first["model"]!, provider: first["provider"]!, created: first["created"]! };
  const details: Detail[] = [];
  const calls: Record<string, Json>[] = [];
  const append = (key: string, value: Json) => {
    if (typeof value === "string" && value !== "") message[key] = `${(message[key] as string | undefined) ?? ""}${value}`;
  };
  for (const chunk of chunks) {
    if (chunk["usage"] != null) body["usage"] = chunk["usage"];
    if (chunk["system_fingerprint"] != null) body["system_fingerprint"] = chunk["system_fingerprint"];
    if (chunk["service_tier"] != null) body["service_tier"] = chunk["service_tier"];
    if (chunk["debug"] != null) body["debug"] = chunk["debug"];
    const streamed = chunk.choices?.[0];
    if (!streamed) continue;
    if (streamed["finish_reason"] != null) choice["finish_reason"] = streamed["finish_reason"];
    if (streamed["native_finish_reason"] != null) choice["native_finish_reason"] = streamed["native_finish_reason"];
    const delta = (streamed["delta"] ?? {}) as Record<string, Json>;
    append("content", delta["content"] ?? null);
    append("reasoning", delta["reasoning"] ?? null);
    append("refusal", delta["refusal"] ?? null);
    for (const key of ["annotations", "images"]) {
      for (const item of (delta[key] as Json[] | undefined) ?? []) message[key] = [...((message[key] as Json[] | undefined) ?? []), item];
    }
    for (const fragment of (delta["reasoning_details"] as Detail[] | undefined) ?? []) {
      const same = details.find((detail) => detail["type"] === fragment["type"] && detail["index"] === fragment["index"]);
      if (!same) details.push({ ...fragment });
      else {
        for (const [field, value] of Object.entries(fragment)) {
          if (field === "text" || field === "summary") same[field] = `${(same[field] as string | undefined) ?? ""}${(value as string) ?? ""}`;
          else if (same[field] == null || same[field] === "") same[field] = value;
        }
      }
    }
    for (const fragment of (delta["tool_calls"] as Record<string, Json>[] | undefined) ?? []) {
      const fn = (fragment["function"] ?? {}) as Record<string, Json>;
      const index = fragment["index"] as number;
      const call = (calls[index] ??= { id: null, type: "function", index, function: { name: "", arguments: "" } });
      const target = call["function"] as Record<string, Json>;
      if (fragment["id"]) call["id"] = fragment["id"];
      if (fn["name"]) target["name"] = fn["name"];
      target["arguments"] = `${target["arguments"] as string}${(fn["arguments"] as string | undefined) ?? ""}`;
    }
  }
  if (details.length > 0) message["reasoning_details"] = details;
  if (calls.length > 0) message["tool_calls"] = calls;
  body["choices"] = [choice];
  return body;
}

// ---------------------------------------------------------------------------

const RESPONSES = fixtureNames(".json").filter((name) => name.startsWith("response-"));
// streams that end in an error raise (test/errors.test.ts, test/stream.test.ts); they have no message
// (the Responses API's own, responses-*, are covered by test/responses_api.test.ts)
const STREAMS = fixtureNames(".sse").filter((name) => !name.includes("error") && !name.startsWith("responses-") && name !== "stream-done-without-finish-reason.handmade.sse");
const covered = new Map<string, string[]>();

describe("every field of every response fixture is reachable from invoke's message", () => {
  it.each(RESPONSES)("%s", async (name) => {
    const message = await modelOn(emulator.current, { scenario: `fixture:${name}` }).invoke("hi");
    const body = JSON.parse(fixtureText(name)) as Json;
    covered.set(name, assertReachable(name, body, message));
  });
});

describe("every field of every stream fixture is reachable from the concatenated chunks", () => {
  it.each(STREAMS)("%s", async (name) => {
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await modelOn(emulator.current, { scenario: `fixture:${name}` }).stream("hi")) chunks.push(chunk);
    const full = chunks.reduce((sum, chunk) => concat(sum, chunk));
    covered.set(name, assertReachable(name, assembledBody(fixtureText(name)), full));
    // usage and cost are on exactly one chunk, so they are never counted twice
    expect(chunks.filter((chunk) => chunk.usage_metadata !== undefined)).toHaveLength(1);
    expect(chunks.filter((chunk) => chunk.response_metadata["usage"] !== undefined)).toHaveLength(1);
  });

  it("the reference assembly is what a non-streamed answer looks like (stream-reasoning-anthropic-text-signature.sse)", () => {
    const body = assembledBody(fixtureText("stream-reasoning-anthropic-text-signature.sse")) as Record<string, Json>;
    const message = ((body["choices"] as Json[])[0] as Record<string, Json>)["message"] as Record<string, Json>;
    expect(message["content"]).toBe("2 + 2 = 4");
    expect(message["reasoning"]).toBe("This is a simple arithmetic question. 2+2 equals 4.");
    expect(message["reasoning_details"]).toEqual([
      {
        type: "reasoning.text",
        text: "This is a simple arithmetic question. 2+2 equals 4.",
        signature: expect.stringMatching(/^Et0BCkgI.+=$/) as unknown as Json,
        format: "anthropic-claude-v1",
        index: 0,
      },
    ]);
  });

  it("covers every response and stream fixture", () => {
    expect([...covered.keys()].sort()).toEqual([...RESPONSES, ...STREAMS].sort());
    for (const [name, paths] of covered) expect(paths.length, name).toBeGreaterThan(5);
  });
});

// ---------------------------------------------------------------------------
// requests: each recorded request body, rebuilt from ChatOpenRouter options and messages

/** What was sent, with `stream` made explicit (absent means false, api.md §2.1). */
function sent(): Record<string, unknown> {
  const body = lastChatBody(emulator.current);
  return { stream: false, ...body };
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream) void _chunk;
}

describe("every request fixture is built from options and messages", () => {
  it("request-image-output.json: modalities", async () => {
    const fixture = fixtureJson("request-image-output.json");
    await modelOn(emulator.current, { model: "google/gemini-2.5-flash-image-preview", modalities: ["image", "text"] }).invoke("A cat");
    expect(sent()).toEqual(fixture);
  });

  it("request-reasoning-effort-high.json: reasoning", async () => {
    const fixture = fixtureJson("request-reasoning-effort-high.json");
    await modelOn(emulator.current, { model: "anthropic/claude-sonnet-4.5", reasoning: { effort: "high", enabled: true } }).invoke(
      "Reply with the single word: ok"
    );
    expect(sent()).toEqual(fixture);
  });

  it("request-json-schema.raw.json: seed, array content, response_format", async () => {
    const fixture = fixtureJson<{ messages: { content: { text: string }[] }[]; response_format: Record<string, unknown> }>(
      "request-json-schema.raw.json"
    );
    const model = modelOn(emulator.current, { model: "openai/gpt-4o-mini-2024-07-18", seed: 1014 });
    await model.invoke([new HumanMessage({ content: [{ type: "text", text: fixture.messages[0]!.content[0]!.text }] })], {
      response_format: fixture.response_format as never,
    });
    expect(sent()).toEqual(fixture);
  });

  it("request-tools-mistral.json: tools and tool_choice", async () => {
    const fixture = fixtureJson<{ tools: OpenRouterTool[] }>("request-tools-mistral.json");
    await modelOn(emulator.current, { model: "mistralai/mistral-small" }).invoke("What is 123 / 456?", {
      tools: fixture.tools,
      tool_choice: "auto",
    });
    expect(sent()).toEqual(fixture);
  });

  it("request-web-search-server-tool-full-params.json: the openrouter:web_search server tool", async () => {
    const fixture = fixtureJson<{ tools: OpenRouterTool[] }>("request-web-search-server-tool-full-params.json");
    await modelOn(emulator.current, { model: "google/gemini-3.6-flash" }).invoke("Reply with `ready`.", { tools: fixture.tools });
    expect(sent()).toEqual(fixture);
  });

  it("request-tool-result-roundtrip.raw.json: system, array user content, tool call and tool result, streamed", async () => {
    const fixture = fixtureJson<{ tools: OpenRouterTool[] }>("request-tool-result-roundtrip.raw.json");
    const history: BaseMessage[] = [
      new SystemMessage("Always use a tool to help you answer. Reply with 'It is ____.'."),
      new HumanMessage({ content: [{ type: "text", text: "What's the current date in YYYY-MM-DD format?" }] }),
      new AIMessage({ content: "", tool_calls: [{ id: "call_eJmyO5ANyXc20sPeLSuWSngc", name: "get_date", args: {} }] }),
      new ToolMessage({ content: "2024-01-01", tool_call_id: "call_eJmyO5ANyXc20sPeLSuWSngc" }),
    ];
    const model = modelOn(emulator.current, { model: "openai/gpt-4o-mini-2024-07-18", seed: 1014 });
    await drain(await model.stream(history, { tools: fixture.tools }));
    expect(sent()).toEqual(fixture);
  });

  it("covers every request fixture", () => {
    expect(fixtureNames(".json").filter((name) => name.startsWith("request-"))).toEqual([
      "request-image-output.json",
      "request-json-schema.raw.json",
      "request-reasoning-effort-high.json",
      "request-tool-result-roundtrip.raw.json",
      "request-tools-mistral.json",
      "request-web-search-server-tool-full-params.json",
    ]);
  });
});
