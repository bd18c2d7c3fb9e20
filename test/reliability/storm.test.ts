// The fault storm (issue #7): 1,000 invoke and stream requests, a bounded number at a time,
// against the emulator injecting a seeded random mix of every fault OpenRouter and the network
// produce. Each request's outcome is known from its fault, its failure count and its maxRetries:
// the complete, correct answer, or the right typed error after the right number of attempts.
// Rerun a failing storm with STORM_SEED=<the printed seed>.
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/server.js";
import {
  OpenRouterConnectionError,
  OpenRouterError,
  OpenRouterProviderError,
  OpenRouterRateLimitError,
  OpenRouterStreamError,
  OpenRouterTimeoutError,
} from "../../src/index.js";
import { CANARY_API_KEY } from "../helpers/emulator.js";
import { FastRetryChatOpenRouter } from "./helpers/fast_retry_model.js";
import { abortListeners, collectGarbage, eventually, pendingTimers } from "./helpers/leaks.js";
import { intBetween, pick, seededRandom } from "./helpers/random.js";

const SEED = Number(process.env["STORM_SEED"] ?? 20_251_125);
const REQUESTS = 1_000;
const ROUNDS = 4;
const CONCURRENCY = 32;
/**
 * Per attempt; each stalled attempt costs this much. Far above the emulator's answer time, so a
 * busy machine (2 cores shared with other test files) never turns a normal answer into a timeout.
 */
const TIMEOUT_MS = 1_000;
/** For requests OpenRouter asks to wait: all their attempts and waits fit well inside it. */
const ASKED_WAIT_TIMEOUT_MS = 10_000;
const BACKOFF_BASE_MS = 4;
const REPLAY = `storm seed ${SEED}; replay with STORM_SEED=${SEED} npx vitest run test/reliability/storm.test.ts`;

type Mode = "invoke" | "stream";
type ErrorClass = abstract new (...args: never[]) => OpenRouterError;

/** How an attempt that meets the fault ends. */
interface Failure {
  error: ErrorClass;
  /** The transport retries it (nothing reached the caller yet). */
  retried: boolean;
  status?: number;
  /** A stream that fails after text: what arrived must be a non-empty prefix of the answer. */
  partial?: boolean;
}

interface Fault {
  name: string;
  /** The emulator scenario, and the wait OpenRouter asks for (Retry-After / availability.retry_after) in ms. */
  make(random: () => number): { scenario: string; askedWaitMs?: number };
  invoke: Failure | "ok";
  stream: Failure | "ok";
}

const retried = (error: ErrorClass, status?: number): Failure => ({ error, retried: true, status });
const seconds = (random: () => number) => pick(random, [0.04, 0.06, 0.08]);

const FAULTS: Fault[] = [
  { name: "none", make: () => ({ scenario: "ok" }), invoke: "ok", stream: "ok" },
  {
    name: "429 with Retry-After",
    make: (random) => {
      const wait = seconds(random);
      return { scenario: `retry-after:${wait}`, askedWaitMs: wait * 1000 };
    },
    invoke: retried(OpenRouterRateLimitError, 429),
    stream: retried(OpenRouterRateLimitError, 429),
  },
  {
    name: "429 without Retry-After",
    make: () => ({ scenario: "status:429" }),
    invoke: retried(OpenRouterRateLimitError, 429),
    stream: retried(OpenRouterRateLimitError, 429),
  },
  {
    name: "429 with availability.retry_after",
    make: (random) => {
      const wait = seconds(random);
      return { scenario: `availability:${wait}`, askedWaitMs: wait * 1000 };
    },
    invoke: retried(OpenRouterRateLimitError, 429),
    stream: retried(OpenRouterRateLimitError, 429),
  },
  ...[500, 502, 503].map(
    (status): Fault => ({
      name: `${status} JSON`,
      make: () => ({ scenario: `status:${status}` }),
      invoke: retried(OpenRouterProviderError, status),
      stream: retried(OpenRouterProviderError, status),
    })
  ),
  {
    name: "502 HTML",
    make: () => ({ scenario: "html:502" }),
    invoke: retried(OpenRouterProviderError, 502),
    stream: retried(OpenRouterProviderError, 502),
  },
  {
    name: "reset before headers",
    make: () => ({ scenario: "reset" }),
    invoke: retried(OpenRouterConnectionError),
    stream: retried(OpenRouterConnectionError),
  },
  {
    name: "reset mid-body",
    make: () => ({ scenario: "reset-mid-body" }),
    // a JSON body is retried until it parses; a stream that yielded text is never retried
    invoke: retried(OpenRouterConnectionError),
    stream: { error: OpenRouterStreamError, retried: false, partial: true },
  },
  {
    name: "stalled response (timeout)",
    make: () => ({ scenario: "stall" }),
    invoke: retried(OpenRouterTimeoutError),
    stream: retried(OpenRouterTimeoutError),
  },
  {
    name: "mid-stream error chunk",
    make: () => ({ scenario: "mid-stream-error" }),
    // non-streamed, the emulator sends the 200 whose choice carries the error (api.md §5.6): nothing
    // reached the caller, so it is the 502 it names, retried as a 502 is
    invoke: retried(OpenRouterProviderError, 502),
    stream: { error: OpenRouterStreamError, retried: false, status: 502, partial: true },
  },
  {
    name: "stream cut without [DONE]",
    make: () => ({ scenario: "truncate" }),
    invoke: retried(OpenRouterConnectionError),
    stream: { error: OpenRouterStreamError, retried: false, partial: true },
  },
  {
    name: "error inside a 200",
    make: () => ({ scenario: "error-in-200" }),
    invoke: retried(OpenRouterProviderError, 502),
    stream: { error: OpenRouterStreamError, retried: false, status: 502 },
  },
  {
    name: "slow first byte",
    make: (random) => ({ scenario: `slow-body:${intBetween(random, 10, 120)}` }),
    invoke: "ok",
    stream: "ok",
  },
];

