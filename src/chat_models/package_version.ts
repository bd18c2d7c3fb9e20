// Stamped into every run's metadata (`metadata.versions`), as LangChain's own packages do.
// test/options.test.ts keeps it equal to package.json's version.
export const PACKAGE_NAME = "@langchain/openrouter";
export const PACKAGE_VERSION = "0.5.0";

/** The run metadata with this package's version beside core's (`versions`), as LangSmith shows it on every run. */
export function withPackageVersion(metadata: Record<string, unknown> | undefined): Record<string, unknown> {
  const versions = metadata?.["versions"];
  return {
    ...metadata,
    versions: { ...(typeof versions === "object" && versions !== null ? versions : {}), [PACKAGE_NAME]: PACKAGE_VERSION },
  };
}
