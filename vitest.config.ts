import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "emulator/**/*.test.ts", "bench/*.test.mjs"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
