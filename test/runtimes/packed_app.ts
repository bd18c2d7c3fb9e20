// What a user installs, for the runtime checks: `npm pack` → the tarball installed with
// @langchain/core and zod in a fresh folder, one folder per core version we support
// (PACK_CORE_VERSIONS, space-separated; default: the installed one), with the given files copied in.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

export const CORE_VERSIONS = (process.env["PACK_CORE_VERSIONS"] ?? installedVersion("@langchain/core")).split(/\s+/).filter(Boolean);

export interface PackedApps {
  /** The temporary folder holding the tarball and the apps. */
  work: string;
  tarball: string;
  /** core version → the folder where the tarball is installed with it. */
  apps: Map<string, string>;
  remove(): void;
}

/** Packs the built package (dist/ must exist) and installs it with each core version; copies `files` into each app. */
export async function installPackedApps(prefix: string, files: readonly string[] = []): Promise<PackedApps> {
  if (!existsSync(join(ROOT, "dist/index.js"))) throw new Error("dist/ is missing: run `npm run build` first.");
  const work = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(work, { recursive: true, force: true });
  try {
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT });
    const tarball = join(work, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    const apps = new Map<string, string>();
    for (const core of CORE_VERSIONS) {
      const app = join(work, `app-core-${core}`);
      mkdirSync(app);
      writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-smoke", private: true }));
      await run(
        "npm",
        ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball, `@langchain/core@${core}`, `zod@${installedVersion("zod")}`],
        { cwd: app }
      );
      for (const file of files) copyFileSync(file, join(app, basename(file)));
      apps.set(core, app);
    }
    return { work, tarball, apps, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
