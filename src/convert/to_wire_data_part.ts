// LangChain data blocks → OpenRouter content parts (api.md §2.2): the v1 standard `image`, `file`,
// `audio`, `video` and `text-plain` blocks, and the older `source_type` blocks. OpenRouter takes
// images, video and files (PDF) by URL or data URL, audio only as base64.
import type { OpenRouterCacheControl, OpenRouterContentPart } from "../wire/types.js";
import { isRecord } from "../wire/is_record.js";

type Block = Record<string, unknown>;

type Source =
  | { kind: "url"; url: string }
  | { kind: "base64"; data: string; mimeType?: string }
  | { kind: "id"; id: string }
  | { kind: "text"; text: string };

const DATA_URL = /^data:([^;,]+)(?:;[^,]*?)?;base64,(.*)$/s;

/** Audio MIME subtype → OpenRouter's `input_audio.format`; other subtypes are sent as they are. */
const AUDIO_FORMATS: Record<string, string> = {
  wav: "wav",
  wave: "wav",
  "x-wav": "wav",
  "vnd.wave": "wav",
  mpeg: "mp3",
  mp3: "mp3",
  mpeg3: "mp3",
  "x-mpeg-3": "mp3",
  aiff: "aiff",
  "x-aiff": "aiff",
  aac: "aac",
  "x-aac": "aac",
  ogg: "ogg",
  flac: "flac",
  "x-flac": "flac",
  mp4: "m4a",
  m4a: "m4a",
  "x-m4a": "m4a",
  l16: "pcm16",
  pcm: "pcm16",
};

/** Block types this file converts. */
export const DATA_BLOCK_TYPES = new Set(["image", "file", "audio", "video", "text-plain"]);

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

function textOfBase64(data: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(data), (character) => character.charCodeAt(0)));
}

function fromUrl(url: string): Source {
  const match = DATA_URL.exec(url);
  return match ? { kind: "base64", data: match[2] ?? "", mimeType: match[1] } : { kind: "url", url };
}

function mimeTypeOf(block: Block): string | undefined {
  const mimeType = block["mimeType"] ?? block["mime_type"];
  return typeof mimeType === "string" && mimeType !== "" ? mimeType.toLowerCase() : undefined;
}

/** Where the block's data is: v1 fields, the older `source_type` form, or an Anthropic `source`. */
function sourceOf(block: Block): Source | undefined {
  const sourceType = block["source_type"];
  if (typeof sourceType === "string") {
    if (sourceType === "url" && typeof block["url"] === "string") return fromUrl(block["url"]);
    if (sourceType === "base64" && typeof block["data"] === "string") {
      return { kind: "base64", data: block["data"], mimeType: mimeTypeOf(block) };
    }
    if (sourceType === "id" && typeof block["id"] === "string") return { kind: "id", id: block["id"] };
    if (sourceType === "text" && typeof block["text"] === "string") return { kind: "text", text: block["text"] };
    return undefined;
  }
  if (typeof block["fileId"] === "string") return { kind: "id", id: block["fileId"] };
  if (typeof block["url"] === "string") {
    const source = fromUrl(block["url"]);
    return source.kind === "base64" ? { ...source, mimeType: mimeTypeOf(block) ?? source.mimeType } : source;
  }
  const data = block["data"];
  if (typeof data === "string") return { kind: "base64", data, mimeType: mimeTypeOf(block) };
  if (data instanceof Uint8Array) return { kind: "base64", data: base64Of(data), mimeType: mimeTypeOf(block) };
  if (block["type"] === "text-plain" && typeof block["text"] === "string") return { kind: "text", text: block["text"] };
  const anthropic = block["source"];
  if (isRecord(anthropic)) {
    if (anthropic["type"] === "base64" && typeof anthropic["data"] === "string") {
      const mediaType = anthropic["media_type"];
      return { kind: "base64", data: anthropic["data"], mimeType: typeof mediaType === "string" ? mediaType : undefined };
    }
    if (anthropic["type"] === "url" && typeof anthropic["url"] === "string") return fromUrl(anthropic["url"]);
    if (anthropic["type"] === "text" && typeof anthropic["data"] === "string") return { kind: "text", text: anthropic["data"] };
  }
  return undefined;
}

function metadataOf(block: Block): Record<string, unknown> {
  return isRecord(block["metadata"]) ? block["metadata"] : {};
}

/** `{ type, ttl? }` with string values (api.md §2.2); anything else is not a cache_control OpenRouter reads. */
export function isCacheControl(value: unknown): value is OpenRouterCacheControl {
  return isRecord(value) && typeof value["type"] === "string" && (value["ttl"] === undefined || typeof value["ttl"] === "string");
}

/** `cache_control` on the block itself, or in its `extras` (LangChain's home for provider fields). */
export function cacheControlOf(block: Block): OpenRouterCacheControl | undefined {
  const direct = block["cache_control"];
  if (isCacheControl(direct)) return direct;
  const extras = block["extras"];
  if (isRecord(extras) && isCacheControl(extras["cache_control"])) return extras["cache_control"];
  return undefined;
}

