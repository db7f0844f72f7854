import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The dual-load program (fixtures/dual-load.mjs), which a project may copy next to its node_modules. */
export const DUAL_LOAD_SCRIPT = fileURLToPath(new URL('../fixtures/dual-load.mjs', import.meta.url));

export interface DualLoadResult {
  status: number | null;
  passed: string[];
  failed: string[];
  output: string;
}

/** Runs the dual-load program at `script` in a fresh Node process. */
export function runDualLoad(script = DUAL_LOAD_SCRIPT, cwd?: string): DualLoadResult {
  const run = spawnSync(process.execPath, [script], { cwd, encoding: 'utf8', timeout: 120_000 });
  const lines = run.stdout.split('\n');
  return {
    status: run.status,
    passed: lines.filter((l) => l.startsWith('ok ')),
    failed: lines.filter((l) => l.startsWith('FAIL ')),
    output: run.stdout + run.stderr,
  };
}
