// The Bun, Deno and workerd binaries the exact devDependencies ship, from the platform package npm
// installed for this machine (an optional dependency of `bun`, `deno` and `workerd`). Their
// postinstall scripts are not needed: where one ran, it moved the binary into the wrapper package,
// which is then where it is found. Each candidate must print the pinned version.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./packed_app.js";

export type Runtime = "bun" | "deno" | "workerd";

export interface RuntimeBinary {
  path: string;
  /** The exact version package.json pins (workerd's is `1.YYYYMMDD.N`). */
  version: string;
}

const PLATFORM_PACKAGES: Record<Runtime, Record<string, string>> = {
  bun: {
    "linux x64": "@oven/bun-linux-x64/bin/bun",
    "linux arm64": "@oven/bun-linux-aarch64/bin/bun",
    "darwin x64": "@oven/bun-darwin-x64/bin/bun",
    "darwin arm64": "@oven/bun-darwin-aarch64/bin/bun",
  },
  deno: {
    "linux x64": "@deno/linux-x64-glibc/deno",
    "linux arm64": "@deno/linux-arm64-glibc/deno",
    "darwin x64": "@deno/darwin-x64/deno",
    "darwin arm64": "@deno/darwin-arm64/deno",
  },
  workerd: {
    "linux x64": "@cloudflare/workerd-linux-64/bin/workerd",
    "linux arm64": "@cloudflare/workerd-linux-arm64/bin/workerd",
    "darwin x64": "@cloudflare/workerd-darwin-64/bin/workerd",
    "darwin arm64": "@cloudflare/workerd-darwin-arm64/bin/workerd",
  },
};

/** Where each wrapper's postinstall, when it runs, leaves the binary. */
const WRAPPER_BINARIES: Record<Runtime, string> = {
  bun: "bun/bin/bun.exe",
  deno: "deno/deno",
  workerd: "workerd/bin/workerd",
};

/** What `--version` prints for a pinned version: `1.4.5`, `deno 2.9.6 (…)`, `workerd 2026-11-23`. */
function versionLine(runtime: Runtime, version: string): string {
  if (runtime === "workerd") {
    const date = /^1\.(\d{4})(\d{2})(\d{2})\.\d+$/.exec(version);
    if (!date) throw new Error(`workerd ${version}: not a 1.YYYYMMDD.N version`);
    return `workerd ${date[1]}-${date[2]}-${date[3]}`;
  }
  return runtime === "deno" ? `deno ${version}` : version;
}

export function pinnedVersion(runtime: Runtime): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const version = manifest.devDependencies[runtime];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json must pin ${runtime} exactly (got ${version})`);
  return version;
}

function printedVersion(path: string): string {
  try {
    return execFileSync(path, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (error) {
    return `fails: ${(error as Error).message.split("\n")[0]}`;
  }
}

/** The runtime's binary for this machine, checked to be the pinned version; throws saying what was tried. */
export function runtimeBinary(runtime: Runtime): RuntimeBinary {
  const version = pinnedVersion(runtime);
  const expected = versionLine(runtime, version);
  const platform = `${process.platform} ${process.arch}`;
  const candidates = [PLATFORM_PACKAGES[runtime][platform], WRAPPER_BINARIES[runtime]].filter((path) => path !== undefined);
  const tried: string[] = [];
  for (const candidate of candidates) {
    const path = join(ROOT, "node_modules", candidate);
    if (!existsSync(path)) {
      tried.push(`${candidate}: missing`);
      continue;
    }
    const printed = printedVersion(path).split("\n")[0]!;
    if (printed === expected || printed.startsWith(`${expected} `)) return { path, version };
    tried.push(`${candidate}: ${printed}`);
  }
  throw new Error(`no ${runtime} ${version} binary for ${platform} (wanted \`--version\` to print "${expected}"): ${tried.join("; ")}. Run \`npm ci\`.`);
}
