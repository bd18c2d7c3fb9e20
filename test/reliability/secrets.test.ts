// The API key never leaks: not in an error's message, stack, cause chain, fields or toJSON, not in a
// callback payload, a traced run or a console line, on every error path, including servers and
// proxies that echo the key back in their error bodies and streams.
import { inspect } from "node:util";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { RunCollectorCallbackHandler } from "@langchain/core/tracers/run_collector";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/server.js";
import { ChatOpenRouter, type ChatOpenRouterFields, OpenRouterClient, OpenRouterEmbeddings } from "../../src/index.js";
import { CANARY_API_KEY } from "../helpers/emulator.js";
import { fixtureNames } from "../helpers/fixtures.js";
import { FastRetryChatOpenRouter } from "./helpers/fast_retry_model.js";
import { eventually } from "./helpers/leaks.js";
import { type ScriptedReply, type ScriptedServer, sseOf, startScriptedServer } from "./helpers/scripted_server.js";

/** Every string reachable from `value`: own properties (string or symbol keys, enumerable or not, but not Headers), causes, toJSON. */
function stringsIn(value: unknown, seen = new Set<unknown>(), out: string[] = []): string[] {
  if (typeof value === "string") {
    out.push(value);
    return out;
  }
  if (typeof value !== "object" || value === null || seen.has(value) || value instanceof Headers) return out;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    try {
      stringsIn((value as Record<PropertyKey, unknown>)[key], seen, out);
    } catch {
      // a getter that throws holds no string
    }
  }
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === "function") stringsIn(toJSON.call(value), seen, out);
  return out;
}

/** `value` and its causes, as far as a logger printing the chain would go. */
function causeChain(value: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = value; current != null && chain.length < 6; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

const jsonOf = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
};

/**
 * Where the canary shows in `value`, printed, serialised or (with `walk`) found in any field, and
 * printed at every link of its cause chain, hidden properties too. A model must hold its key, so it
 * is only printed and serialised, as a log or a trace would.
 */
