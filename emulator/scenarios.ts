/**
 * Scenario grammar (fits in one URL path segment once URL-encoded):
 *
 *   scenario := parts [ "@" key ]            key only makes the attempt counter unique
 *   parts    := part ( "+" part )*           modifiers and one response behaviour
 *   part     := name ( ":" arg )*
 *   flaky:<n>:<scenario>                     consumes the rest of the string (incl. "+")
 *
 * See emulator/README.md for the table of names.
 */
import { errorBodyForStatus, fixtureJson, fixtureReply } from "./fixtures.js";
import { REFUSAL_TEXT, type AnswerOptions } from "./responder.js";

export type Action =
  | { kind: "ok" }
  | { kind: "fixture"; name: string }
  | { kind: "error"; status: number; body: string; contentType: string }
  | { kind: "stall" }
  | { kind: "reset" }
  | { kind: "reset-mid-body" }
  | { kind: "stall-mid-body" }
  | { kind: "truncate" }
  | { kind: "mid-stream-error" }
  | { kind: "error-in-200" };

export interface Plan {
  /** Delay before the response headers. */
  delayMs: number;
  /** Delay between the headers and the first body byte. */
  bodyDelayMs: number;
  /** Extra response headers. */
  headers: Record<string, string>;
  action: Action;
  /** `generation-pending:<n>`: GET /generation answers 404 to the first n lookups of each id. */
  generationPending?: number;
  /** `out-of-order`: POST /embeddings returns `data` in reverse order. */
  outOfOrder?: boolean;
  /** What the `ok` responder is told: `preamble`, `bad-arguments`, `say:`, `refuse`, `think:`, `usage:`. */
  answer: AnswerOptions;
  /** `no-done`: a complete stream whose body ends without the `[DONE]` frame. */
  noDone?: boolean;
}

export class ScenarioError extends Error {}

/** Removes the `@key` suffix: `status:503@k1` → `status:503`. */
export function stripKey(scenario: string): string {
  const at = scenario.lastIndexOf("@");
  return at >= 0 ? scenario.slice(0, at) : scenario;
}

function intArg(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === "" || !Number.isFinite(n) || n < 0) {
    throw new ScenarioError(`scenario ${what} needs a non-negative number, got ${JSON.stringify(value)}`);
  }
  return n;
}

function statusArg(value: string | undefined, what: string): number {
  const n = intArg(value, what);
  if (!Number.isInteger(n) || n < 100 || n > 599) throw new ScenarioError(`scenario ${what}: bad HTTP status ${value}`);
  return n;
}

