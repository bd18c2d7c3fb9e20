// Runtime checks that need the build (dist/), npm, Chromium, or the Bun, Deno and workerd binaries (devDependencies):
// run by scripts/ci_runtimes.sh, not by `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/runtimes/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // each file installs the tarball with npm, then drives a runtime (Node, Chromium, Bun, Deno, workerd): one at a time on 2 cores
    fileParallelism: false,
  },
});
