import { expandSweep, parseSweepSpec } from '@rfa/sweeps';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sweepProgress } from './sweep-progress.js';

afterEach(() => vi.restoreAllMocks());

describe('sweepProgress (plain lines, as in a CI log)', () => {
  it('prints each scored epoch with the paper’s number and the time since the last (or the job’s start), and counts the job as running', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(0);
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const [job] = expandSweep(parseSweepSpec({ experiment: 'fig4', rules: ['fa'], seeds: 1 }));
    const progress = sweepProgress([job]);
    now.mockReturnValue(5_000);
    progress.onEvent({ type: 'started', job });
    now.mockReturnValue(5_000 + 331_400);
    progress.onEvent({ type: 'epoch', job, epoch: 1, metrics: { testError: 0.0772 } });
    now.mockReturnValue(5_000 + 331_400 + 600_000);
    progress.onEvent({ type: 'epoch', job, epoch: 2, metrics: { testError: 0.0636 } });
    const lines = err.mock.calls.map((c) => String(c[0]));
    expect(lines.filter((l) => l.includes('epoch'))).toEqual([
      `${job.id} seed 1 fa: epoch 1: testError 7.72% (paper 1.80%); 5:31 since the job started`,
      `${job.id} seed 1 fa: epoch 2: testError 6.36% (paper 1.80%); 10:00 since epoch 1`,
    ]);
    // an epoch report is not the job's end (the status line comes at most every 10 s)
    expect(new Set(lines.filter((l) => l.startsWith('sweep:')))).toEqual(
      new Set(['sweep: 0/1 done, 1 running, 0 failed']),
    );
    progress.onEvent({ type: 'finished', job, result: {} as never });
    progress.stop();
    expect(err.mock.calls.map((c) => String(c[0])).at(-2)).toBe('sweep: 1/1 done, 0 running, 0 failed');
  });
});
