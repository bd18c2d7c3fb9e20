// The loopback fake OpenRouter, in its own process: `node bench/server.mjs` prints `{"origin": ...}` and
// serves until its stdin closes (the orchestrator holds it open, so the server dies with it).
// Bodies are built once per (n, mode) and written in 64 KiB slices with back-pressure, so the server costs a
// fraction of what any client spends reading them and is never the bottleneck.
import http from "node:http";
import { completionBody, parseRoute, streamBody } from "./inputs.mjs";

const SLICE_BYTES = 64 * 1024;
const bodies = new Map();
const completions = { text: Buffer.from(completionBody("text")), tool: Buffer.from(completionBody("tool")) };

function bodyFor(n, mode) {
  const key = `${n}:${mode}`;
  let body = bodies.get(key);
  if (!body) {
    body = Buffer.from(streamBody(n, mode).body);
    bodies.set(key, body);
  }
  return body;
}

function writeSlices(response, body) {
  let offset = 0;
  const pump = () => {
    while (offset < body.length) {
      const end = Math.min(offset + SLICE_BYTES, body.length);
      const flushed = response.write(body.subarray(offset, end));
      offset = end;
      if (!flushed) {
        response.once("drain", pump);
        return;
      }
    }
    response.end();
  };
  pump();
}

function fail(response, status, message) {
  const body = JSON.stringify({ error: { code: status, message } });
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

function handle(request, response) {
  const route = request.method === "POST" ? parseRoute(request.url ?? "") : undefined;
  if (!route) {
    request.resume();
    fail(response, 404, `no route for ${request.method} ${request.url}`);
    return;
  }
  const received = [];
  request.on("data", (data) => received.push(data));
  request.on("end", () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(received).toString("utf8"));
    } catch {
      fail(response, 400, "the request body is not JSON");
      return;
    }
    if (body.model === undefined || !Array.isArray(body.messages)) {
      fail(response, 400, "model and messages are required");
      return;
    }
    const hasTools = Array.isArray(body.tools) && body.tools.length > 0;
    if (!body.stream) {
      const answer = hasTools ? completions.tool : completions.text;
      response.writeHead(200, { "content-type": "application/json", "content-length": answer.length });
      response.end(answer);
      return;
    }
    const mode = route.mode ?? (hasTools ? "tool" : "text");
    if (mode === "tool" && !hasTools) {
      fail(response, 400, "a tool stream was asked for without tools in the request");
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "x-generation-id": "gen-bench" });
    writeSlices(response, bodyFor(route.n ?? 1000, mode));
  });
}

const server = http.createServer({ keepAliveTimeout: 120_000, requestTimeout: 0 }, handle);
server.maxRequestsPerSocket = 0;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  for (const spec of (process.env.BENCH_PREBUILD ?? "").split(",").filter(Boolean)) {
    const [n, mode] = spec.split(":");
    bodyFor(Number(n), mode);
  }
  process.stdout.write(`${JSON.stringify({ origin: `http://127.0.0.1:${address.port}` })}\n`);
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.stdin.on("end", stop).resume();
process.on("SIGTERM", stop);