function filenameOf(block: Block, source: Source, mimeType: string | undefined): string {
  const metadata = metadataOf(block);
  for (const candidate of [metadata["filename"], metadata["name"], block["filename"], block["name"], block["title"]]) {
    if (typeof candidate === "string" && candidate !== "") return candidate;
  }
  if (source.kind === "url") {
    const last = source.url.split(/[?#]/)[0]?.split("/").pop() ?? "";
    if (/\.\w+$/.test(last)) return decodeURIComponent(last);
  }
  const subtype = mimeType?.split("/")[1]?.split(/[;+]/)[0];
  return subtype && subtype !== "pdf" ? `file.${subtype}` : "document.pdf";
}

function describe(block: Block): string {
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block)) {
    shown[key] = typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}…` : value instanceof Uint8Array ? `<${value.length} bytes>` : value;
  }
  return JSON.stringify(shown);
}

function fail(block: Block, where: string, problem: string, fix: string): never {
  throw new TypeError(`ChatOpenRouter cannot send this ${String(block["type"])} block in a ${where} message (${problem}): ${describe(block)}. ${fix}`);
}

function withCache<T extends OpenRouterContentPart>(part: T, block: Block): T {
  const cacheControl = cacheControlOf(block);
  if (cacheControl) (part as Record<string, unknown>)["cache_control"] = cacheControl;
  return part;
}

function dataUrl(block: Block, where: string, data: string, mimeType: string | undefined, example: string): string {
  if (!mimeType) fail(block, where, "base64 data without a MIME type", `Add mimeType, e.g. { type: "${String(block["type"])}", data, mimeType: "${example}" }.`);
  return `data:${mimeType};base64,${data}`;
}

function imagePart(block: Block, source: Source, where: string): OpenRouterContentPart {
  if (source.kind === "id" || source.kind === "text") {
    fail(block, where, `an image by ${source.kind}`, "OpenRouter takes images by URL or base64: pass { type: \"image\", url } or { type: \"image\", data, mimeType }.");
  }
  const url = source.kind === "url" ? source.url : dataUrl(block, where, source.data, source.mimeType, "image/png");
  const detail = block["detail"] ?? metadataOf(block)["detail"];
  const imageUrl: { url: string; detail?: string } = { url };
  if (typeof detail === "string") imageUrl.detail = detail;
  return withCache({ type: "image_url", image_url: imageUrl }, block);
}

function videoPart(block: Block, source: Source, where: string): OpenRouterContentPart {
  if (source.kind === "id" || source.kind === "text") {
    fail(block, where, `a video by ${source.kind}`, "OpenRouter takes video by URL or base64: pass { type: \"video\", url } or { type: \"video\", data, mimeType }.");
  }
  const url = source.kind === "url" ? source.url : dataUrl(block, where, source.data, source.mimeType, "video/mp4");
  return withCache({ type: "video_url", video_url: { url } }, block);
}

function audioPart(block: Block, source: Source, where: string): OpenRouterContentPart {
  if (source.kind !== "base64") {
    fail(
      block,
      where,
      `audio by ${source.kind === "url" ? "URL" : source.kind}`,
      'OpenRouter accepts audio only as base64 (api.md: "URLs are not supported"): download it and pass { type: "audio", data: <base64>, mimeType: "audio/wav" }.'
    );
  }
  const mimeType = source.mimeType ?? mimeTypeOf(block);
  if (!mimeType) fail(block, where, "audio without a MIME type", 'Add mimeType so the format is known, e.g. mimeType: "audio/mpeg" for mp3.');
  const subtype = mimeType.split("/")[1]?.split(";")[0]?.trim().toLowerCase() ?? "";
  return withCache({ type: "input_audio", input_audio: { data: source.data, format: AUDIO_FORMATS[subtype] ?? subtype } }, block);
}

function filePart(block: Block, source: Source, where: string): OpenRouterContentPart {
  if (source.kind === "text") return withCache({ type: "text", text: source.text }, block);
  const mimeType = source.kind === "base64" ? (source.mimeType ?? mimeTypeOf(block)) : mimeTypeOf(block);
  // a file block holding an image, audio or video goes as that kind of part
  if (mimeType?.startsWith("image/")) return imagePart(block, source, where);
  if (mimeType?.startsWith("audio/")) return audioPart(block, source, where);
  if (mimeType?.startsWith("video/")) return videoPart(block, source, where);
  const file: { filename?: string; file_data?: string; file_id?: string } = {};
  if (source.kind === "id") {
    file.file_id = source.id;
    const metadata = metadataOf(block);
    const name = metadata["filename"] ?? block["filename"];
    if (typeof name === "string") file.filename = name;
  } else {
    file.filename = filenameOf(block, source, mimeType);
    // a PDF by https URL is sent as the URL itself: OpenRouter fetches it (api.md §2.2 `file`)
    file.file_data = source.kind === "url" ? source.url : dataUrl(block, where, source.data, mimeType, "application/pdf");
  }
  return withCache({ type: "file", file }, block);
}

function plainTextPart(block: Block, source: Source, where: string): OpenRouterContentPart {
  if (source.kind === "text") return withCache({ type: "text", text: source.text }, block);
  if (source.kind === "base64") return withCache({ type: "text", text: textOfBase64(source.data) }, block);
  return fail(block, where, `text by ${source.kind === "url" ? "URL" : source.kind}`, 'Fetch the text yourself and pass { type: "text", text }.');
}

/** One data block → one wire part. Throws a TypeError naming the block and the fix when OpenRouter cannot take it. */
export function toWireDataPart(block: Block, where: string): OpenRouterContentPart {
  const source = sourceOf(block);
  if (!source) {
    fail(block, where, "no url, data, fileId or text", `Give it a url, or base64 data with a mimeType, e.g. { type: "${String(block["type"])}", url: "https://…" }.`);
  }
  switch (block["type"]) {
    case "image":
      return imagePart(block, source, where);
    case "video":
      return videoPart(block, source, where);
    case "audio":
      return audioPart(block, source, where);
    case "text-plain":
      return plainTextPart(block, source, where);
    default:
      return filePart(block, source, where);
  }
}
