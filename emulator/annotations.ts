/**
 * Message annotations: web-search `url_citation`s, and one `file` annotation per file part as
 * the file-parser plugin adds them.
 */
import type { Annotation } from "./answer.js";
import { arr, str } from "./chat_request.js";
import { sha256Hex } from "./deterministic.js";
import { isRecord } from "./schema_values.js";

export function citations(prompt: string): Annotation[] {
  const topic = prompt.slice(0, 60) || "your question";
  const cite = (url: string, title: string, content: string): Annotation => ({
    type: "url_citation",
    url_citation: { url, title, content, start_index: 0, end_index: 0 },
  });
  return [
    cite("https://example.com/emulator/search-result-1", "Emulator search result 1", `A page about ${topic}.`),
    cite("https://example.org/emulator/search-result-2", "", `Another page about ${topic}.`),
  ];
}

export interface ParsedFile {
  annotation: Annotation;
  hash: string;
  name: string;
  bytes: number;
}

function echoedHashes(messages: unknown[]): Set<string> {
  const echoed = new Set<string>();
  for (const message of messages) {
    if (!isRecord(message) || message["role"] !== "assistant") continue;
    for (const annotation of arr(message["annotations"])) {
      if (isRecord(annotation) && isRecord(annotation["file"]) && typeof annotation["file"]["hash"] === "string") {
        echoed.add(annotation["file"]["hash"]);
      }
    }
  }
  return echoed;
}

function parsedFile(file: Record<string, unknown>): ParsedFile {
  const data = str(file["file_data"]) ?? str(file["file_id"]) ?? "";
  const name = str(file["filename"]) ?? "document.pdf";
  const base64 = /^data:[^,]*;base64,(.*)$/s.exec(data)?.[1];
  const bytes = base64 === undefined ? 0 : Buffer.from(base64, "base64").length;
  const text = base64 === undefined ? `# ${name}\n\nFetched from ${data} and parsed by the emulator.` : `# ${name}\n\n${bytes} bytes, parsed by the emulator.`;
  const content = [
    { type: "text" as const, text: `<file name="${name}">` },
    { type: "text" as const, text },
    { type: "text" as const, text: "</file>" },
  ];
  const hash = sha256Hex(data);
  return { hash, name, bytes, annotation: { type: "file", file: { hash, name, content } } };
}

/**
 * `file` parts in user messages, parsed as the file-parser plugin would: one `file` annotation
 * each, unless an assistant message already echoed an annotation with the same hash (OpenRouter
 * then skips re-parsing, DOCS multimodal/pdfs).
 */
export function parsedFiles(messages: unknown[]): ParsedFile[] {
  const echoed = echoedHashes(messages);
  const out: ParsedFile[] = [];
  for (const message of messages) {
    if (!isRecord(message) || message["role"] !== "user") continue;
    for (const part of arr(message["content"])) {
      if (!isRecord(part) || part["type"] !== "file" || !isRecord(part["file"])) continue;
      const parsed = parsedFile(part["file"]);
      if (!echoed.has(parsed.hash)) out.push(parsed);
    }
  }
  return out;
}
