import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (it runs as `prepack` with no build step)
import { entryFiles, packProblems } from '../bin/prepack-guard.mjs';

const guard = fileURLToPath(new URL('../bin/prepack-guard.mjs', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A package like ours: src/, and (when `built`) the dist files its package.json points at. */
function fixture(built: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'rfa-prepack-'));
  dirs.push(dir);
  const manifest = {
    name: '@rfa/fixture',
    main: './dist/index.cjs',
    types: './dist/index.d.ts',
    exports: {
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: './dist/index.cjs',
      },
      './internal': { import: './dist/internal.js', require: './dist/internal.cjs' },
    },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'README.md'), '# fixture\n');
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'index.ts'), 'export {};\n');
  if (built) {
    mkdirSync(join(dir, 'dist'));
    for (const f of entryFiles(manifest)) writeFileSync(join(dir, f), '');
  }
  return dir;
}

describe('prepack guard', () => {
  it('collects every file the package.json points at', () => {
    const files = entryFiles({ main: './dist/index.cjs', exports: { '.': { import: './dist/index.js' } } });
    expect(files).toEqual(['./dist/index.cjs', './dist/index.js']);
  });

  it('lets a built package through', () => {
    expect(packProblems(fixture(true))).toEqual([]);
  });

  it('refuses a package without dist, naming each missing file, and exits 1 as prepack', () => {
    const dir = fixture(false);
    expect(packProblems(dir)).toContain('./dist/index.js is missing (not built?)');
    expect(packProblems(dir)).toContain('./dist/internal.cjs is missing (not built?)');
    const run = spawnSync(process.execPath, [guard], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refusing to pack @rfa/fixture');
    expect(run.stderr).toContain('pnpm --filter @rfa/fixture build');
  });

  it('refuses a build older than its sources, and a package without LICENSE', () => {
    const dir = fixture(true);
    const past = new Date(Date.now() - 60_000);
    for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'internal.js', 'internal.cjs']) {
      utimesSync(join(dir, 'dist', f), past, past);
    }
    rmSync(join(dir, 'LICENSE'));
    const problems = packProblems(dir);
    expect(problems).toContain('LICENSE is missing');
    expect(problems.some((p: string) => p.endsWith('older than src/ (stale build)'))).toBe(true);
  });
});
