// The README names the Bun, Deno and workerd versions the runtime checks run: the exact pins in
// package.json, so bumping one without the README fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./packed_app.js";
import { pinnedVersion } from "./runtime_binaries.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const runtimesSection = readme.slice(readme.indexOf("- **Runtimes**"), readme.indexOf("- **Matrix**"));

describe("README's runtime section", () => {
  it.each([
    ["bun", "Bun"],
    ["deno", "Deno"],
    ["workerd", "workerd"],
  ] as const)("names %s at the version package.json pins", (runtime, name) => {
    expect(runtimesSection).toContain(`**${name} ${pinnedVersion(runtime)}**`);
  });
});