interface Planned {
  index: number;
  mode: Mode;
  fault: Fault;
  /** Attempts that meet the fault before the emulator answers normally (flaky:<n>). */
  failures: number;
  maxRetries: number;
  scenario: string;
  askedWaitMs?: number;
  prompt: string;
}

interface Expected {
  attempts: number;
  outcome: Failure | "ok";
}

function plan(random: () => number): Planned[] {
  return Array.from({ length: REQUESTS }, (_, index) => {
    const fault = pick(random, FAULTS);
    const mode: Mode = random() < 0.5 ? "invoke" : "stream";
    const failures = intBetween(random, 1, 3);
    const maxRetries = pick(random, [0, 1, 2, 2, 3]);
    const { scenario, askedWaitMs } = fault.make(random);
    const key = `storm-${SEED}-${index}`;
    const wrapped = fault.invoke === "ok" ? `${scenario}@${key}` : `flaky:${failures}:${scenario}@${key}`;
    return { index, mode, fault, failures, maxRetries, scenario: wrapped, askedWaitMs, prompt: `storm request ${index} (${key})` };
  });
}

function expectedOf(request: Planned): Expected {
  const failure = request.mode === "invoke" ? request.fault.invoke : request.fault.stream;
  if (failure === "ok" || !failure.retried) return { attempts: 1, outcome: failure };
  if (request.failures <= request.maxRetries) return { attempts: request.failures + 1, outcome: "ok" };
  return { attempts: request.maxRetries + 1, outcome: failure };
}

interface Settled {
  message?: BaseMessage;
  error?: unknown;
  /** Text the caller received before the error (streams). */
  partialText: string;
  signal: AbortSignal;
}

async function send(emulator: Emulator, request: Planned): Promise<Settled> {
  const model = new FastRetryChatOpenRouter(
    {
      model: "openai/gpt-4o-mini",
      apiKey: CANARY_API_KEY,
      baseURL: emulator.baseURLFor(request.scenario),
      // `timeout` also bounds the waits a call makes on OpenRouter's say-so (retry_policy waitFits): a
      // request that is asked to wait gets room for its attempts and waits even on a loaded machine
      timeout: request.askedWaitMs === undefined ? TIMEOUT_MS : ASKED_WAIT_TIMEOUT_MS,
      maxRetries: request.maxRetries,
    },
    BACKOFF_BASE_MS
  );
  // a signal the caller owns: nothing may stay attached to it once the call settles
  const signal = new AbortController().signal;
  let merged: AIMessageChunk | undefined;
  try {
    if (request.mode === "invoke") return { message: await model.invoke(request.prompt, { signal }), partialText: "", signal };
    for await (const chunk of await model.stream(request.prompt, { signal })) merged = merged ? merged.concat(chunk) : chunk;
    return { message: merged, partialText: merged?.text ?? "", signal };
  } catch (error) {
    return { error, partialText: merged?.text ?? "", signal };
  }
}

