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

/** The commit of the checkout this process runs from (null when git or a checkout is missing). */
function readGitCommit(): string | null {
  if (process.env.RFA_GIT_COMMIT) return process.env.RFA_GIT_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: here, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return null;
  }
}

// read when the process loads its code, not when its first job ends: a commit made while a
// long sweep runs must not be credited with results computed by the code loaded before it
const commit = readGitCommit();
const gitCommit = () => commit;

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
