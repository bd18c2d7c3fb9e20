// Run by test/runtimes/pack.test.ts where the packed tarball is installed: the LangChain contracts and
// OpenRouter features of the contract issue, from the tarball (OPENROUTER_BASE_URL points at the emulator).
import * as coreErrors from "@langchain/core/errors";
import { OutputParserException } from "@langchain/core/output_parsers";
import { ChatOpenRouter, OpenRouterContextOverflowError, serverTools } from "@langchain/openrouter";

const base = process.env.OPENROUTER_BASE_URL;
const on = (scenario) => base.replace(/\/api\/v1$/, `/s/${encodeURIComponent(scenario)}/api/v1`);
const mark = (error) => Object.getOwnPropertyDescriptor(error, Symbol.for("langchain.errors.retryable"))?.value;
const failure = (promise) => promise.then(() => undefined, (error) => error);

const overflow = await failure(
  new ChatOpenRouter({ model: "openai/gpt-4o", maxRetries: 0, baseURL: on("fixture:error-400-context-length-chutes.transcribed.json") }).invoke("hi")
);
const rejected = await failure(new ChatOpenRouter({ model: "openai/gpt-4o", apiKey: "sk-or-v1-invalid" }).invoke("hi"));
const schema = { type: "object", title: "answer", properties: { a: { type: "string" } }, required: ["a"] };
const refused = await failure(new ChatOpenRouter({ model: "openai/gpt-4.1", baseURL: on("refuse") }).withStructuredOutput(schema).invoke("hi"));
const dated = await new ChatOpenRouter({ model: "openai/gpt-4.1-mini" }).bindTools([serverTools.datetime({ timezone: "UTC" })]).invoke("What day is it?");
const spoken = await new ChatOpenRouter({ model: "openai/gpt-4o-audio-preview", modalities: ["text", "audio"], audio: { voice: "alloy", format: "wav" } }).invoke("Say hi");
let tokens = 0;
await new ChatOpenRouter({ model: "openai/gpt-4o", streaming: true }).invoke("Tell me a joke.", { callbacks: [{ handleLLMNewToken: () => void tokens++ }] });
const cached = await new ChatOpenRouter({ model: "openai/gpt-4o", responseCache: true }).invoke("Tell me a joke.");

console.log(
  JSON.stringify({
    coreHas: {
      ContextOverflowError: typeof coreErrors.ContextOverflowError === "function",
      ModelRefusalError: typeof coreErrors.ModelRefusalError === "function",
      stampRetryable: typeof coreErrors.stampRetryable === "function",
    },
    overflow: {
      ours: overflow instanceof OpenRouterContextOverflowError,
      core: coreErrors.ContextOverflowError?.isInstance?.(overflow) ?? null,
      retryable: mark(overflow) ?? null,
    },
    auth: { retryable: mark(rejected) ?? null, code: rejected?.lc_error_code ?? null },
    refusal: { name: refused instanceof OutputParserException ? "OutputParserException" : refused?.name, text: refused?.message },
    serverTools: dated.contentBlocks.filter((block) => block.type.startsWith("server_tool_call")).map((block) => block.type),
    audio: spoken.contentBlocks.filter((block) => block.type === "audio").map((block) => block.mimeType),
    alias: new ChatOpenRouter({ model: "~openai/gpt-latest" }).profile.structuredOutput ?? null,
    streamingTokens: tokens,
    cache: typeof cached.response_metadata.cache_status,
  })
);
