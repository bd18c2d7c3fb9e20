import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "emulator/**/*.test.ts", "bench/*.test.mjs"],
    // need the build, npm or Chromium: vitest.runtimes.config.ts
    exclude: [...configDefaults.exclude, "test/runtimes/**"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
