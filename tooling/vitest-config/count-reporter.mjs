// Writes this package's pass/fail/skip counts to <root>/.rfa-test-results/<package>.json
// (the folder named by RFA_TEST_RESULTS, when set), so the root test command can print one
// closing line for the whole monorepo, and name each failure there (a CI log often keeps
// only its tail, far from the package that failed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export class CountReporter {
  constructor(root) {
    this.root = root;
  }

  onTestRunEnd(testModules, unhandledErrors = []) {
    const counts = { passed: 0, failed: 0, skipped: 0, errors: unhandledErrors.length, failures: [] };
    for (const error of unhandledErrors) counts.failures.push(`unhandled error: ${firstLine(error)}`);
    for (const mod of testModules) {
      if (mod.state?.() === 'failed' && [...mod.children.allTests()].length === 0) {
        counts.failed++;
        counts.failures.push(`${relative(this.root, mod.moduleId)}: ${firstLine(mod.errors?.()[0])}`);
      }
      for (const test of mod.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') counts.passed++;
        else if (result.state === 'failed') {
          counts.failed++;
          counts.failures.push(
            `${relative(this.root, mod.moduleId)} › ${test.fullName}: ${firstLine(result.errors?.[0])}`,
          );
        } else counts.skipped++;
      }
    }
    const dir = join(this.root, process.env.RFA_TEST_RESULTS ?? '.rfa-test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${basename(process.cwd())}.json`), JSON.stringify(counts));
  }
}

/** The first line of an error's message, cut to 300 characters. */
function firstLine(error) {
  const message = String(error?.message ?? error ?? 'no message');
  return message.split('\n')[0].slice(0, 300);
}
