import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: { sourcemap: false },
  // no source maps in the package: they were over half of its unpacked size (issue #9, install footprint);
  // dist/ is unminified ES2022 with the source's names, readable in a stack trace as it is
  sourcemap: false,
  fixedExtension: false,
  platform: "neutral",
  target: "es2022",
  clean: true,
});
