// Nothing lost on the Responses API either: every field of every Responses API result fixture
// (and of the final result a streamed fixture ends with) is reachable from the message, replayed
// through the public API with useResponsesApi. The table says where each field lands.
import type { AIMessage, AIMessageChunk } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import { modelOn, useEmulator } from "./helpers/emulator.js";
import { fixtureJson, fixtureNames, fixtureText } from "./helpers/fixtures.js";
import { type Json, leaves } from "./helpers/json_leaves.js";

const emulator = useEmulator();

type Message = AIMessage | AIMessageChunk;
type Item = Record<string, Json>;

const metadata = (m: Message) => m.response_metadata as Record<string, unknown>;
const kwargs = (m: Message) => m.additional_kwargs as Record<string, unknown>;
const at = (value: unknown, path: string): unknown =>
  path === "" ? value : path.split(".").reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]), value);
const details = (m: Message, type: string) => ((kwargs(m)["reasoning_details"] as Record<string, unknown>[] | undefined) ?? []).filter((d) => d["type"] === type);
/** The n-th item of `type` among the result's output items, by the output index `index`. */
const nth = (body: Item, index: number, type: string) => ((body["output"] as Item[]).slice(0, index).filter((item) => item["type"] === type)).length;

interface Rule {
  path: RegExp;
  read: (m: Message, match: RegExpExecArray, leaf: Json, body: Item) => unknown;
  parsed?: boolean;
  /** Only for fields of an output item of this type (the path's first number is its index). */
  item?: string;
}

const item = (body: Item, index: string) => (body["output"] as Item[])[Number(index)]!;

const RULES: Rule[] = [
  { path: /^id$/, read: (m) => m.id },
  { path: /^model$/, read: (m) => metadata(m)["model_name"] },
  { path: /^created_at$/, read: (m) => metadata(m)["created"] },
  { path: /^status$/, read: (m) => metadata(m)["native_finish_reason"] },
  { path: /^usage\.input_tokens$/, read: (m) => m.usage_metadata?.input_tokens },
  { path: /^usage\.output_tokens$/, read: (m) => m.usage_metadata?.output_tokens },
  { path: /^usage\.total_tokens$/, read: (m) => m.usage_metadata?.total_tokens },
  { path: /^usage\.input_tokens_details\.(.+)$/, read: (m, [, rest]) => at(metadata(m)["usage"], `prompt_tokens_details.${rest}`) },
  { path: /^usage\.output_tokens_details\.(.+)$/, read: (m, [, rest]) => at(metadata(m)["usage"], `completion_tokens_details.${rest}`) },
  { path: /^usage\.((?:cost|is_byok|cost_details|server_tool_use_details)(?:\..+)?)$/, read: (m, [, rest]) => at(metadata(m)["usage"], rest!) },
  // message items: their text joined, their citations as chat's annotations
  { path: /^output\.(\d+)\.content\.(\d+)\.text$/, item: "message", read: (m, _match, leaf) => (typeof leaf === "string" && m.text.includes(leaf) ? leaf : m.text) },
  { path: /^output\.(\d+)\.content\.(\d+)\.type$/, read: (m, _match, leaf) => (leaf === "output_text" && m.text !== "" ? leaf : "(no text)") },
  {
    path: /^output\.(\d+)\.content\.(\d+)\.annotations\.(\d+)\.(type|url|title|start_index|end_index|content)$/,
    read: (m, [, , , k, field]) => {
      const annotation = (kwargs(m)["annotations"] as Record<string, Record<string, unknown>>[] | undefined)?.[Number(k)];
      return field === "type" ? annotation?.["type"] : annotation?.["url_citation"]?.[field!];
    },
  },
  // function calls: the tool calls, in order
  { path: /^output\.(\d+)\.call_id$/, read: (m, [, i], _leaf, body) => m.tool_calls?.[nth(body, Number(i), "function_call")]?.id },
  { path: /^output\.(\d+)\.name$/, read: (m, [, i], _leaf, body) => m.tool_calls?.[nth(body, Number(i), "function_call")]?.name },
  { path: /^output\.(\d+)\.arguments$/, read: (m, [, i], _leaf, body) => m.tool_calls?.[nth(body, Number(i), "function_call")]?.args, parsed: true },
  // reasoning items: reasoning_details under the item's id
  { path: /^output\.(\d+)\.summary\.(\d+)(?:\.text)?$/, read: (m, [, , j]) => details(m, "reasoning.summary")[Number(j)]?.["summary"] },
  { path: /^output\.(\d+)\.content\.(\d+)\.text$/, item: "reasoning", read: (m, _match, leaf) => details(m, "reasoning.text").find((d) => d["text"] === leaf)?.["text"] },
  { path: /^output\.(\d+)\.id$/, read: (m, _match, leaf) => ((kwargs(m)["reasoning_details"] as Record<string, unknown>[] | undefined) ?? []).find((d) => d["id"] === leaf)?.["id"] },
  { path: /^output\.(\d+)\.encrypted_content$/, read: (m) => details(m, "reasoning.encrypted")[0]?.["data"] },
  { path: /^output\.(\d+)\.signature$/, read: (m) => details(m, "reasoning.text")[0]?.["signature"] },
  { path: /^output\.(\d+)\.format$/, read: (m) => ((kwargs(m)["reasoning_details"] as Record<string, unknown>[] | undefined) ?? [])[0]?.["format"] },
];

