import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  fixedExtension: false,
  platform: "neutral",
  target: "es2022",
  clean: true,
});
