// withStructuredOutput: picks the method (jsonSchema / functionCalling / jsonMode), binds the
// request fields for it, and pipes the model into the parser that validates the answer.
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from "@langchain/core/language_models/base";
import { assembleStructuredOutputPipeline } from "@langchain/core/language_models/structured_output";
import {
  type AIMessageChunk,
  type BaseMessage,
  coerceMessageLikeToMessage,
  isBaseMessage,
  SystemMessage,
} from "@langchain/core/messages";
import { type Runnable, RunnableLambda } from "@langchain/core/runnables";
import { isStandardSchema } from "@langchain/core/utils/standard_schema";
import { interopSafeParseAsync, isInteropZodSchema } from "@langchain/core/utils/types";
import {
  JSON_OBJECT_FORMAT,
  SCHEMA_NAME,
  strictSchemaProblem,
  toWireJsonSchemaFormat,
} from "../convert/to_wire_response_format.js";
import { assertObjectSchema, toJsonSchemaObject } from "../convert/to_wire_tools.js";
import type { OpenRouterTool } from "../wire/types.js";
import { CAPABILITY, catalogEntry } from "./model_catalog.js";
import type { ChatOpenRouterCallOptions } from "./options.js";
import { OpenRouterStructuredOutputParser, type Validate } from "./structured_output_parser.js";

export type StructuredOutputMethod = "jsonSchema" | "functionCalling" | "jsonMode";
const METHODS: readonly StructuredOutputMethod[] = ["jsonSchema", "functionCalling", "jsonMode"];

/** What the method choice needs to know about the model. */
export interface MethodContext {
  model: string;
  models?: string[];
  route?: string;
  baseURL?: string;
  strict?: boolean;
}

/**
 * The method for a model by its capabilities (OpenRouter's `supported_parameters`):
 * `structured_outputs` → jsonSchema, else `tools` → functionCalling, else `response_format` →
 * jsonMode. With fallback models (`models`, `route: "fallback"`) the serving model is unknown
 * until the answer arrives, so functionCalling, which every tool-capable model honours.
 * An unknown model gets functionCalling too.
 */
export function chooseStructuredOutputMethod(context: MethodContext): StructuredOutputMethod {
  if ((context.models?.length ?? 0) > 0 || context.route === "fallback") return "functionCalling";
  const entry = catalogEntry(context.model, context.baseURL);
  if (!entry) return "functionCalling";
  if (entry.flags & CAPABILITY.structuredOutputs) return "jsonSchema";
  if (entry.flags & CAPABILITY.tools) return "functionCalling";
  // jsonMode cannot be strict; a strict request keeps to the tool call
  if (entry.flags & CAPABILITY.responseFormat && context.strict !== true) return "jsonMode";
  return "functionCalling";
}

function validatorOf<T>(schema: unknown): Validate<T> {
  if (isInteropZodSchema(schema)) {
    return async (value) => {
      const result = await interopSafeParseAsync(schema, value);
      if (result.success) return { ok: true, value: result.data as T };
      const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
      return { ok: false, issues: issues.join("; ") };
    };
  }
  if (isStandardSchema(schema)) {
    return async (value) => {
      const result = await schema["~standard"].validate(value);
      if (!result.issues) return { ok: true, value: result.value as T };
      const issues = result.issues.map((issue) => {
        const path = (issue.path ?? []).map((part) => (typeof part === "object" ? String(part.key) : String(part)));
        return `${path.join(".") || "(root)"}: ${issue.message}`;
      });
      return { ok: false, issues: issues.join("; ") };
    };
  }
  // a plain JSON schema is passed through unvalidated, as in LangChain's other chat models
  return async (value) => ({ ok: true, value: value as T });
}

function nameOf(explicit: string | undefined, title: unknown): string {
  if (explicit !== undefined) {
    if (!SCHEMA_NAME.test(explicit)) {
      throw new TypeError(
        `withStructuredOutput name "${explicit}" must be 1–64 letters, digits, "_" or "-" (OpenRouter's rule for schema and tool names), e.g. "movie".`
      );
    }
    return explicit;
  }
  if (typeof title === "string") {
    const cleaned = title.replace(/[^a-zA-Z0-9_-]+/g, "_").slice(0, 64);
    if (cleaned !== "" && cleaned !== "_") return cleaned;
  }
  return "extract";
}

/** Instructions for jsonMode: `json_object` only promises JSON, so the prompt carries the shape. */
export function jsonModeInstructions(schema: Record<string, unknown>): string {
  return (
    "Respond with a single JSON object and nothing else: no prose, no code fences. " +
    `It must match this JSON Schema:\n${JSON.stringify(schema)}`
  );
}

