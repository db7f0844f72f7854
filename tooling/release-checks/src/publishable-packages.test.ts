import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishablePackages } from './publishable-packages.js';

const root = mkdtempSync(join(tmpdir(), 'rfa-publishable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function addPackage(dir: string, manifest: object | undefined): void {
  mkdirSync(join(root, 'packages', dir), { recursive: true });
  if (manifest) writeFileSync(join(root, 'packages', dir, 'package.json'), JSON.stringify(manifest));
}

describe('publishablePackages', () => {
  it('finds every package under packages/ that is not private, in name order', () => {
    addPackage('zeta', { name: '@rfa/zeta', version: '0.0.0' });
    addPackage('alpha', { name: '@rfa/alpha', version: '0.0.0', private: false });
    addPackage('internal-tool', { name: '@rfa/internal-tool', version: '0.0.0', private: true });
    addPackage('not-a-package', undefined);
    expect(publishablePackages(root).map((p) => p.manifest.name)).toEqual(['@rfa/alpha', '@rfa/zeta']);
  });

  it('finds the ten packages of this repository, tensor among them', () => {
    const names = publishablePackages().map((p) => p.manifest.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names).toContain('@rfa/tensor');
    expect(names).not.toContain('@rfa/bench');
  });
});
