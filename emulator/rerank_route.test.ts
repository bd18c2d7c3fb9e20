// POST /api/v1/rerank via real fetch: scores, top_n, usage, the error envelope, scenarios.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { overlapScore } from "./rerank_route.js";
import { startEmulator, type Emulator } from "./server.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

const HEADERS = { authorization: "Bearer sk-or-v1-rerank-route-test", "content-type": "application/json" };

async function rerank(body: unknown, scenario?: string, headers: Record<string, string> = HEADERS): Promise<{ status: number; body: Record<string, unknown> }> {
  const base = scenario === undefined ? emulator.baseURL : emulator.baseURLFor(scenario);
  const response = await fetch(`${base}/rerank`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/v1/rerank", () => {
  it("scores word overlap, best first, ties by index, and honours top_n", async () => {
    expect(overlapScore("Capital of France", "the capital of france")).toBe(1);
    const documents = ["bananas", "capital of France", { text: "France" }, "France"];
    const { status, body } = await rerank({ model: "cohere/rerank-v3.5", query: "capital of France", documents, top_n: 3 });
    expect(status).toBe(200);
    expect(body["results"]).toEqual([
      { index: 1, relevance_score: 1, document: { text: "capital of France" } },
      { index: 2, relevance_score: 0.333333, document: { text: "France" } },
      { index: 3, relevance_score: 0.333333, document: { text: "France" } },
    ]);
    expect(body["model"]).toBe("cohere/rerank-v3.5");
    expect(body["id"]).toMatch(/^gen-rerank-/);
    expect(body["usage"]).toEqual({ total_tokens: expect.any(Number), search_units: 1, cost: 0.002 });
  });

  it("answers 400 with OpenRouter's envelope for a missing query or documents, 401 without a key", async () => {
    expect(await rerank({ model: "m", documents: ["a"] })).toEqual({ status: 400, body: { error: { code: 400, message: "query is required" } } });
    expect((await rerank({ model: "m", query: "q", documents: [] })).status).toBe(400);
    expect((await rerank({ model: "m", query: "q", documents: ["a"] }, undefined, { "content-type": "application/json" })).status).toBe(401);
  });

  it("applies the generic fault scenarios", async () => {
    const { status, body } = await rerank({ model: "m", query: "q", documents: ["q"] }, "status:429");
    expect(status).toBe(429);
    expect(body["error"]).toMatchObject({ code: 429 });
  });
});
