import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixtureJson } from "./fixtures.js";
import { startEmulator, type Emulator } from "./server.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

const KEY = "sk-or-v1-platform-test-0123456789";
const AUTH = { authorization: `Bearer ${KEY}` };
const JSON_AUTH = { ...AUTH, "content-type": "application/json" };

function url(path: string, scenario?: string): string {
  return `${scenario === undefined ? emulator.baseURL : emulator.baseURLFor(scenario)}${path}`;
}

async function getJson<T = Record<string, unknown>>(path: string, scenario?: string, headers: Record<string, string> = AUTH): Promise<{ status: number; body: T }> {
  const response = await fetch(url(path, scenario), { headers });
  return { status: response.status, body: (await response.json()) as T };
}

async function embed(body: unknown, scenario?: string): Promise<{ status: number; body: EmbeddingsBody }> {
  const response = await fetch(url("/embeddings", scenario), { method: "POST", headers: JSON_AUTH, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as EmbeddingsBody };
}

interface EmbeddingsBody {
  model: string;
  data: { object: string; embedding: number[] | string; index: number }[];
  usage: { prompt_tokens: number; total_tokens: number; cost: number };
  error?: { code: number; message: string };
}

interface ModelsBody {
  data: { id: string }[];
}

async function chat(body: Record<string, unknown>): Promise<{ id: string; model: string; provider: string; usage: Record<string, number> }> {
  const response = await fetch(url("/chat/completions"), { method: "POST", headers: JSON_AUTH, body: JSON.stringify(body) });
  return (await response.json()) as { id: string; model: string; provider: string; usage: Record<string, number> };
}

const norm = (vector: number[]): number => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const cosine = (a: number[], b: number[]): number => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0) / (norm(a) * norm(b));

describe("GET /models", () => {
  it("serves the recorded excerpt and the spec example, without auth, text models by default", async () => {
    const { status, body } = await getJson<ModelsBody>("/models", undefined, {});
    expect(status).toBe(200);
    expect(body.data.map((model) => model.id)).toEqual([
      "anthropic/claude-sonnet-4.5",
      "google/gemini-2.5-flash-image-preview",
      "openai/gpt-4o-mini",
      "openai/gpt-4",
    ]);
    const recorded = fixtureJson("models-list.excerpt.json") as ModelsBody;
    expect(body.data[0]).toEqual(recorded.data[0]);
  });

  it("filters by supported_parameters, output_modalities and category", async () => {
    const ids = async (query: string): Promise<string[]> => (await getJson<ModelsBody>(`/models?${query}`)).body.data.map((model) => model.id);
    expect(await ids("supported_parameters=tools,response_format")).toEqual(["anthropic/claude-sonnet-4.5", "openai/gpt-4o-mini"]);
    expect(await ids("output_modalities=image")).toEqual(["google/gemini-2.5-flash-image-preview"]);
    expect(await ids("output_modalities=embeddings")).toEqual([]);
    expect(await ids("output_modalities=all")).toHaveLength(4);
    expect(await ids("category=programming")).toEqual(["anthropic/claude-sonnet-4.5"]);
  });
});

describe("GET /models/:author/:slug/endpoints", () => {
  it("openai/gpt-4 is the spec example; without a key latency and throughput are null", async () => {
    const spec = fixtureJson("model-endpoints.spec-example.json");
    expect((await getJson("/models/openai/gpt-4/endpoints")).body).toEqual(spec);
    const anonymous = await getJson<{ data: { endpoints: Record<string, unknown>[] } }>("/models/openai/gpt-4/endpoints", undefined, {});
    expect(anonymous.body.data.endpoints[0]).toMatchObject({ provider_name: "OpenAI", latency_last_30m: null, throughput_last_30m: null });
  });

  it("other ids get consistent endpoints built from the catalog entry (or from the id)", async () => {
    const first = await getJson<{ data: { id: string; endpoints: Record<string, unknown>[] } }>("/models/anthropic/claude-sonnet-4.5/endpoints");
    const again = await getJson("/models/anthropic/claude-sonnet-4.5/endpoints");
    expect(again.body).toEqual(first.body);
    expect(first.body.data.id).toBe("anthropic/claude-sonnet-4.5");
    expect(first.body.data.endpoints.map((endpoint) => endpoint["tag"])).toEqual(["anthropic", "amazon-bedrock", "google-vertex"]);
    expect(first.body.data.endpoints[0]).toMatchObject({ context_length: 1000000, max_completion_tokens: 64000, status: 0 });
    const invented = await getJson<{ data: { id: string; endpoints: unknown[] } }>("/models/some-lab/some-model/endpoints");
    expect(invented.body.data.id).toBe("some-lab/some-model");
    expect(invented.body.data.endpoints.length).toBeGreaterThan(0);
  });
});

