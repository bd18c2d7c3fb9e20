/**
 * What a text answer says, as an ordered rule list: the first rule that applies wins. The prompt
 * rules at the end keep the documentation's examples answered sensibly; tests that assert an
 * answer name it with a scenario instead (`say:`, `refuse`, `usage:`, see README.md).
 */
import type { ParsedFile } from "./annotations.js";
import type { ChatRequest, ToolResult } from "./chat_request.js";
import { jsonObjectAnswer, responseSchema, structuredValue } from "./structured_content.js";

export interface Content {
  text: string;
  /** JSON text: streamed in small character pieces, never truncated. */
  isJson: boolean;
  /** [prompt, completion] tokens a canned answer reports (unless truncated or reasoning). */
  fixedUsage?: [number, number];
}

export interface ContentInput {
  request: ChatRequest;
  results: ToolResult[];
  files: ParsedFile[];
  /** The scenario's `say:` text. */
  say: string | undefined;
}

interface PromptRule {
  name: string;
  applies(prompt: string, system: string): boolean;
  content: Content;
}

const PROMPT_RULES: PromptRule[] = [
  {
    name: "French translation",
    applies: (prompt, system) => /french/i.test(system) && prompt.includes("i love programming"),
    content: { text: "J'adore la programmation.", isJson: false },
  },
  {
    name: "joke",
    applies: (prompt) => prompt.includes("tell me a joke"),
    content: {
      text: "Why do programmers prefer dark mode? Because light attracts bugs, and they already have plenty.",
      isJson: false,
      fixedUsage: [12, 25],
    },
  },
  {
    name: "poem",
    applies: (prompt) => prompt.includes("write a short poem about the sea"),
    content: {
      text: [
        "The sea rolls in with silver light,",
        "It hums the sleepy shore to rest,",
        "The gulls draw circles in the white,",
        "And every wave comes home to west.",
      ].join("\n"),
      isJson: false,
    },
  },
  {
    name: "image description",
    applies: (prompt) => prompt.includes("describe this image"),
    content: { text: "The image shows a single small square of solid colour on a plain background.", isJson: false },
  },
  { name: "arithmetic", applies: (prompt) => /2\s*\+\s*2/.test(prompt), content: { text: "4", isJson: false } },
];

/** The plain-text answer to a prompt: a canned one (case-insensitive match), else an echo. */
export function textAnswer(prompt: string, system: string): Content {
  const rule = PROMPT_RULES.find((candidate) => candidate.applies(prompt.toLowerCase(), system));
  return rule ? { ...rule.content } : { text: `Hello from the OpenRouter emulator. You said: ${prompt}`, isJson: false };
}

interface ContentRule {
  name: string;
  applies(input: ContentInput): boolean;
  content(input: ContentInput): Content;
}

const isJsonSchema = (request: ChatRequest): boolean => request.responseFormat?.["type"] === "json_schema";

const CONTENT_RULES: ContentRule[] = [
  {
    name: "the scenario's say: text",
    applies: ({ say }) => say !== undefined,
    content: ({ say }) => ({ text: say ?? "", isJson: false }),
  },
  {
    // the format binds every answer, the one after tool results too; string fields named like a tool take its result
    name: "structured answer after tool results",
    applies: ({ request }) => request.lastIsTool && isJsonSchema(request),
    content: ({ request, results }) => ({
      text: JSON.stringify(structuredValue(responseSchema(request.responseFormat ?? {}), request.prompt, results)),
      isJson: true,
    }),
  },
  {
    name: "tool results quoted",
    applies: ({ request }) => request.lastIsTool,
    content: ({ results }) => ({ text: results.map((result) => `Based on ${result.name}: ${result.content}`).join("\n"), isJson: false }),
  },
  {
    name: "json_schema response format",
    applies: ({ request }) => isJsonSchema(request),
    content: ({ request }) => ({ text: JSON.stringify(structuredValue(responseSchema(request.responseFormat ?? {}), request.prompt)), isJson: true }),
  },
  {
    name: "json_object response format",
    applies: ({ request }) => request.responseFormat?.["type"] === "json_object",
    content: ({ request: { prompt, system } }) => ({
      text: jsonObjectAnswer(`${system}\n${prompt}`, prompt, textAnswer(prompt, system).text),
      isJson: true,
    }),
  },
  {
    name: "parsed documents",
    applies: ({ request, files }) => files.length > 0 && /summari|pdf|document|file/i.test(request.prompt),
    content: ({ files }) => ({
      text: files
        .map((file) => `The document ${file.name} (${file.bytes > 0 ? `${file.bytes} bytes` : "fetched from its URL"}) was parsed by the emulator.`)
        .join("\n"),
      isJson: false,
    }),
  },
  {
    name: "text",
    applies: () => true,
    content: ({ request }) => textAnswer(request.prompt, request.system),
  },
];

/** The content of an answer that calls no tools. */
export function contentFor(input: ContentInput): Content {
  const rule = CONTENT_RULES.find((candidate) => candidate.applies(input)) ?? CONTENT_RULES[CONTENT_RULES.length - 1]!;
  return rule.content(input);
}

/** Text cut to `limit` words (a word ≈ a token here), or undefined when it fits. */
export function truncatedText(text: string, limit: number): string | undefined {
  const words = text.split(/(?<=\s)(?=\S)/);
  if (limit >= words.length) return undefined;
  return words.slice(0, Math.max(0, limit)).join("").trimEnd();
}
