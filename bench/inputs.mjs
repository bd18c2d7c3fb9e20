// What every client is asked and what the fake server answers: deterministic, so the worker can check a
// client's reassembled text / tool arguments byte for byte against what was sent. Pure (no I/O); the shapes
// follow the recorded OpenRouter streams in fixtures/ (stream-text-basic.sse, stream-tool-call.sse).

export const MODEL = "openai/gpt-4o-mini";
export const SERVED_MODEL = "openai/gpt-4o-mini-2024-07-18";
export const API_KEY = "sk-or-v1-bench-0000000000000000000000000000000000000000000000000000000000000000";
export const PROMPT = "Tell me a long story about a lighthouse keeper.";
export const GENERATION_ID = "gen-1767213717-BenchBenchBenchBench";
export const TOOL_CALL_ID = "call_BenchBenchBenchBenchBench";
export const INVOKE_TEXT = "Hello! The lighthouse keeper waves — «bonjour» 👋.";
export const TOOL = {
  name: "save_words",
  description: "Save a list of words.",
  parameters: {
    type: "object",
    properties: { words: { type: "array", items: { type: "string" } } },
    required: ["words"],
    additionalProperties: false,
  },
};

// Tokens with multi-byte UTF-8 (2, 3 and 4 bytes: é, —, 東, 🌊), JSON escapes (\" \\ \n \t) and plain ASCII,
// so reads that split a character or an escape are exercised as on a real connection.
const TOKENS = [
  " the", " keeper", " climbed", " stairs", " light", " sea", ",", ".", " and", " night", " a", " ship",
  " café", " déjà vu", " — ", " 東京", " 🌊", ' "lamp"', " back\\slash", "\n", "\t", " over", " waves",
  " storm", " quiet", " ñ", " it", " was", " bright", " again",
];

/** A small deterministic pseudo-random sequence (LCG), so inputs never depend on Math.random. */
function sequence(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** The `content` of each of `n` text deltas: 1–4 tokens each. */
export function textPieces(n) {
  const next = sequence(0x5eed);
  const pieces = new Array(n);
  for (let i = 0; i < n; i++) {
    const count = 1 + Math.floor(next() * 4);
    let piece = "";
    for (let j = 0; j < count; j++) piece += TOKENS[Math.floor(next() * TOKENS.length)];
    pieces[i] = piece;
  }
  return pieces;
}

/** The `arguments` fragments of one tool call split over `n` deltas; joined, they are one JSON object. */
export function toolArgumentPieces(n) {
  const next = sequence(0x70015);
  const words = ["lamp", "tide", "gull", "rope", "fog", "café", "naïve", 'say "hi"', "a\\b", "東京", "🌊", "x"];
  const list = [];
  // about 6 characters per fragment
  for (let length = 12; length < n * 6; ) {
    const word = words[Math.floor(next() * words.length)];
    list.push(word);
    length += JSON.stringify(word).length + 1;
  }
  // split by code points, so no fragment ends inside a surrogate pair
  const points = Array.from(JSON.stringify({ words: list }));
  const pieces = new Array(n);
  for (let i = 0; i < n; i++) {
    pieces[i] = points.slice(Math.floor((i * points.length) / n), Math.floor(((i + 1) * points.length) / n)).join("");
  }
  return pieces;
}

function usage(completionTokens) {
  return {
    prompt_tokens: 31,
    completion_tokens: completionTokens,
    total_tokens: 31 + completionTokens,
    cost: 0.0000123,
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0, video_tokens: 0 },
    cost_details: { upstream_inference_cost: null, upstream_inference_prompt_cost: 0.0000047, upstream_inference_completions_cost: 0.0000076 },
    completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0 },
  };
}

