// The built ESM bundled for the browser runs in headless Chromium and talks to the emulator on
// another origin, so every request goes through a CORS preflight as it would to openrouter.ai.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/server.js";
import { ChatOpenRouter } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
// Chromium's own background connections (updates, sync, field trials) are refused on machines
// without internet, and a shared profile leaks state between runs.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface Smoke {
  hasProcess: boolean;
  stream(baseURL: string, prompt: string): Promise<{ text: string; chunks: number }>;
  invoke(baseURL: string, prompt: string): Promise<{ text: string; model: string; usage: Record<string, unknown> }>;
  rejectedKey(baseURL: string): Promise<{ name: string; isAuthError: boolean; status: number }>;
  abortMidStream(baseURL: string, prompt: string): Promise<{ aborted: boolean; name?: string; chunks: number }>;
}
declare const openRouterSmoke: Smoke;

let emulator: Emulator;
let site: Server;
let siteURL: string;
let profile: string;
let context: BrowserContext;
let page: Page;
let bundledInputs: string[];
const pageErrors: string[] = [];

async function bundle(): Promise<string> {
  if (!existsSync(join(ROOT, "dist/index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first.");
  const result = await build({
    entryPoints: [join(ROOT, "test/runtimes/browser/entry.js")],
    absWorkingDir: ROOT,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundledInputs = Object.keys(result.metafile.inputs);
  return result.outputFiles[0]!.text;
}

function serve(script: string): Promise<Server> {
  const html = '<!doctype html><meta charset="utf-8"><title>openrouter</title><script type="module" src="/bundle.js"></script>';
  const server = createServer((request, response) => {
    if (request.url === "/bundle.js") {
      response.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
      response.end(script);
    } else if (request.url === "/") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  emulator = await startEmulator();
  site = await serve(await bundle());
  const address = site.address();
  siteURL = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  profile = mkdtempSync(join(tmpdir(), "openrouter-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(siteURL);
  await page.waitForFunction(() => typeof openRouterSmoke === "object");
});

afterAll(async () => {
  await context?.close();
  // a beforeAll that failed before serving leaves no site: resolve at once rather than wait out hookTimeout
  if (site) await new Promise((resolve) => site.close(resolve));
  await emulator?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function expected(prompt: string): Promise<string> {
  const model = new ChatOpenRouter({ model: "anthropic/claude-sonnet-4.5", apiKey: "sk-or-v1-node", baseURL: emulator.baseURL });
  const message = await model.invoke(prompt);
  return message.content as string;
}

describe("browser (headless Chromium, built ESM bundled by esbuild)", () => {
  it("bundles for the browser without any Node built-in module", () => {
    expect(bundledInputs.some((input) => input.startsWith("dist/index.js"))).toBe(true);
    expect(bundledInputs.filter((input) => /^node:|(^|\/)(fs|net|http|https|async_hooks|stream|crypto)$/.test(input))).toEqual([]);
  });

  it("runs on a page where `process` does not exist", async () => {
    expect(await page.evaluate(() => openRouterSmoke.hasProcess)).toBe(false);
  });

  it("streams an answer from another origin, after a CORS preflight", async () => {
    emulator.reset();
    const prompt = "Write a short poem about the sea.";
    const result = await page.evaluate(([url, text]) => openRouterSmoke.stream(url, text), [emulator.baseURL, prompt] as const);
    emulator.reset();
    expect(result.text).toBe(await expected(prompt));
    expect(result.text.split("\n")).toHaveLength(4);
    expect(result.chunks).toBeGreaterThan(3);
  });

  it("sends the preflight OpenRouter must answer: POST with Authorization and Content-Type", async () => {
    emulator.reset();
    await page.evaluate((url) => openRouterSmoke.stream(url, "hi"), emulator.baseURLFor("ok@preflight"));
    const preflight = emulator.requests.find((request) => request.method === "OPTIONS");
    expect(preflight?.path).toBe("/api/v1/chat/completions");
    expect(preflight?.headers["access-control-request-method"]).toBe("POST");
    expect(preflight?.headers["access-control-request-headers"]?.split(",").map((name) => name.trim()).sort()).toEqual(
      expect.arrayContaining(["authorization", "content-type"])
    );
    const post = emulator.chatRequests()[0];
    expect(post?.headers["origin"]).toBe(siteURL.replace(/\/$/, ""));
    expect((post?.body as { stream?: boolean } | undefined)?.stream).toBe(true);
  });

  it("invokes and reads usage and the served model name (exposed response headers included)", async () => {
    const prompt = "Tell me a joke.";
    const result = await page.evaluate(([url, text]) => openRouterSmoke.invoke(url, text), [emulator.baseURL, prompt] as const);
    expect(result.text).toBe(await expected(prompt));
    expect(result.model).toBe("anthropic/claude-4.5-sonnet-20250929");
    expect(result.usage).toMatchObject({ input_tokens: 12, output_tokens: 25, total_tokens: 37 });
  });

  it("turns a rejected key into OpenRouterAuthError (the 401 body is readable cross-origin)", async () => {
    const result = await page.evaluate((url) => openRouterSmoke.rejectedKey(url), emulator.baseURL);
    expect(result).toEqual({ name: "OpenRouterAuthError", isAuthError: true, status: 401 });
  });

  it("stops a stream when its AbortSignal fires mid-stream", async () => {
    const result = await page.evaluate(
      ([url, text]) => openRouterSmoke.abortMidStream(url, text),
      [emulator.baseURL, "Write a short poem about the sea."] as const
    );
    expect(result).toMatchObject({ aborted: true, chunks: 1 });
    expect(result.name).toBe("AbortError");
  });

  it("reported no uncaught page error", () => {
    expect(pageErrors).toEqual([]);
  });
});
