// Stamped into every run's metadata (`metadata.versions`), as LangChain's own packages do.
// test/options.test.ts keeps it equal to package.json's version.
export const PACKAGE_NAME = "@langchain/openrouter";
export const PACKAGE_VERSION = "0.1.0";