/** A text argument: the rest of the part, percent-decoded (so it can hold "+", "@" or ":"). */
function textArg(args: string[]): string {
  const raw = args.join(":");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function jsonError(status: number): Action {
  return { kind: "error", status, body: errorBodyForStatus(status), contentType: "application/json" };
}

function availabilityBody(seconds: number): string {
  const body = fixtureJson("error-429-capacity-exhausted-availability.docs-example.json");
  const text = JSON.stringify(body, null, 2);
  // Replace retry_after (and the number quoted in the message) without touching the rest.
  return text
    .replace(/"retry_after": \d+(\.\d+)?/, `"retry_after": ${seconds}`)
    .replace(/Retry after \d+ seconds/, `Retry after ${seconds} seconds`);
}

function cloudflareHtml(status: number): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en-US">',
    `<head><title>openrouter.ai | ${status}: Bad gateway</title>`,
    '<meta charset="UTF-8" /><meta name="robots" content="noindex, nofollow" /></head>',
    "<body>",
    '<div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper">',
    `<h1><span class="cf-error-type">Error</span> <span class="cf-error-code">${status}</span></h1>`,
    "<h2>Bad gateway</h2>",
    '<p>The web server reported a bad gateway error.</p>',
    '<p>Cloudflare Ray ID: <strong class="font-semibold">8f0e0e0e0e0e0e0e</strong></p>',
    "</div></div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * Turns a scenario string into a plan for one request. `attempt` is the 1-based count of
 * requests seen for the whole scenario string (incl. `@key`), used by `flaky`.
 */
export function planFor(scenario: string, attempt: number): Plan {
  const plan: Plan = { delayMs: 0, bodyDelayMs: 0, headers: {}, action: { kind: "ok" }, answer: {} };
  let action: Action | undefined;
  let fallback: Action | undefined;
  const apply = (text: string): void => {
    let rest = text;
    while (rest.length > 0) {
      if (rest.startsWith("flaky:")) {
        const m = /^flaky:(\d+):(.+)$/s.exec(rest);
        if (!m) throw new ScenarioError(`scenario ${rest}: expected flaky:<n>:<scenario>`);
        const n = Number(m[1]);
        if (attempt <= n) apply(m[2] ?? "ok");
        else action = { kind: "ok" };
        return;
      }
      const plus = rest.indexOf("+");
      const part = plus >= 0 ? rest.slice(0, plus) : rest;
      rest = plus >= 0 ? rest.slice(plus + 1) : "";
      const [name = "", ...args] = part.split(":");
      const arg = args[0];
      switch (name) {
        case "":
        case "ok":
          action = { kind: "ok" };
          break;
        case "fixture": {
          const file = args.join(":");
          if (!fixtureReply(file)) throw new ScenarioError(`scenario fixture: no fixture named ${JSON.stringify(file)}`);
          action = { kind: "fixture", name: file };
          break;
        }
        case "status":
          action = jsonError(statusArg(arg, part));
          break;
        case "retry-after":
          plan.headers["Retry-After"] = String(intArg(arg, part));
          fallback = jsonError(429);
          break;
        case "retry-after-date":
          plan.headers["Retry-After"] = new Date(Date.now() + intArg(arg, part) * 1000).toUTCString();
          fallback = jsonError(429);
          break;
        case "availability":
          action = { kind: "error", status: 429, body: availabilityBody(intArg(arg, part)), contentType: "application/json" };
          break;
        case "html": {
          const status = arg === undefined ? 502 : statusArg(arg, part);
          action = { kind: "error", status, body: cloudflareHtml(status), contentType: "text/html; charset=UTF-8" };
          break;
        }
        case "empty": {
          const status = arg === undefined ? 502 : statusArg(arg, part);
          action = { kind: "error", status, body: "", contentType: "application/json" };
          break;
        }
        case "slow":
          plan.delayMs += intArg(arg, part);
          break;
        case "slow-body":
          plan.bodyDelayMs += intArg(arg, part);
          break;
        case "generation-pending":
          plan.generationPending = intArg(arg, part);
          break;
        case "out-of-order":
          plan.outOfOrder = true;
          break;
        case "preamble":
          plan.answer.preamble = true;
          break;
        case "bad-arguments":
          plan.answer.badArguments = true;
          break;
        case "say":
          plan.answer.say = textArg(args);
          break;
        case "refuse":
          plan.answer.refuse = args.length > 0 ? textArg(args) : REFUSAL_TEXT;
          break;
        case "think":
          plan.answer.think = textArg(args);
          break;
        case "usage":
          plan.answer.usage = [intArg(args[0], part), intArg(args[1], part)];
          break;
        case "no-done":
          plan.noDone = true;
          break;
        case "stall":
        case "reset":
        case "reset-mid-body":
        case "stall-mid-body":
        case "truncate":
        case "mid-stream-error":
        case "error-in-200":
          action = { kind: name };
          break;
        default:
          throw new ScenarioError(`unknown emulator scenario ${JSON.stringify(part)}`);
      }
    }
  };
  apply(stripKey(scenario));
  plan.action = action ?? fallback ?? { kind: "ok" };
  return plan;
}

/** One-line summary for the CLI banner. */
export const SCENARIO_HINT =
  "scenarios (via /s/<scenario>/api/v1 or x-emulator-scenario): ok, fixture:<file>, status:<code>, retry-after:<s>, " +
  "retry-after-date:<s>, availability:<s>, html:<code>, empty:<code>, flaky:<n>:<scenario>, slow:<ms>, slow-body:<ms>, " +
  "stall, reset, reset-mid-body, stall-mid-body, truncate, mid-stream-error, error-in-200, generation-pending:<n>, out-of-order, preamble, bad-arguments, no-done, " +
  "say:<text>, refuse[:<text>], think:<text>, usage:<prompt>:<completion>; " +
  "combine with +, suffix @key";
