// Edge runtimes and browsers have no Node built-ins: the package (src/ and the built dist/) must
// not import one, by `node:` name or bare name, statically or dynamically.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const SPECIFIER = /\b(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)["']([^"']+)["']/g;

function specifiersOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[1]!);
}

function nodeImportsOf(file: string): string[] {
  return specifiersOf(readFileSync(file, "utf8")).filter((specifier) => specifier.startsWith("node:") || BUILTINS.has(specifier));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("no Node built-in in the package", () => {
  it("finds the imports it looks for (the check itself works)", () => {
    expect(specifiersOf('import { a } from "node:fs";\nconst b = require("http");\nawait import("node:net");\nimport "os";')).toEqual([
      "node:fs",
      "http",
      "node:net",
      "os",
    ]);
  });

  it("src/ (tests aside) imports none", () => {
    const files = sourceFiles(join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => nodeImportsOf(file).map((specifier) => `${relative(ROOT, file)}: ${specifier}`));
    expect(found).toEqual([]);
  });

  it.each(["dist/index.js", "dist/index.cjs"])("%s imports none, and imports only @langchain/core and eventsource-parser", (file) => {
    const specifiers = specifiersOf(readFileSync(join(ROOT, file), "utf8"));
    expect(specifiers.length).toBeGreaterThan(0);
    expect(nodeImportsOf(join(ROOT, file))).toEqual([]);
    expect(specifiers.filter((specifier) => !/^@langchain\/core\/|^eventsource-parser$/.test(specifier))).toEqual([]);
  });
});