function leaksOf(value: unknown, walk = true): string[] {
  const views = [
    ["inspect", inspect(value, { depth: 20 })],
    ["String", String(value)],
    ["JSON", jsonOf(value)],
    ["toJSON", JSON.stringify((value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null)],
    ...(walk
      ? [
          ...causeChain(value).flatMap((link, depth) => [
            [`cause ${depth} String`, String(link)],
            [`cause ${depth} inspect (showHidden)`, inspect(link, { depth: 10, showHidden: true })],
            [`cause ${depth} stack`, (link as { stack?: unknown }).stack === undefined ? "" : String((link as { stack?: unknown }).stack)],
          ]),
          ...stringsIn(value).map((text) => ["field", text]),
        ]
      : []),
  ];
  return views.filter(([, text]) => text!.includes(CANARY_API_KEY)).map(([view, text]) => `${view}: ${text!.slice(0, 300)}`);
}

/** Records every callback payload a run produces. */
class PayloadRecorder extends BaseCallbackHandler {
  name = "payload_recorder";
  payloads: unknown[] = [];
  override handleChatModelStart(...args: unknown[]) {
    this.payloads.push(["handleChatModelStart", args]);
  }
  override handleLLMStart(...args: unknown[]) {
    this.payloads.push(["handleLLMStart", args]);
  }
  override handleLLMNewToken(...args: unknown[]) {
    this.payloads.push(["handleLLMNewToken", args]);
  }
  override handleLLMEnd(...args: unknown[]) {
    this.payloads.push(["handleLLMEnd", args]);
  }
  override handleLLMError(...args: unknown[]) {
    this.payloads.push(["handleLLMError", args]);
  }
}

type Mode = "invoke" | "stream";

interface Path {
  name: string;
  fields: Partial<ChatOpenRouterFields>;
  mode: Mode;
  /** The prompt; "hello" by default. */
  input?: string;
  /** Aborted once the emulator holds the request. */
  abort?: boolean;
}

describe("the API key never leaks", () => {
  let emulator: Emulator;
  let echo: ScriptedServer;
  let logged: string[];
  const leaks: string[] = [];
  let paths = 0;

  // a server or proxy that puts the caller's key into every kind of failure it can send
  const ECHOES: Record<string, (key: string) => ScriptedReply> = {
    "401 envelope": (key) => ({ status: 401, pieces: [JSON.stringify({ error: { code: 401, message: `Invalid key ${key}` } })] }),
    "400 metadata.raw": (key) => ({
      status: 400,
      pieces: [JSON.stringify({ error: { code: 400, message: "Provider returned error", metadata: { provider_name: "X", raw: { error: { message: `bad auth ${key}` } } } }, user_id: key })],
    }),
    "429 with Retry-After": (key) => ({ status: 429, headers: { "Content-Type": "application/json", "Retry-After": "0" }, pieces: [JSON.stringify({ error: { code: 429, message: key } })] }),
    "502 HTML": (key) => ({ status: 502, headers: { "Content-Type": "text/html" }, pieces: [`<html><body>Bad gateway for Authorization: Bearer ${key}</body></html>`] }),
    "503 plain text": (key) => ({ status: 503, headers: { "Content-Type": "text/plain" }, pieces: [`upstream said ${key}`] }),
    "200 error envelope": (key) => ({ pieces: [JSON.stringify({ error: { code: 502, message: `upstream ${key}`, metadata: { raw: key } } })] }),
    "200 choice error": (key) => ({
      pieces: [JSON.stringify({ id: "gen-1", choices: [{ message: { role: "assistant", content: `partial ${key}` }, finish_reason: "error", error: { code: 502, message: `failed ${key}` } }] })],
    }),
    "200 truncated JSON": (key) => ({ pieces: [`{"id":"gen-1","choices":[{"message":{"content":"${key}`] }),
    "200 HTML": (key) => ({ headers: { "Content-Type": "text/html" }, pieces: [`<p>${key}</p>`] }),
    "stream error chunk": (key) => ({
      headers: { "Content-Type": "text/event-stream" },
      pieces: [sseOf([{ id: "gen-1", choices: [{ index: 0, delta: { content: "Hi" } }] }, { id: "gen-1", error: { code: 429, message: `limit for ${key}`, metadata: { raw: key } }, choices: [] }])],
    }),
    "stream event that is not JSON": (key) => ({ headers: { "Content-Type": "text/event-stream" }, pieces: [`data: {"id":"gen-1","x":"${key}\n\n`] }),
    "stream cut with the key in the last event": (key) => ({
      headers: { "Content-Type": "text/event-stream" },
      pieces: [sseOf([{ id: "gen-1", choices: [{ index: 0, delta: { content: "Hi" } }] }], false), `data: {"debug":"${key}"}`],
      destroy: true,
    }),
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    echo = await startScriptedServer((request) => {
      const key = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
      return ECHOES[decodeURIComponent(request.path.split("/")[1] ?? "")]!(key);
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await echo?.close();
  });
  beforeEach(() => {
    logged = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 20 }))).join(" "));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs one path with every observer attached and records where the key showed. */
  async function walk(path: Path): Promise<unknown> {
    paths += 1;
    const recorder = new PayloadRecorder();
    const collector = new RunCollectorCallbackHandler();
    const model = new FastRetryChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, maxRetries: 0, verbose: true, ...path.fields });
    const controller = new AbortController();
    const options = { callbacks: [recorder, collector], signal: controller.signal, metadata: { path: path.name } };
    let error: unknown;
    // stream() resolves with the first chunk, so the abort is set up before the call
    const aborting = path.abort
      ? eventually(() => emulator.activeRequests(), (count) => count > 0, "the emulator holding the request").then(() => controller.abort())
      : undefined;
    try {
      if (path.mode === "invoke") await model.invoke(path.input ?? "hello", options);
      else for await (const chunk of await model.stream(path.input ?? "hello", options)) void chunk;
    } catch (caught) {
      error = caught;
    }
    await aborting;
    const where = `${path.name} (${path.mode})`;
    for (const [what, value] of [
      ["error", error],
      ["callback payloads", recorder.payloads],
      ["traced runs", collector.tracedRuns],
      ["console", logged],
      ["model", model],
    ] as const) {
      for (const leak of leaksOf(value, what !== "model")) leaks.push(`${where}, ${what}: ${leak}`);
    }
    logged.length = 0;
    return error;
  }

  const SCENARIOS = [
    ...[400, 401, 402, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504, 524, 529].map((status) => `status:${status}`),
    "retry-after:0",
    "availability:0",
    "html:502",
    "empty:502",
    "reset",
    "reset-mid-body",
    "stall",
    "truncate",
    "mid-stream-error",
    "error-in-200",
    "no-such-scenario",
    "fixture:stream-mid-stream-error-with-usage.sse",
    ...fixtureNames(".json").filter((name) => name.startsWith("error")).map((name) => `fixture:${name}`),
  ];

  it.each(SCENARIOS)("emulator %s: no leak in either mode", async (scenario) => {
    for (const mode of ["invoke", "stream"] as const) {
      const error = await walk({ name: scenario, mode, fields: { baseURL: emulator.baseURLFor(scenario), timeout: 300 } });
      expect(error, `${scenario} ${mode}`).toBeInstanceOf(Error);
    }
  });

  it("retried failures: the error of the last attempt carries no key", async () => {
    for (const mode of ["invoke", "stream"] as const) {
      await walk({ name: "503 retried twice", mode, fields: { baseURL: emulator.baseURLFor(`flaky:9:status:503@secret-${mode}`), maxRetries: 2 } });
    }
  });

  it.each(Object.keys(ECHOES))("a server echoing the key (%s): no leak in either mode", async (name) => {
    for (const mode of ["invoke", "stream"] as const) {
      const error = await walk({ name, mode, fields: { baseURL: `${echo.url}/${encodeURIComponent(name)}`, maxRetries: 1 } });
      expect(error, `${name} ${mode}`).toBeDefined();
    }
  });

  it("the platform client and embeddings: no leak on their error paths", async () => {
    const bases = [
      ...["status:401", "status:429", "status:500", "html:502", "empty:502", "reset", "no-such-scenario"].map((scenario) => emulator.baseURLFor(scenario)),
      ...Object.keys(ECHOES).map((name) => `${echo.url}/${encodeURIComponent(name)}`),
    ];
    for (const baseURL of bases) {
      const client = new OpenRouterClient({ apiKey: CANARY_API_KEY, baseURL, maxRetries: 0 });
      const embeddings = new OpenRouterEmbeddings({ model: "openai/text-embedding-3-small", apiKey: CANARY_API_KEY, baseURL, maxRetries: 0 });
      for (const [what, call] of [
        ["getKeyInfo", () => client.getKeyInfo()],
        ["getCredits", () => client.getCredits()],
        ["embedQuery", () => embeddings.embedQuery("hello")],
      ] as const) {
        paths += 1;
        const error = await (call as () => Promise<unknown>)().then(
          () => new Error("resolved"),
          (caught: unknown) => caught
        );
        expect(error, `${what} ${baseURL}`).toBeInstanceOf(Error);
        for (const leak of leaksOf(error)) leaks.push(`${what} at ${baseURL}: ${leak}`);
      }
      for (const leak of leaksOf(client, false)) leaks.push(`OpenRouterClient: ${leak}`);
      for (const leak of leaksOf(embeddings, false)) leaks.push(`OpenRouterEmbeddings: ${leak}`);
    }
  });

  it("aborts, refused connections and bad input: no leak", async () => {
    for (const mode of ["invoke", "stream"] as const) {
      await walk({ name: "aborted while waiting", mode, abort: true, fields: { baseURL: emulator.baseURLFor("stall") } });
      await walk({ name: "connection refused", mode, fields: { baseURL: "http://127.0.0.1:9" } });
      const circular: Record<string, unknown> = {};
      circular["self"] = circular;
      await walk({ name: "unserialisable modelKwargs", mode, fields: { baseURL: emulator.baseURL, modelKwargs: circular } });
    }
  });

  it("the walker finds the key wherever a logger or a tracer would show it", () => {
    const hidden = new Error("hidden field");
    Object.defineProperty(hidden, "detail", { value: `k=${CANARY_API_KEY}`, enumerable: false });
    const symbolKeyed = Object.assign(new Error("symbol-keyed field"), { [Symbol("raw")]: CANARY_API_KEY });
    const deepCause = new Error("outer", { cause: new Error("middle", { cause: new Error(`inner ${CANARY_API_KEY}`) }) });
    const inToJSON = { toJSON: () => ({ key: CANARY_API_KEY }) };
    for (const value of [new Error(CANARY_API_KEY), hidden, symbolKeyed, deepCause, inToJSON, [{ payload: CANARY_API_KEY }]]) {
      expect(leaksOf(value), inspect(value)).not.toEqual([]);
    }
    expect(leaksOf(new Error("clean", { cause: new Error("also clean") }))).toEqual([]);
  });

  it("a prompt that quotes the key: not in the error of invoke or stream", async () => {
    for (const mode of ["invoke", "stream"] as const) {
      const model = new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY, baseURL: emulator.baseURLFor("status:400"), maxRetries: 0 });
      const input = `my key is ${CANARY_API_KEY}`;
      const error = await (mode === "invoke"
        ? model.invoke(input)
        : (async () => {
            for await (const chunk of await model.stream(input)) void chunk;
          })()
      ).catch((caught: unknown) => caught);
      expect(error, mode).toBeInstanceOf(Error);
      expect(leaksOf(error), mode).toEqual([]);
    }
  });

  it("a missing key is refused at construction with what to do", () => {
    expect(() => new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: "" })).toThrow(
      /ChatOpenRouter needs an API key: pass \{ apiKey \} or set OPENROUTER_API_KEY/
    );
  });

  it("a key with a line break or a non-Latin-1 character is refused at construction without printing it", () => {
    for (const bad of [`${CANARY_API_KEY}\nX: 1`, `“${CANARY_API_KEY}”`]) {
      let error: unknown;
      try {
        new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: bad });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(leaksOf(error)).toEqual([]);
    }
  });

  it("the model itself: toJSON, JSON.stringify and inspect show no key", () => {
    const model = new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: CANARY_API_KEY });
    expect(leaksOf(model, false)).toEqual([]);
    expect(leaksOf(model.toJSON())).toEqual([]);
    expect(model.toJSON()).toMatchObject({ kwargs: { api_key: { lc: 1, type: "secret", id: ["OPENROUTER_API_KEY"] } } });
  });

  it("walked every path, and found no leak", () => {
    expect(paths).toBeGreaterThan(SCENARIOS.length * 2);
    expect(leaks).toEqual([]);
  });
});
