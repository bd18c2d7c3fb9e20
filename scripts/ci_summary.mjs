// Reads vitest JSON reports and prints one line per cell, or the total line CI reads.
//   node scripts/ci_summary.mjs cell LABEL REPORT.json   → "cell LABEL: N passed, M failed, K skipped" (+ failed titles)
//   node scripts/ci_summary.mjs total REPORT.json...     → "N passed, M failed, K skipped"
// A missing or unreadable report (vitest crashed) counts as one failed test.
import { existsSync, readFileSync } from "node:fs";

function countsOf(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, failures: [`no report at ${file} (the run crashed)`] };
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    // a file that failed with no failed test (it did not load, or a beforeAll/afterAll threw and its
    // tests were marked skipped) counts as one failure, so the cell cannot read "0 failed"
    const broken = (suite) => suite.status === "failed" && !suite.assertionResults.some((test) => test.status === "failed");
    const failures = report.testResults.flatMap((suite) => [
      ...(broken(suite) ? [`${suite.name}: ${suite.message}`] : []),
      ...suite.assertionResults.filter((test) => test.status === "failed").map((test) => `${test.fullName}`),
    ]);
    const brokenFiles = report.testResults.filter(broken).length;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles,
      skipped: report.numPendingTests + report.numTodoTests,
      failures,
    };
  } catch (error) {
    return { passed: 0, failed: 1, skipped: 0, failures: [`unreadable report ${file}: ${error.message}`] };
  }
}

const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;
const [mode, ...args] = process.argv.slice(2);
if (mode === "cell") {
  const [label, file] = args;
  const counts = countsOf(file);
  console.log(`cell ${label}: ${line(counts)}`);
  for (const failure of counts.failures.slice(0, 20)) console.log(`  failed: ${failure}`);
} else if (mode === "total") {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of args) {
    const counts = countsOf(file);
    for (const key of Object.keys(total)) total[key] += counts[key];
  }
  console.log(line(total));
} else {
  console.error("usage: ci_summary.mjs cell LABEL REPORT | total REPORT...");
  process.exit(2);
}
