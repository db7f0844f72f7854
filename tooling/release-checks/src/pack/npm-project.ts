import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun } from './commands.js';

/** A fresh npm project in `dir` (ESM, private), nothing linked to the monorepo. */
export function createProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'rfa-pack-test', private: true, type: 'module' }, null, 2)}\n`,
  );
  return dir;
}

/**
 * `npm install` in the project, with its own npm cache (`cache`, kept between runs so
 * registry packages download once) and no audit or funding calls.
 */
export function npmInstall(project: string, specs: string[], cache: string, flags: string[] = []): void {
  mustRun(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', `--cache=${cache}`, ...flags, ...specs],
    project,
  );
}

export interface LockedPackage {
  path: string;
  name: string;
  version?: string;
  resolved?: string;
  hasInstallScript?: boolean;
  optional?: boolean;
}

/** Every package in the project's package-lock.json (lockfile v3). */
export function lockedPackages(project: string): LockedPackage[] {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Omit<LockedPackage, 'path' | 'name'> & { name?: string }>;
  };
  return Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .map(([path, entry]) => ({ ...entry, path, name: entry.name ?? path.replace(/^.*node_modules\//, '') }));
}
