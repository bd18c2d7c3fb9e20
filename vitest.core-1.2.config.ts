// The whole suite against the oldest @langchain/core the package supports (peer ^1.2.0), installed as the
// dev alias @langchain/core-1.2: `npm run test:core-1.2`.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

export default mergeConfig(
  base,
  defineConfig({
    resolve: { alias: [{ find: /^@langchain\/core(?=\/|$)/, replacement: "@langchain/core-1.2" }] },
  })
);
