import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (run by hand with --write)
import { readmeExamples, readmePaths } from '../bin/readme-examples.mjs';
import { publishablePackages, ROOT } from './publishable-packages.js';

interface Example {
  file: string;
  shown: string;
  actual: string | undefined;
}

describe('README examples', () => {
  it.each(publishablePackages().map((p) => [p.manifest.name, p.path] as const))(
    '%s shows examples/readme.ts, verbatim, under ## Example',
    (_name, path) => {
      const examples: Example[] = readmeExamples(join(path, 'README.md'));
      expect(examples.map((e) => e.file)).toContain(join(path, 'examples', 'readme.ts'));
      const readme = readFileSync(join(path, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('## Example'));
      expect(section.indexOf('<!-- example: examples/readme.ts -->')).toBeGreaterThan(0);
    },
  );

  it('every marked block in every README equals the file it names', () => {
    const stale: string[] = [];
    for (const readme of readmePaths(ROOT) as string[]) {
      for (const e of readmeExamples(readme) as Example[]) {
        if (e.actual !== e.shown) stale.push(`${readme} → ${e.file}`);
      }
    }
    expect(stale, 'run node tooling/release-checks/bin/readme-examples.mjs --write').toEqual([]);
  });
});