function messagesOf(input: BaseLanguageModelInput): BaseMessage[] {
  if (typeof input === "string") return [coerceMessageLikeToMessage(input)];
  if (Array.isArray(input)) return input.map((message) => coerceMessageLikeToMessage(message));
  if (isBaseMessage(input)) return [input];
  return (input as { toChatMessages(): BaseMessage[] }).toChatMessages();
}

/** Adds the jsonMode instructions to the leading system message, or as a new one before the rest. */
function withInstructions(input: BaseLanguageModelInput, instructions: string): BaseMessage[] {
  const messages = messagesOf(input);
  const first = messages[0];
  if (first?.type === "system" && typeof first.content === "string") {
    return [new SystemMessage(`${first.content}\n\n${instructions}`), ...messages.slice(1)];
  }
  return [new SystemMessage(instructions), ...messages];
}

/** What withStructuredOutput needs from the chat model. */
export interface StructuredOutputHost extends MethodContext {
  /** The model with these call options bound. */
  bound(options: Partial<ChatOpenRouterCallOptions>): Runnable<BaseLanguageModelInput, AIMessageChunk>;
}

type Output = Record<string, unknown>;

/** Builds the structured-output runnable: bound model → parser, optionally with the raw message. */
export function structuredOutputRunnable(
  host: StructuredOutputHost,
  outputSchema: unknown,
  config: StructuredOutputMethodOptions<boolean> = {}
): Runnable<BaseLanguageModelInput, Output> | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: Output }> {
  const method = config.method ?? chooseStructuredOutputMethod({ ...host, strict: config.strict });
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new TypeError(`withStructuredOutput method "${method}" is not one of ${METHODS.map((m) => `"${m}"`).join(", ")}.`);
  }
  const jsonSchema = toJsonSchemaObject(outputSchema, "the withStructuredOutput schema");
  assertObjectSchema(jsonSchema, "the withStructuredOutput schema");
  const name = nameOf(config.name, jsonSchema["title"]);
  const description = typeof jsonSchema["description"] === "string" ? jsonSchema["description"] : undefined;
  const tracing = { ls_structured_output_format: { kwargs: { method }, schema: jsonSchema } };
  const validate = validatorOf<Output>(outputSchema);

  let llm: Runnable<BaseLanguageModelInput, AIMessageChunk>;
  let parser: OpenRouterStructuredOutputParser<Output>;
  if (method === "jsonSchema") {
    if (config.strict) {
      const problem = strictSchemaProblem(jsonSchema);
      if (problem) {
        throw new TypeError(
          `withStructuredOutput strict: true needs a schema OpenAI's strict mode accepts, but ${problem}. ` +
            "Make every property required (in Zod use .nullable() instead of .optional()) and disallow extra keys, or pass strict: false."
        );
      }
    }
    const responseFormat = toWireJsonSchemaFormat(jsonSchema, { name, description, strict: config.strict });
    llm = host.bound({ response_format: responseFormat, requireStructuredOutputs: true, ...tracing });
    parser = new OpenRouterStructuredOutputParser({ validate });
  } else if (method === "functionCalling") {
    const tool: OpenRouterTool = {
      type: "function",
      function: { name, description: description ?? "A function available to call.", parameters: jsonSchema },
    };
    const options: Partial<ChatOpenRouterCallOptions> = {
      tools: [tool],
      tool_choice: { type: "function", function: { name } },
      ...tracing,
    };
    if (config.strict !== undefined) options.strict = config.strict;
    llm = host.bound(options);
    parser = new OpenRouterStructuredOutputParser({ toolName: name, validate });
  } else {
    if (config.strict) {
      throw new TypeError('withStructuredOutput strict: true needs method "jsonSchema" or "functionCalling"; jsonMode only promises JSON.');
    }
    const instructions = jsonModeInstructions(jsonSchema);
    llm = RunnableLambda.from((input: BaseLanguageModelInput) => withInstructions(input, instructions)).pipe(
      host.bound({ response_format: JSON_OBJECT_FORMAT, ...tracing })
    );
    parser = new OpenRouterStructuredOutputParser({ validate });
  }
  return assembleStructuredOutputPipeline(
    llm,
    parser,
    config.includeRaw,
    config.includeRaw ? "StructuredOutputRunnable" : "StructuredOutput"
  ) as Runnable<BaseLanguageModelInput, Output> | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: Output }>;
}
