import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type PublishablePackage, ROOT } from '../publishable-packages.js';
import { mustRun, pnpmCommand } from './commands.js';

export interface Tarball {
  name: string;
  /** Directory name under packages/. */
  dir: string;
  /** Absolute path of the .tgz. */
  file: string;
}

/**
 * Packs each package with `pnpm pack` (which runs its prepack guard and turns
 * `workspace:` ranges into versions) into `dest`.
 */
export function packAll(packages: PublishablePackage[], dest: string): Tarball[] {
  const [pnpm, pnpmArgs] = pnpmCommand(ROOT);
  return packages.map((p) => {
    const before = new Set(readdirSync(dest));
    mustRun(pnpm, [...pnpmArgs, 'pack', '--pack-destination', dest], p.path);
    const made = readdirSync(dest).filter((f) => f.endsWith('.tgz') && !before.has(f));
    if (made.length !== 1) throw new Error(`pnpm pack in ${p.path} made ${made.length} tarballs: ${made}`);
    return { name: p.manifest.name, dir: p.dir, file: join(dest, made[0]) };
  });
}
