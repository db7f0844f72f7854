import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type FakePackage, fakeWorkspace } from './workspace-fixture.js';

// The lint rules of the repository (its knip.jsonc and .dependency-cruiser.cjs), run on a
// fake workspace: clean, it passes; with an unused dependency or an upward import, it fails
// naming the culprit. The repository itself is never broken to show it.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);

function run(tool: string, args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(bin(tool), args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

const knip = (cwd: string) => {
  copyFileSync(join(repo, 'knip.jsonc'), join(cwd, 'knip.jsonc'));
  return run('knip', ['--no-progress', '--no-config-hints'], cwd);
};
const depcruise = (cwd: string) =>
  run(
    'depcruise',
    ['packages', 'apps', '--config', join(repo, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    cwd,
  );

/** A clean three-layer workspace: tensor ← layers ← an app, plus a backend beside layers. */
function packages(change: (ps: FakePackage[]) => void = () => {}): FakePackage[] {
  const ps: FakePackage[] = [
    { folder: 'packages/tensor', name: '@rfa/tensor', files: { 'src/index.ts': 'export const one = 1;\n' } },
    {
      folder: 'packages/backend-cpu',
      name: '@rfa/backend-cpu',
      dependencies: ['@rfa/tensor'],
      files: { 'src/index.ts': "import { one } from '@rfa/tensor';\nexport const two = one + one;\n" },
    },
    {
      folder: 'packages/layers',
      name: '@rfa/layers',
      dependencies: ['@rfa/tensor'],
      files: { 'src/index.ts': "import { one } from '@rfa/tensor';\nexport const layer = one;\n" },
    },
    {
      folder: 'apps/bench',
      name: '@rfa/bench',
      dependencies: ['@rfa/layers', '@rfa/backend-cpu'],
      files: {
        'src/index.ts':
          "import { two } from '@rfa/backend-cpu';\nimport { layer } from '@rfa/layers';\nexport const run = () => layer + two;\n",
      },
    },
  ];
  change(ps);
  return ps;
}

const byName = (ps: FakePackage[], name: string) => ps.find((p) => p.name === name) as FakePackage;

describe('knip on a fake workspace', () => {
  it('passes a workspace whose every dependency is imported', () => {
    const ws = fakeWorkspace(packages());
    try {
      const r = knip(ws.root);
      expect(r.output).not.toMatch(/Unused dependencies/);
      expect(r.status).toBe(0);
    } finally {
      ws.remove();
    }
  });

  it('fails on a dependency nothing imports, naming it and its package.json', () => {
    const ws = fakeWorkspace(
      packages((ps) => byName(ps, '@rfa/layers').dependencies?.push('@rfa/backend-cpu')),
    );
    try {
      const r = knip(ws.root);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(
        /Unused dependencies[\s\S]*@rfa\/backend-cpu\s+packages\/layers\/package\.json/,
      );
    } finally {
      ws.remove();
    }
  });
});

describe('dependency-cruiser on a fake workspace', () => {
  it('passes the clean layering (an app may use a backend, a test may too)', () => {
    const ws = fakeWorkspace(
      packages((ps) => {
        byName(ps, '@rfa/layers').files['src/layer.test.ts'] =
          "import { two } from '@rfa/backend-cpu';\nexport const t = two;\n";
      }),
    );
    try {
      const r = depcruise(ws.root);
      expect(r.output).toMatch(/no dependency violations found/);
      expect(r.status).toBe(0);
    } finally {
      ws.remove();
    }
  });

  it('fails when the contract imports a backend', () => {
    const ws = fakeWorkspace(
      packages((ps) => {
        byName(ps, '@rfa/tensor').files['src/upward.ts'] =
          "import { two } from '@rfa/backend-cpu';\nexport const up = two;\n";
      }),
    );
    try {
      const r = depcruise(ws.root);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(
        /contract-imports-no-backend: packages\/tensor\/src\/upward\.ts → packages\/backend-cpu\//,
      );
    } finally {
      ws.remove();
    }
  });

  it('fails when a layer package imports a backend outside its tests', () => {
    const ws = fakeWorkspace(
      packages((ps) => {
        byName(ps, '@rfa/layers').files['src/pick.ts'] =
          "import { two } from '@rfa/backend-cpu';\nexport const pick = two;\n";
      }),
    );
    try {
      const r = depcruise(ws.root);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(
        /computation-imports-no-backend: packages\/layers\/src\/pick\.ts → packages\/backend-cpu\//,
      );
    } finally {
      ws.remove();
    }
  });

  it('fails when a package imports an app, or one app another', () => {
    const ws = fakeWorkspace(
      packages((ps) => {
        byName(ps, '@rfa/layers').files['src/from-app.ts'] =
          "export { run } from '../../../apps/bench/src/index.ts';\n";
        ps.push({
          folder: 'apps/demo',
          name: '@rfa/demo',
          files: { 'src/index.ts': "export { run } from '../../bench/src/index.ts';\n" },
        });
      }),
    );
    try {
      const r = depcruise(ws.root);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(
        /packages-import-no-app: packages\/layers\/src\/from-app\.ts → apps\/bench\/src\/index\.ts/,
      );
      expect(r.output).toMatch(
        /apps-share-only-packages: apps\/demo\/src\/index\.ts → apps\/bench\/src\/index\.ts/,
      );
    } finally {
      ws.remove();
    }
  });
});
