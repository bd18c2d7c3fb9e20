// Runtime checks that need the build (dist/), npm or Chromium: run by scripts/ci_runtimes.sh, not by `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/runtimes/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // the pack test installs with npm while the browser test drives Chromium: one at a time on 2 cores
    fileParallelism: false,
  },
});
