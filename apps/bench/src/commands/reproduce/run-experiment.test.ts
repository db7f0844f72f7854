import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { checkAborted } from '../../experiments/abort.js';
import type { Experiment } from '../../experiments/types.js';
import { runExperiment } from './run-experiment.js';

/** A stand-in experiment: seed s reports metric = s; the controller aborts during seed `abortAt`. */
function fakeExperiment(controller: AbortController, abortAt: number): Experiment<{ n: number }> {
  return {
    id: 'fig2',
    title: 'fake',
    notes: 'test double',
    config: () => ({ n: 1 }),
    work: () => 1,
    async runSeed(_c, ctx) {
      if (ctx.seed === abortAt) controller.abort();
      checkAborted(ctx.signal);
      ctx.progress.tick(1);
      return { bp: { final: { nse: ctx.seed }, curves: { step: [0, 1], nse: [1, ctx.seed] } } };
    },
    paper: {},
    plots: [],
    tableMetrics: ['nse'],
  };
}

describe('runExperiment', () => {
  it('aggregates seeds as mean ± sample s.d. and averages curves', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rfa-run-'));
    const c = new AbortController();
    const report = await runExperiment(fakeExperiment(c, 99), {
      seeds: 3,
      quick: false,
      backend: createCpuBackend({ kernels: 'js' }),
      backendName: 'cpu',
      outDir: out,
      signal: c.signal,
    });
    expect(report.results.bp.final.nse).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(report.results.bp.curves.nse).toEqual([1, 2]);
    expect(report.seedsCompleted).toBe(3);
  });

  it('an interruption keeps the finished seeds on disk and says so', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rfa-run-'));
    const c = new AbortController();
    const report = await runExperiment(fakeExperiment(c, 3), {
      seeds: 5,
      quick: false,
      backend: createCpuBackend({ kernels: 'js' }),
      backendName: 'cpu',
      outDir: out,
      signal: c.signal,
    });
    expect(report.interrupted).toBe(true);
    expect(report.seedsCompleted).toBe(2);
    const onDisk = JSON.parse(readFileSync(join(out, 'fig2.json'), 'utf8'));
    expect(onDisk.seedsCompleted).toBe(2);
    expect(onDisk.interrupted).toBe(true);
    expect(onDisk.results.bp.final.nse.mean).toBe(1.5);
  });
});
