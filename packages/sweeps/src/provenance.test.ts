import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('machineProvenance', () => {
  it('names the commit checked out when the code loaded, and keeps it', async () => {
    const { machineProvenance } = await import('./provenance.js');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    // what changes after loading (here: an override set later) is not what the loaded code is
    vi.stubEnv('RFA_GIT_COMMIT', 'later');
    expect(machineProvenance().gitCommit).toBe(head);
  });

  it('takes RFA_GIT_COMMIT where the code has no checkout (a deployed worker)', async () => {
    vi.stubEnv('RFA_GIT_COMMIT', 'abc123');
    const { machineProvenance } = await import('./provenance.js');
    expect(machineProvenance().gitCommit).toBe('abc123');
    expect(machineProvenance().runtime).toBe(`node ${process.version}`);
  });
});
