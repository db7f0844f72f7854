import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provenance } from './job-result.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The version in a package.json (this package's from src/ or dist/; a dependency's beside its dist/). */
function versionAt(file: () => string): string {
  try {
    return (JSON.parse(readFileSync(file(), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const experimentsPackage = () =>
  join(dirname(createRequire(import.meta.url).resolve('@rfa/experiments')), '..', 'package.json');

let commit: string | null | undefined;

/** The commit of the checkout this process runs from, read once (null when git or a checkout is missing). */
function gitCommit(): string | null {
  if (commit !== undefined) return commit;
  commit = process.env.RFA_GIT_COMMIT ?? null;
  if (!commit)
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: here,
        encoding: 'utf8',
        stdio: 'pipe',
      }).trim();
    } catch {
      commit = null;
    }
  return commit;
}

/** What this process can say about itself for a result's provenance. */
export function machineProvenance(): Omit<Provenance, 'backend' | 'startedAt' | 'wallSeconds'> {
  return {
    rfaVersion: versionAt(() => join(here, '..', 'package.json')),
    experimentsVersion: versionAt(experimentsPackage),
    gitCommit: gitCommit(),
    runtime: `node ${process.version}`,
    hostname: hostname(),
    pid: process.pid,
  };
}
