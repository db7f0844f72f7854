import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { readmeExamples } from '../bin/readme-examples.mjs';
import { type PackageManifest, publishablePackages, ROOT } from './publishable-packages.js';

// scripts/new-package.mjs, run into a temp copy of the repository's root files: the package
// it writes must look like the ones the release checks already pass.
const script = join(ROOT, 'scripts/new-package.mjs');
const root = mkdtempSync(join(tmpdir(), 'rfa-new-package-'));
copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
copyFileSync(join(ROOT, 'LICENSE'), join(root, 'LICENSE'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args, '--root', root], { encoding: 'utf8' });

describe('scripts/new-package.mjs', () => {
  const r = run('signal-flow', 'rfa signal flow: a test package.', '--dep', '@rfa/tensor');
  const dir = join(root, 'packages/signal-flow');
  const m = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest & {
    devDependencies: Record<string, string>;
  };
  const layers = publishablePackages().find((p) => p.dir === 'layers')?.manifest as PackageManifest;

  it('exits 0 and writes version 0.0.0, as every package of the workspace has', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(m.name).toBe('@rfa/signal-flow');
    expect(m.version).toBe('0.0.0');
    expect(m.dependencies).toEqual({ '@rfa/tensor': 'workspace:^' });
  });

  it("has an existing package's scripts, metadata and export shape", () => {
    expect(m.scripts).toEqual(layers.scripts);
    expect(m.engines).toEqual(layers.engines);
    expect(m.bugs).toEqual(layers.bugs);
    expect(m.files).toEqual(layers.files);
    expect(m.repository).toEqual({ ...layers.repository, directory: 'packages/signal-flow' });
    expect(m.homepage).toBe(layers.homepage?.replace('/layers#', '/signal-flow#'));
    expect(JSON.stringify(m.exports)).toBe(JSON.stringify(layers.exports));
    expect(m.sideEffects).toBe(false);
    expect(m.devDependencies['@rfa/tsup-config']).toBe('workspace:*');
  });

  it('builds through the shared tsup config, with a test beside its source and the license', () => {
    expect(readFileSync(join(dir, 'tsup.config.ts'), 'utf8')).toContain("from '@rfa/tsup-config'");
    expect(existsSync(join(dir, 'src/index.test.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
  });

  it('gives the pack test its entry: a README example identical to examples/readme.ts', () => {
    const examples = readmeExamples(join(dir, 'README.md')) as {
      file: string;
      shown: string;
      actual?: string;
    }[];
    expect(examples).toHaveLength(1);
    expect(examples[0].file).toBe(join(dir, 'examples/readme.ts'));
    expect(examples[0].shown).toBe(examples[0].actual);
    expect(examples[0].actual).toContain("from '@rfa/signal-flow'");
  });

  it('refuses a folder that exists and a name that is not kebab-case, saying which', () => {
    const again = run('signal-flow', 'again');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/packages\/signal-flow exists already/);
    const bad = run('SignalFlow', 'x');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/NAME must be kebab-case .* got 'SignalFlow'/);
  });
});