describe("GET /generation", () => {
  it("reports an emulator chat answer after one transient 404: same tokens, cost, model, provider", async () => {
    const answer = await chat({ model: "openai/gpt-4o", user: "user-7", messages: [{ role: "user", content: "Tell me a joke." }] });
    const pending = await getJson<{ error: { code: number } }>(`/generation?id=${answer.id}`);
    expect(pending.status).toBe(404);
    expect(pending.body.error.code).toBe(404);
    const { status, body } = await getJson<{ data: Record<string, unknown> }>(`/generation?id=${answer.id}`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      id: answer.id,
      model: answer.model,
      provider_name: answer.provider,
      tokens_prompt: answer.usage["prompt_tokens"],
      tokens_completion: answer.usage["completion_tokens"],
      total_cost: answer.usage["cost"],
      finish_reason: "stop",
      streamed: false,
      external_user: "user-7",
      api_type: "completions",
      is_byok: false,
    });
  });

  it("generation-pending:<n> sets how many lookups answer 404", async () => {
    const answer = await chat({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await getJson(`/generation?id=${answer.id}`, "generation-pending:3")).status);
    expect(statuses).toEqual([404, 404, 404, 200]);
    const other = await chat({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hello" }] });
    expect((await getJson(`/generation?id=${other.id}`, "generation-pending:0")).status).toBe(200);
  });

  it("the spec id replays the fixture; other gen- ids get stable made-up stats; other ids 404", async () => {
    expect((await getJson("/generation?id=gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG")).body).toEqual(fixtureJson("generation.spec-example.json"));
    const first = await getJson<{ data: Record<string, unknown> }>("/generation?id=gen-123-abc");
    expect(first.status).toBe(200);
    expect((await getJson("/generation?id=gen-123-abc")).body).toEqual(first.body);
    expect(first.body.data["total_cost"]).toBeGreaterThan(0);
    expect((await getJson("/generation?id=not-a-generation")).status).toBe(404);
    expect((await getJson("/generation")).status).toBe(400);
    expect((await getJson("/generation?id=gen-123-abc", undefined, {})).status).toBe(401);
  });

  it("reset() forgets the emulator's generations", async () => {
    const answer = await chat({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] });
    emulator.reset();
    // no longer an emulator generation: no transient 404, made-up stats
    expect((await getJson(`/generation?id=${answer.id}`)).status).toBe(200);
  });
});

describe("GET /key and /credits", () => {
  it("key: the spec example with the caller's key masked in the label", async () => {
    const { status, body } = await getJson<{ data: Record<string, unknown> }>("/key");
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ label: "sk-or-v1-pl...789", limit: 100, limit_remaining: 74.5, is_free_tier: false });
    expect(JSON.stringify(body)).not.toContain(KEY);
    expect((await getJson("/key", undefined, {})).status).toBe(401);
  });

  it("credits: the spec example; generic faults apply", async () => {
    expect((await getJson("/credits")).body).toEqual(fixtureJson("credits.spec-example.json"));
    expect((await getJson("/credits", "status:403")).status).toBe(403);
  });
});

describe("POST /embeddings", () => {
  it("unit vectors of the model's size, one per input, with usage", async () => {
    const { status, body } = await embed({ model: "openai/text-embedding-3-small", input: ["The cat sat on the mat.", "Hello"] });
    expect(status).toBe(200);
    expect(body.model).toBe("openai/text-embedding-3-small");
    expect(body.data.map((item) => [item.object, item.index, (item.embedding as number[]).length])).toEqual([
      ["embedding", 0, 1536],
      ["embedding", 1, 1536],
    ]);
    expect(norm(body.data[0]?.embedding as number[])).toBeCloseTo(1, 6);
    expect(body.usage).toMatchObject({ prompt_tokens: 8, total_tokens: 8 });
  });

  it("deterministic, and sentences sharing words are closer than unrelated ones", async () => {
    const input = ["I love programming in TypeScript.", "I love programming in Python.", "The weather in Paris is rainy."];
    const { body } = await embed({ model: "m/e", input });
    const again = await embed({ model: "m/e", input: input[0] });
    const [a, b, c] = body.data.map((item) => item.embedding as number[]) as [number[], number[], number[]];
    expect(again.body.data[0]?.embedding).toEqual(a);
    expect(cosine(a, b)).toBeGreaterThan(0.5);
    expect(Math.abs(cosine(a, c))).toBeLessThan(0.3);
  });

  it("honours dimensions and base64 (little-endian float32 of the same vector)", async () => {
    const floats = await embed({ model: "m/e", input: "hello world", dimensions: 8 });
    const base64 = await embed({ model: "m/e", input: "hello world", dimensions: 8, encoding_format: "base64" });
    const vector = floats.body.data[0]?.embedding as number[];
    expect(vector).toHaveLength(8);
    const bytes = Buffer.from(base64.body.data[0]?.embedding as string, "base64");
    const decoded = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(decoded).toEqual(vector.map((value) => Math.fround(value)));
  });

  it("out-of-order returns data reversed, indices intact", async () => {
    const { body } = await embed({ model: "m/e", input: ["a", "b", "c"], dimensions: 4 }, "out-of-order");
    expect(body.data.map((item) => item.index)).toEqual([2, 1, 0]);
  });

  it("bad requests get 400 envelopes; body faults apply", async () => {
    expect((await embed({ input: "x" })).status).toBe(400);
    expect((await embed({ model: "m/e", input: [] })).status).toBe(400);
    expect((await embed({ model: "m/e", input: "x", dimensions: 0 })).status).toBe(400);
    expect((await embed({ model: "m/e", input: "x", encoding_format: "int8" })).status).toBe(400);
    const inBand = await embed({ model: "m/e", input: "x" }, "error-in-200");
    expect(inBand.status).toBe(200);
    expect(inBand.body.error?.code).toBe(502);
    const truncated = await fetch(url("/embeddings", "truncate"), { method: "POST", headers: JSON_AUTH, body: JSON.stringify({ model: "m/e", input: "x" }) });
    await expect(truncated.json()).rejects.toThrow();
  });
});
