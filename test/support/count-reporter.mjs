/**
 * Prints "N passed, N failed" alone on the last line, which CI reads.
 * WTR's own summary shows counts only inside its progress bar, and a test file
 * that fails to load shows there as "0 failed": here it counts as a failure.
 */
export function countReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;

  function countSuite(suite) {
    for (const test of suite.tests) {
      if (test.skipped) skipped += 1;
      else if (test.passed) passed += 1;
      else failed += 1;
    }
    for (const child of suite.suites) countSuite(child);
  }

  return {
    onTestRunStarted() {
      passed = 0;
      failed = 0;
      skipped = 0;
    },
    reportTestFileResults({ sessionsForTestFile }) {
      for (const session of sessionsForTestFile) {
        if (session.testResults) countSuite(session.testResults);
        // A file that failed to load or threw outside a test has errors but no results.
        const ranNothing = !session.testResults || (session.testResults.tests.length === 0 && session.testResults.suites.length === 0);
        if (session.errors.length > 0 && (ranNothing || session.passed === false)) failed += 1;
        else if (!session.passed && ranNothing) failed += 1;
      }
    },
    stop() {
      // WTR prints its own closing words after the reporters stop: ours go last.
      const tail = skipped > 0 ? `, ${skipped} skipped` : '';
      process.once('exit', () => process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`));
    },
  };
}
