// The last step of withStructuredOutput: the model's answer (JSON text, or the arguments of the
// forced tool) → a validated object. Streams yield partial objects as the JSON arrives, then the
// validated whole. Every failure is an OutputParserException that carries the raw text, except a
// refusal: core's ModelRefusalError (core ≥ 1.4) with the refusal text and the refused message.
import {
  type AIMessage,
  type BaseMessage,
  type BaseMessageChunk,
  convertToChunk,
  isBaseMessageChunk,
} from "@langchain/core/messages";
import { BaseTransformOutputParser, OutputParserException, parseJsonMarkdown } from "@langchain/core/output_parsers";
import type { ChatGeneration, Generation } from "@langchain/core/outputs";
import * as coreErrors from "@langchain/core/errors";
import { deepCompareStrict } from "@langchain/core/utils/json_schema";
import { isRecord } from "../wire/is_record.js";

/** Checks a parsed value against the user's schema: the value to return, or the problems found. */
export type Validate<T> = (value: unknown) => Promise<{ ok: true; value: T } | { ok: false; issues: string }>;

export interface StructuredOutputParserFields<T> {
  /** Read the arguments of this tool's call (functionCalling); else read the text (jsonSchema, jsonMode). */
  toolName?: string;
  validate: Validate<T>;
}

/** JSON text → value: plain JSON, fenced ```json, or the outermost object inside prose. */
export function parseJsonText(text: string): unknown {
  const trimmed = text.trim();
  const candidates = [trimmed];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed);
  if (fenced?.[1]) candidates.push(fenced[1]);
  const start = trimmed.indexOf("{");
  const end = trimmed.lastIndexOf("}");
  if (start >= 0 && end > start) candidates.push(trimmed.slice(start, end + 1));
  let failure: unknown;
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate);
    } catch (error) {
      failure ??= error;
    }
  }
  throw failure;
}

// core ≥ 1.4 has ModelRefusalError (LangChain's agents and refusal middleware key on it); older
// cores get the OutputParserException they always raised
const { ModelRefusalError } = coreErrors as {
  ModelRefusalError?: new (message?: string, fields?: { rawMessage?: BaseMessage }) => Error;
};

/** The refusal the model answered with instead (`message.refusal`, kept in additional_kwargs), if any. */
function refusalOf(message: BaseMessage | undefined): string | undefined {
  const refusal = message?.additional_kwargs["refusal"];
  return typeof refusal === "string" && refusal !== "" ? refusal : undefined;
}

/** The error for a refusal where structured output has nothing to parse: core's ModelRefusalError where it exists. */
function refusalError(refusal: string, message: BaseMessage | undefined): Error {
  const text = `The model refused to answer in the requested format: ${refusal}`;
  return ModelRefusalError ? new ModelRefusalError(text, { rawMessage: message }) : new OutputParserException(text, refusal);
}

function textOf(message: BaseMessage | undefined, fallback: string): string {
  if (!message) return fallback;
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((block) => (isRecord(block) && block["type"] === "text" && typeof block["text"] === "string" ? block["text"] : ""))
    .join("");
}

export class OpenRouterStructuredOutputParser<T> extends BaseTransformOutputParser<T> {
  static override lc_name(): string {
    return "OpenRouterStructuredOutputParser";
  }

  lc_namespace = ["langchain", "openrouter", "output_parsers"];

  protected readonly toolName: string | undefined;
  protected readonly validate: Validate<T>;

  constructor(fields: StructuredOutputParserFields<T>) {
    super();
    this.toolName = fields.toolName;
    this.validate = fields.validate;
  }

  getFormatInstructions(): string {
    return "";
  }

  override async parse(text: string): Promise<T> {
    return this.finish(undefined, text);
  }

  override async parseResult(generations: Generation[] | ChatGeneration[]): Promise<T> {
    const generation = generations[0];
    const message = generation && "message" in generation ? generation.message : undefined;
    return this.finish(message, generation?.text ?? "");
  }

  /** The raw JSON text and its parsed value for a complete answer; throws when there is none. */
  protected rawOf(message: BaseMessage | undefined, text: string): { raw: string; value: unknown } {
    if (this.toolName === undefined) {
      const raw = textOf(message, text);
      const refusal = refusalOf(message);
      if (raw.trim() === "" && refusal !== undefined) throw refusalError(refusal, message);
      try {
        return { raw, value: parseJsonText(raw) };
      } catch (error) {
        throw new OutputParserException(
          `ChatOpenRouter expected a JSON answer but could not parse it (${(error as Error).message}): ${raw.slice(0, 200)}`,
          raw
        );
      }
    }
    const ai = message as AIMessage | undefined;
    const call = ai?.tool_calls?.find((candidate) => candidate.name === this.toolName);
    if (call) return { raw: JSON.stringify(call.args), value: call.args };
    const invalid = ai?.invalid_tool_calls?.find((candidate) => candidate.name === this.toolName);
    if (invalid) {
      throw new OutputParserException(
        `ChatOpenRouter could not read the arguments of the "${this.toolName}" tool call: ${invalid.error ?? "not JSON"}.`,
        invalid.args ?? ""
      );
    }
    const refusal = refusalOf(message);
    if (refusal !== undefined) throw refusalError(refusal, message);
    const content = textOf(message, text);
    throw new OutputParserException(
      `The model answered without calling the "${this.toolName}" tool, so there is no structured output. ` +
        'If this model ignores forced tool calls, try method: "jsonSchema" or "jsonMode".',
      content
    );
  }

  protected async finish(message: BaseMessage | undefined, text: string): Promise<T> {
    const { raw, value } = this.rawOf(message, text);
    const result = await this.validate(value);
    if (!result.ok) {
      throw new OutputParserException(`ChatOpenRouter's structured output does not match the schema: ${result.issues}`, raw);
    }
    return result.value;
  }

  /** The object as far as it has arrived, or undefined while there is nothing to show. */
  protected partialOf(message: BaseMessageChunk | undefined, text: string): Record<string, unknown> | undefined {
    let partial: unknown;
    if (this.toolName === undefined) {
      const raw = textOf(message, text);
      partial = raw.trim() === "" ? undefined : parseJsonMarkdown(raw);
    } else {
      partial = (message as AIMessage | undefined)?.tool_calls?.find((call) => call.name === this.toolName)?.args;
    }
    return isRecord(partial) && Object.keys(partial).length > 0 ? partial : undefined;
  }

  override async *_transform(input: AsyncGenerator<string | BaseMessage>): AsyncGenerator<T> {
    let message: BaseMessageChunk | undefined;
    let text = "";
    let last: unknown;
    for await (const chunk of input) {
      if (typeof chunk === "string") text += chunk;
      else {
        const piece = isBaseMessageChunk(chunk) ? chunk : convertToChunk(chunk);
        message = message === undefined ? piece : message.concat(piece);
      }
      const partial = this.partialOf(message, text);
      if (partial !== undefined && !deepCompareStrict(partial, last)) {
        last = partial;
        yield partial as T;
      }
    }
    const final = await this.finish(message, text);
    if (!deepCompareStrict(final, last)) yield final;
  }
}