/** Fields deliberately not surfaced, with why. */
const NOT_SURFACED: [RegExp, (body: Item, match: RegExpExecArray) => boolean, string][] = [
  [/^output\.(\d+)\.(type|role)$/, () => true, "what the item is becomes where its content lands (text, tool calls, reasoning_details)"],
  [/^output\.(\d+)\.id$/, (body, [, i]) => item(body, i!)["type"] !== "reasoning", "a message's or call's item id: nothing to refer back to on a stateless API (call_id is kept; a reasoning item's id is)"],
  [/^output\.(\d+)\.status$/, () => true, "an item's status: the response's status says whether the answer is complete"],
  [/^output\.(\d+)\.(content|summary)\.(\d+)\.type$/, (body, [, i]) => item(body, i!)["type"] === "reasoning", "the part kind becomes the reasoning detail's type"],
  [/^output\.(\d+)\.content\.(\d+)\.annotations$/, () => true, "an empty list: no citations"],
  [/^output\.(\d+)\.(content|summary)$/, () => true, "an empty list: nothing in it"],
];

function assertReachable(name: string, body: Item, message: Message): void {
  const uncovered: string[] = [];
  for (const [path, leaf] of leaves(body)) {
    if (leaf === null) continue;
    if (NOT_SURFACED.some(([pattern, applies]) => {
      const match = pattern.exec(path);
      return match !== null && applies(body, match);
    })) continue;
    const rules = RULES.map((rule) => [rule, rule.path.exec(path)] as const).filter(
      ([rule, match]) => match !== null && (rule.item === undefined || item(body, match[1]!)["type"] === rule.item)
    );
    // an output item the chat shapes do not hold is kept whole
    const index = /^output\.(\d+)\./.exec(path)?.[1];
    if (index !== undefined && !["message", "function_call", "reasoning"].includes(item(body, index)["type"] as string)) {
      const kept = (metadata(message)["output_items"] as Item[] | undefined) ?? [];
      expect(kept, `${name}: ${path}`).toContainEqual(item(body, index));
      continue;
    }
    if (rules.length === 0) {
      // any other top-level field (object, completed_at, the echoed request): in response_metadata under its name
      const [top, ...rest] = path.split(".");
      if (!path.startsWith("output.") && !path.startsWith("usage.")) {
        expect(at(metadata(message)[top!], rest.join(".")), `${name}: ${path} in response_metadata`).toEqual(leaf);
        continue;
      }
      uncovered.push(path);
      continue;
    }
    for (const [rule, match] of rules) {
      const expected = rule.parsed && typeof leaf === "string" ? JSON.parse(leaf) : leaf;
      expect(rule.read(message, match!, leaf, body), `${name}: ${path} via ${rule.path}`).toEqual(expected);
    }
  }
  expect(uncovered, `${name}: fields with no home on the message`).toEqual([]);
}

const RESULTS = fixtureNames(".json").filter((name) => name.startsWith("responses-") && !/error|failed|request|stream/.test(name));
const STREAMS = fixtureNames(".sse").filter((name) => name.startsWith("responses-"));

describe("every field of every Responses API result fixture is reachable from invoke's message", () => {
  it("covers the result fixtures", () => expect(RESULTS.length).toBeGreaterThanOrEqual(5));
  it.each(RESULTS)("%s", async (name) => {
    const message = await modelOn(emulator.current, { useResponsesApi: true, scenario: `fixture:${name}` }).invoke("hi");
    assertReachable(name, fixtureJson<Item>(name), message);
  });
});

describe("every field of the result a Responses API stream fixture ends with is reachable from the streamed message", () => {
  it.each(STREAMS)("%s", async (name) => {
    let message: AIMessageChunk | undefined;
    for await (const chunk of await modelOn(emulator.current, { useResponsesApi: true, scenario: `fixture:${name}` }).stream("hi")) {
      message = message ? concat(message, chunk) : chunk;
    }
    const events = fixtureText(name)
      .split("\n")
      .filter((line) => line.startsWith("data: {"))
      .map((line) => JSON.parse(line.slice(6)) as Item);
    const final = events.filter((event) => event["type"] === "response.completed" || event["type"] === "response.done").at(-1)!;
    assertReachable(name, final["response"] as Item, message!);
  });
});