function event(delta, finishReason = null, extra = undefined) {
  const chunk = {
    id: GENERATION_ID,
    provider: "OpenAI",
    model: SERVED_MODEL,
    object: "chat.completion.chunk",
    created: 1767213717,
    choices: [{ index: 0, delta, finish_reason: finishReason, native_finish_reason: finishReason, logprobs: null }],
    system_fingerprint: "fp_bench0001",
    ...extra,
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

const PROCESSING = ": OPENROUTER PROCESSING\n\n";
/** A keep-alive comment after every this many deltas, as OpenRouter sends while a provider is slow. */
export const COMMENT_EVERY = 500;

/**
 * The SSE body of a stream of `n` content deltas (`mode` "text") or of one tool call whose arguments are
 * split over `n` deltas ("tool"), as OpenRouter sends it: a processing comment, an opening delta, the
 * deltas, a finish delta, a usage chunk, `[DONE]`. Returns the body and what a client must reassemble.
 */
export function streamBody(n, mode) {
  const parts = [PROCESSING];
  let text = "";
  let args = "";
  if (mode === "tool") {
    parts.push(
      event({
        role: "assistant",
        content: null,
        tool_calls: [{ index: 0, id: TOOL_CALL_ID, type: "function", function: { name: TOOL.name, arguments: "" } }],
      })
    );
    const pieces = toolArgumentPieces(n);
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % COMMENT_EVERY === 0) parts.push(PROCESSING);
      parts.push(event({ role: "assistant", content: null, tool_calls: [{ index: 0, function: { arguments: pieces[i] }, type: "function" }] }));
      args += pieces[i];
    }
    parts.push(event({ role: "assistant", content: "" }, "tool_calls"));
  } else if (mode === "text") {
    parts.push(event({ role: "assistant", content: "" }));
    const pieces = textPieces(n);
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % COMMENT_EVERY === 0) parts.push(PROCESSING);
      parts.push(event({ role: "assistant", content: pieces[i] }));
      text += pieces[i];
    }
    parts.push(event({ role: "assistant", content: "" }, "stop"));
  } else {
    throw new TypeError(`unknown stream mode ${mode}`);
  }
  const last = event({ role: "assistant", content: "" }, null, { usage: usage(n) });
  // OpenRouter's usage chunk repeats the choice with finish_reason null after the finish delta
  parts.push(last, "data: [DONE]\n\n");
  return { body: parts.join(""), text, args };
}

/** The JSON body of a non-streamed answer (text, or one tool call when the request carries tools). */
export function completionBody(mode) {
  const message =
    mode === "tool"
      ? {
          role: "assistant",
          content: null,
          refusal: null,
          reasoning: null,
          tool_calls: [{ id: TOOL_CALL_ID, type: "function", function: { name: TOOL.name, arguments: '{"words":["lamp"]}' } }],
        }
      : { role: "assistant", content: INVOKE_TEXT, refusal: null, reasoning: null };
  const finish = mode === "tool" ? "tool_calls" : "stop";
  return JSON.stringify({
    id: GENERATION_ID,
    provider: "OpenAI",
    model: SERVED_MODEL,
    object: "chat.completion",
    created: 1767213717,
    choices: [{ logprobs: null, finish_reason: finish, native_finish_reason: finish, index: 0, message }],
    system_fingerprint: "fp_bench0001",
    usage: usage(14),
  });
}

/**
 * The server's routes: `/<n>/<text|tool>/api/v1/chat/completions` picks the stream a client gets from its
 * baseURL alone; `/api/v1/chat/completions` is the non-streamed answer. Returns undefined for anything else.
 */
export function parseRoute(url) {
  const match = /^(?:\/(\d+)\/(text|tool))?\/api\/v1\/chat\/completions(?:\?.*)?$/.exec(url);
  if (!match) return undefined;
  return { n: match[1] === undefined ? undefined : Number(match[1]), mode: match[2] };
}

/** The baseURL a client is given for a stream of `n` deltas in `mode` (or the plain API root). */
export function baseUrlFor(origin, n, mode) {
  return n === undefined ? `${origin}/api/v1` : `${origin}/${n}/${mode}/api/v1`;
}
