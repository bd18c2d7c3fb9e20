// Install footprint: each package installed alone in a fresh temp folder with npm, peers included, as a
// user gets it; what it adds beyond @langchain/core (which every LangChain app already has).
// Published packages are measured once and cached in results/footprint.json; ours is packed and measured
// on every run. Needs the npm registry or a warm npm cache (--prefer-offline).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function npm(args, cwd) {
  const run = spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")}: ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" | ")}`);
  return run.stdout;
}

function sizeOf(folder) {
  let bytes = 0;
  let files = 0;
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) {
        bytes += fs.statSync(full).size;
        files++;
      }
    }
  }
  return { bytes, files };
}

/** Installs `specs` alone; returns the packages on disk (by lockfile path), their bytes and files. */
function installAlone(specs, prepare) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "bench-footprint-"));
  try {
    const resolved = prepare ? prepare(folder) : specs;
    fs.writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: "footprint", version: "0.0.0", private: true }));
    npm(["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", "--loglevel=error", ...resolved], folder);
    const lock = JSON.parse(fs.readFileSync(path.join(folder, "package-lock.json"), "utf8"));
    const packages = {};
    for (const key of Object.keys(lock.packages)) {
      if (!key || !fs.existsSync(path.join(folder, key))) continue; // lockfiles also list absent optional packages
      packages[key.replace(/^node_modules\//, "")] = sizeOf(path.join(folder, key)).bytes;
    }
    return { specs, packages, ...sizeOf(path.join(folder, "node_modules")) };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Ours without an install (for --quick): the packed files plus the runtime dependencies as they sit in the
 * repo's node_modules. Close to the real install; the full run measures the real one.
 */
function estimateOurs(root, bench, core) {
  const packed = JSON.parse(npm(["pack", root, "--dry-run", "--json", "--loglevel=error"], bench))[0];
  const packages = { ...core.packages, "@langchain/openrouter": packed.unpackedSize };
  const pending = Object.keys(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).dependencies ?? {});
  while (pending.length > 0) {
    const name = pending.pop();
    if (name in packages) continue;
    const folder = path.join(root, "node_modules", name);
    packages[name] = sizeOf(folder).bytes;
    pending.push(...Object.keys(JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")).dependencies ?? {}));
  }
  const bytes = core.bytes + Object.entries(packages).filter(([name]) => !(name in core.packages)).reduce((sum, [, size]) => sum + size, 0);
  return { specs: ["(npm pack --dry-run of this repo + its dependencies from node_modules: an estimate)"], packages, bytes, tarball: { unpacked: packed.unpackedSize, files: packed.entryCount } };
}

/** Every target's install, keyed by name; `core` is the reference the others are compared with. */
export function measureFootprint({ bench, root, versions, cacheFile, log, estimate = false }) {
  const cache = fs.existsSync(cacheFile) ? JSON.parse(fs.readFileSync(cacheFile, "utf8")) : {};
  const published = {
    core: [`@langchain/core@${versions["@langchain/core"]}`],
    published: [`@langchain/openrouter@${versions["@langchain/openrouter"]}`],
    chat_openai: [`@langchain/openai@${versions["@langchain/openai"]}`],
  };
  const out = {};
  for (const [name, specs] of Object.entries(published)) {
    const key = specs.join(" ");
    // a quick run measures core (needed for ours) and shows the others only once a full run cached them
    if (!cache[key] && estimate && name !== "core") continue;
    if (!cache[key]) {
      log(`footprint: installing ${key}`);
      cache[key] = installAlone(specs);
    }
    out[name] = cache[key];
  }
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  fs.writeFileSync(cacheFile, JSON.stringify(cache, null, 2));
  if (estimate) {
    out.ours = estimateOurs(root, bench, out.core);
    return out;
  }
  log("footprint: packing and installing ours");
  let packed;
  out.ours = installAlone(["(npm pack of this repo)"], (folder) => {
    packed = JSON.parse(npm(["pack", root, "--json", "--pack-destination", folder, "--loglevel=error"], bench))[0];
    // the same @langchain/core as the others, so "beyond core" compares like with like
    return [path.join(folder, packed.filename), ...published.core];
  });
  out.ours.tarball = { unpacked: packed.unpackedSize, files: packed.entryCount };
  return out;
}

/** What `target` adds to an install of core alone: bytes and the package folders core does not have. */
export function beyondCore(target, core) {
  const extra = Object.keys(target.packages).filter((name) => !(name in core.packages));
  const runtime = extra.filter((name) => !name.endsWith("@langchain/openrouter") && name !== "@langchain/openai");
  return { bytes: target.bytes - core.bytes, packages: extra, dependencies: runtime };
}
