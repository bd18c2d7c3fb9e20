// A tiny HTTP server that answers each request with whatever the test scripts: any status,
// headers and body bytes, written in the given pieces. For responses the emulator does not
// produce (hostile bodies, generated streams, echoed credentials, redirects).
import { createServer, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export interface ScriptedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Written one after another, a tick apart, so the client reads them as separate pieces. */
  pieces?: (string | Uint8Array)[];
  /** Destroy the socket after the pieces instead of ending the response. */
  destroy?: boolean;
  /** Keep the response open after the pieces until the client goes away. */
  hold?: boolean;
  /** Wait this long (ms) between pieces. */
  gapMs?: number;
}

export interface ScriptedServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  requests: ScriptedRequest[];
  /** Sockets currently open. */
  openConnections(): number;
  /** Responses not finished or abandoned yet. */
  activeResponses(): number;
  close(): Promise<void>;
}

export async function startScriptedServer(
  reply: (request: ScriptedRequest) => ScriptedReply | Promise<ScriptedReply>
): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const sockets = new Set<Socket>();
  let active = 0;
  const server = createServer(async (req, res) => {
    active += 1;
    res.once("close", () => (active -= 1));
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const request = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body: Buffer.concat(parts).toString("utf8") };
    requests.push(request);
    const script = await reply(request);
    res.writeHead(script.status ?? 200, script.headers ?? { "Content-Type": "application/json" });
    for (const piece of script.pieces ?? []) {
      if (res.destroyed) return;
      res.write(piece);
      await new Promise((resolve) => (script.gapMs ? setTimeout(resolve, script.gapMs) : setImmediate(resolve)));
    }
    if (script.hold) {
      if (!res.destroyed) await new Promise((resolve) => res.once("close", resolve));
      return;
    }
    if (script.destroy) res.destroy();
    else res.end();
  });
  server.keepAliveTimeout = 500;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openConnections: () => sockets.size,
    activeResponses: () => active,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An SSE body of `chunks` (objects, sent as `data:` events) and `[DONE]`. */
export function sseOf(chunks: unknown[], done = true): string {
  return chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("") + (done ? "data: [DONE]\n\n" : "");
}

/** `text` as UTF-8 bytes cut at the given offsets (sorted, clamped). */
export function bytesCut(text: string, offsets: number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const sorted = offsets.map((offset) => Math.min(Math.max(offset, 0), bytes.length)).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const at of sorted) {
    if (at > from) pieces.push(bytes.subarray(from, at));
    from = Math.max(from, at);
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}
