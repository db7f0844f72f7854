import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root directory. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  type?: string;
  main?: string;
  module?: string;
  types?: string;
  exports?: Record<string, unknown>;
  files?: string[];
  sideEffects?: boolean | string[];
  engines?: Record<string, string>;
  repository?: { type: string; url: string; directory?: string };
  homepage?: string;
  bugs?: { url: string };
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface PublishablePackage {
  /** Directory name under packages/ ('tensor'). */
  dir: string;
  /** Absolute path of the package. */
  path: string;
  manifest: PackageManifest;
}

/**
 * Every package that gets published: each `packages/<dir>/package.json` whose `private`
 * is not true. A new package joins every release check by existing here, no list to edit.
 */
export function publishablePackages(root = ROOT): PublishablePackage[] {
  const base = join(root, 'packages');
  return readdirSync(base)
    .sort()
    .filter((dir) => existsSync(join(base, dir, 'package.json')))
    .map((dir) => ({
      dir,
      path: join(base, dir),
      manifest: JSON.parse(readFileSync(join(base, dir, 'package.json'), 'utf8')) as PackageManifest,
    }))
    .filter((p) => p.manifest.private !== true);
}
