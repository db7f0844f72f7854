import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One package of a fake workspace: its folder, run-time dependencies and source files. */
export interface FakePackage {
  folder: string;
  name: string;
  dependencies?: string[];
  /** Path inside the package → file contents. */
  files: Record<string, string>;
}

/**
 * A tiny pnpm workspace in a temp folder, shaped like rfa's: each package exports
 * `src/index.ts`, and a `node_modules/@rfa/x` link per package as pnpm makes them.
 */
export function fakeWorkspace(packages: FakePackage[]): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'rfa-boundaries-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('package.json', JSON.stringify({ name: 'fake-root', private: true, type: 'module' }));
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - apps/*\n');
  for (const p of packages) {
    const dependencies = Object.fromEntries((p.dependencies ?? []).map((d) => [d, 'workspace:*']));
    const manifest = {
      name: p.name,
      version: '0.0.0',
      private: true,
      type: 'module',
      exports: { '.': './src/index.ts' },
      dependencies,
    };
    write(`${p.folder}/package.json`, JSON.stringify(manifest, null, 2));
    for (const [path, text] of Object.entries(p.files)) write(`${p.folder}/${path}`, text);
    mkdirSync(join(root, 'node_modules', dirname(p.name)), { recursive: true });
    symlinkSync(join(root, p.folder), join(root, 'node_modules', p.name), 'dir');
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
