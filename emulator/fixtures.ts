/**
 * The one loader of the recorded wire fixtures in `<repo>/fixtures`, located relative to this
 * module (the emulator's replies and the tests, through test/helpers/fixtures.ts). Files are
 * read once and cached as bytes.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));

const cache = new Map<string, Buffer>();

/** Fixture file names (`.json` and `.sse`: no directories, no README), those ending with `suffix` if given. */
export function fixtureNames(suffix?: string): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith(".json") || name.endsWith(".sse"))
    .filter((name) => suffix === undefined || name.endsWith(suffix))
    .sort();
}

/** The bytes of a fixture, or undefined if there is no such file. Rejects path tricks. */
export function fixtureBytes(name: string): Buffer | undefined {
  if (name !== path.basename(name) || name.startsWith(".")) return undefined;
  const cached = cache.get(name);
  if (cached) return cached;
  try {
    const bytes = readFileSync(path.join(FIXTURES_DIR, name));
    cache.set(name, bytes);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The text of a fixture; throws if there is no such file. */
export function fixtureText(name: string): string {
  const bytes = fixtureBytes(name);
  if (!bytes) throw new Error(`emulator: missing fixture ${name}`);
  return bytes.toString("utf8");
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export interface FixtureReply {
  status: number;
  body: Buffer;
  contentType: string;
  sse: boolean;
}

/**
 * How a fixture is replayed: `.sse` → 200 event stream; `error-object-…` → wrapped as
 * `{error: …}` with status = its code; `error-<status>-…` → that status; else 200.
 */
export function fixtureReply(name: string): FixtureReply | undefined {
  const bytes = fixtureBytes(name);
  if (!bytes) return undefined;
  if (name.endsWith(".sse")) {
    return { status: 200, body: bytes, contentType: "text/event-stream", sse: true };
  }
  const contentType = "application/json";
  if (name.startsWith("error-object-")) {
    const inner = bytes.toString("utf8").trim();
    let status = 502;
    try {
      const parsed: unknown = JSON.parse(inner);
      if (typeof parsed === "object" && parsed !== null && "code" in parsed && typeof parsed.code === "number") {
        status = parsed.code;
      }
    } catch {
      // keep 502
    }
    return { status, body: Buffer.from(`{"error":${inner}}`, "utf8"), contentType, sse: false };
  }
  const m = /^(?:responses-)?error-(\d{3})-/.exec(name);
  const status = m ? Number(m[1]) : 200;
  return { status, body: bytes, contentType, sse: false };
}

const STATUS_FIXTURES: Record<number, string> = {
  400: "error-400-provider-returned-error-openai.transcribed.json",
  401: "error-401-user-not-found.transcribed.json",
  402: "error-402-insufficient-credits-max-tokens.transcribed.json",
  403: "error-403-moderation.reconstructed.json",
  404: "error-404-no-allowed-providers.transcribed.json",
  429: "error-429-provider-rate-limited.json",
};

const GENERIC_MESSAGES: Record<number, string> = {
  408: "Operation timed out. Please try again later.",
  500: "Internal Server Error",
  502: "Provider returned error",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The JSON error body OpenRouter sends for an HTTP status (from the real fixtures). */
export function errorBodyForStatus(status: number): string {
  const file = STATUS_FIXTURES[status];
  if (file) {
    const bytes = fixtureBytes(file);
    if (bytes) return bytes.toString("utf8");
  }
  const examples = fixtureJson("errors-chat-completions.spec-examples.json");
  if (typeof examples === "object" && examples !== null) {
    const entry: unknown = Reflect.get(examples, String(status));
    if (typeof entry === "object" && entry !== null) {
      if ("error" in entry) return JSON.stringify(entry, null, 2);
      const first: unknown = Object.values(entry)[0];
      if (first !== undefined) return JSON.stringify(first, null, 2);
    }
  }
  return JSON.stringify({ error: { code: status, message: GENERIC_MESSAGES[status] ?? `HTTP ${status}` } });
}