interface Figures {
  requests: number;
  byMode: Record<Mode, number>;
  faults: Record<string, number>;
  answered: number;
  typedErrors: Record<string, number>;
  attempts: number;
  retries: number;
  askedWaitsHonoured: number;
  silentlyShortOrWrong: number;
  problems: string[];
}

function answerFor(prompt: string): string {
  return `Hello from the OpenRouter emulator. You said: ${prompt}`;
}

/** Checks one settled request against what its fault predicts; returns what is wrong. */
function check(emulator: Emulator, request: Planned, settled: Settled, figures: Figures): string[] {
  const problems: string[] = [];
  const expected = expectedOf(request);
  const answer = answerFor(request.prompt);
  const attempts = emulator.requests
    .filter((recorded) => recorded.scenario === request.scenario)
    .sort((a, b) => a.attempt - b.attempt);
  figures.attempts += attempts.length;
  figures.retries += Math.max(0, attempts.length - 1);

  if (attempts.length !== expected.attempts) problems.push(`made ${attempts.length} attempts, expected ${expected.attempts}`);
  if (attempts.length > request.maxRetries + 1) problems.push(`made ${attempts.length} attempts with maxRetries ${request.maxRetries}`);
  for (let i = 1; i < attempts.length; i++) {
    const waited = attempts[i]!.receivedAt - attempts[i - 1]!.receivedAt;
    // Node may fire a timer up to 1 ms early; the gap also holds the failed attempt's own time
    const floor = request.askedWaitMs ?? Math.floor(BACKOFF_BASE_MS * 2 ** (i - 1) * 0.5);
    if (waited < floor - 1) problems.push(`retry ${i} came ${waited.toFixed(1)} ms after the previous attempt, before the ${floor} ms wait`);
    else if (request.askedWaitMs !== undefined) figures.askedWaitsHonoured += 1;
  }
  if (abortListeners(settled.signal) !== 0) problems.push(`left ${abortListeners(settled.signal)} listener(s) on the caller's signal`);

  if (settled.error === undefined) {
    figures.answered += 1;
    const message = settled.message;
    const content = message?.content;
    const complete =
      content === answer &&
      (message?.response_metadata as Record<string, unknown> | undefined)?.["finish_reason"] === "stop" &&
      (message as AIMessageChunk | undefined)?.usage_metadata !== undefined &&
      typeof message?.id === "string" &&
      message.id.startsWith("gen-");
    if (!complete) {
      figures.silentlyShortOrWrong += 1;
      problems.push(`answered without error but not completely: ${JSON.stringify({ content, metadata: message?.response_metadata }).slice(0, 300)}`);
    }
    if (expected.outcome !== "ok") problems.push(`answered, expected ${expected.outcome.error.name}`);
    return problems;
  }

  const error = settled.error;
  const name = error instanceof Error ? error.name : typeof error;
  figures.typedErrors[name] = (figures.typedErrors[name] ?? 0) + 1;
  if (expected.outcome === "ok") {
    problems.push(`failed with ${name}: ${error instanceof Error ? error.message : String(error)}; expected the answer`);
    return problems;
  }
  const failure = expected.outcome;
  if (!(error instanceof failure.error) || !OpenRouterError.isInstance(error)) {
    problems.push(`failed with ${name} (${error instanceof Error ? error.message : String(error)}), expected ${failure.error.name}`);
    return problems;
  }
  if (failure.status !== undefined && error.status !== failure.status) problems.push(`error status ${error.status}, expected ${failure.status}`);
  if (error instanceof OpenRouterRateLimitError && error.retryAfterMs !== request.askedWaitMs) {
    problems.push(`retryAfterMs ${error.retryAfterMs}, expected ${request.askedWaitMs}`);
  }
  if (!answer.startsWith(settled.partialText)) problems.push(`text before the error is not the answer's start: ${settled.partialText}`);
  if (failure.partial && settled.partialText === "") problems.push("no text arrived before a mid-stream failure");
  if (request.mode === "invoke" && settled.partialText !== "") problems.push("invoke yielded text before failing");
  return problems;
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: size }, worker));
}

/**
 * Sends one batch and checks each outcome. A function of its own so that no settled request stays
 * reachable from a suspended frame of the test when the signals are counted.
 */
