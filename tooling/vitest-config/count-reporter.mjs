// Writes this package's pass/fail/skip counts to <root>/.rfa-test-results/<package>.json
// (the folder named by RFA_TEST_RESULTS, when set), so the root test command can print one
// closing line for the whole monorepo.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export class CountReporter {
  constructor(root) {
    this.root = root;
  }

  onTestRunEnd(testModules, unhandledErrors = []) {
    const counts = { passed: 0, failed: 0, skipped: 0, errors: unhandledErrors.length };
    for (const mod of testModules) {
      if (mod.state?.() === 'failed' && [...mod.children.allTests()].length === 0) counts.failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const dir = join(this.root, process.env.RFA_TEST_RESULTS ?? '.rfa-test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${basename(process.cwd())}.json`), JSON.stringify(counts));
  }
}