async function runRound(emulator: Emulator, batch: Planned[], figures: Figures, signals: WeakRef<AbortSignal>[]): Promise<void> {
  const settled = new Map<number, Settled>();
  await pool(batch, CONCURRENCY, async (request) => {
    settled.set(request.index, await send(emulator, request));
  });
  for (const request of batch) {
    figures.byMode[request.mode] += 1;
    figures.faults[request.fault.name] = (figures.faults[request.fault.name] ?? 0) + 1;
    const outcome = settled.get(request.index)!;
    signals.push(new WeakRef(outcome.signal));
    for (const problem of check(emulator, request, outcome, figures)) {
      figures.problems.push(`#${request.index} ${request.mode} "${request.scenario}" maxRetries ${request.maxRetries}: ${problem}`);
    }
  }
}

describe("fault storm", () => {
  let emulator: Emulator;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    emulator = await startEmulator();
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await emulator?.close();
  });

  it(`${REQUESTS} mixed requests under injected faults: each complete and correct, or the right typed error`, { timeout: 60_000 }, async () => {
    const timersBefore = pendingTimers();
    const planned = plan(seededRandom(SEED));
    const figures: Figures = {
      requests: planned.length,
      byMode: { invoke: 0, stream: 0 },
      faults: {},
      answered: 0,
      typedErrors: {},
      attempts: 0,
      retries: 0,
      askedWaitsHonoured: 0,
      silentlyShortOrWrong: 0,
      problems: [],
    };
    const heapAfterRound: number[] = [];
    const collected: WeakRef<AbortSignal>[] = [];
    const started = performance.now();

    const perRound = Math.ceil(planned.length / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      await runRound(emulator, planned.slice(round * perRound, (round + 1) * perRound), figures, collected);
      emulator.reset();
      collectGarbage();
      heapAfterRound.push(process.memoryUsage().heapUsed);
    }
    const seconds = (performance.now() - started) / 1000;

    // after the storm: no responses, sockets, timers or user signals left behind. Once every
    // response has ended, no socket may be held by one: the idle ones (the client's to keep) close
    // on request, and none is left
    const active = await eventually(() => emulator.activeRequests(), (open) => open === 0, "finishing every response");
    await emulator.closeIdleConnections();
    const sockets = emulator.openConnections();
    const timers = await eventually(pendingTimers, (count) => count <= timersBefore, "clearing every timer");
    const retained = await eventually(
      () => {
        collectGarbage();
        return collected.filter((ref) => ref.deref() !== undefined).length;
      },
      (count) => count === 0,
      "collecting every caller signal"
    );
    const growthMb = (heapAfterRound[ROUNDS - 1]! - heapAfterRound[0]!) / 2 ** 20;

    console.log(
      [
        `fault storm (${REPLAY})`,
        `  requests: ${figures.requests} (invoke ${figures.byMode.invoke}, stream ${figures.byMode.stream}), concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s`,
        `  faults by kind: ${Object.entries(figures.faults).map(([name, count]) => `${name} ${count}`).join(", ")}`,
        `  attempts: ${figures.attempts}, retries: ${figures.retries}, server-asked waits honoured: ${figures.askedWaitsHonoured}`,
        `  answered complete and correct: ${figures.answered}; typed errors: ${Object.entries(figures.typedErrors).map(([name, count]) => `${name} ${count}`).join(", ")}`,
        `  silently short or wrong: ${figures.silentlyShortOrWrong}; unexpected outcomes: ${figures.problems.length}; unhandled rejections: ${unhandled.length}`,
        `  after: open sockets ${sockets}, active responses ${active}, timers ${timers} (before ${timersBefore}), caller signals retained ${retained}, heap growth rounds 1→${ROUNDS} ${growthMb.toFixed(1)} MB`,
      ].join("\n")
    );

    expect(sockets, REPLAY).toBe(0);
    expect(figures.problems.slice(0, 20), REPLAY).toEqual([]);
    expect(figures.silentlyShortOrWrong, REPLAY).toBe(0);
    expect(unhandled, REPLAY).toEqual([]);
    // every fault kind and both modes were exercised
    expect(Object.keys(figures.faults).sort(), REPLAY).toEqual(FAULTS.map((fault) => fault.name).sort());
    expect(figures.retries, REPLAY).toBeGreaterThan(0);
    // a leak of even a few KB per request would show as several MB over 750 requests
    expect(growthMb, REPLAY).toBeLessThan(8);
  });
});
