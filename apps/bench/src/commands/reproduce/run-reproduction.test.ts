import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@rfa/backend-cpu';
import { defineExperiment } from '@rfa/experiments';
import { checkAborted } from '@rfa/experiments/internal';
import { describe, expect, it, vi } from 'vitest';
import { runReproduction } from './run-reproduction.js';

type FakeDefinition = Parameters<typeof defineExperiment<{ n: number }>>[0];

/** A test double: what the test gives, with the fields no test here reads filled in. */
const fake = (
  parts: Pick<FakeDefinition, 'id' | 'rules' | 'run' | 'paper' | 'tableMetrics'> &
    Partial<Pick<FakeDefinition, 'xUnit'>>,
) =>
  defineExperiment<{ n: number }>({
    title: 'fake',
    caption: 'test double',
    xUnit: 'step',
    notes: 'test double',
    schema: undefined as never,
    defaults: { n: 1 },
    quick: { n: 1 },
    needs: {},
    layerWidths: () => [1, 1],
    browser: { overrides: {}, note: 'test double' },
    work: () => 1,
    plots: [],
    ...parts,
  });

/** A stand-in experiment: seed s reports nse = s; the controller aborts during seed `abortAt`. */
function fakeExperiment(controller: AbortController, abortAt: number) {
  return fake({
    id: 'fig2',
    rules: { bp: { description: 'the only rule' } },
    async run(_c, _rule, ctx) {
      if (ctx.seed === abortAt) controller.abort();
      checkAborted(ctx.signal);
      ctx.emit({ type: 'step', step: 1, units: 1 });
      return { final: { nse: ctx.seed }, curves: { step: [0, 1], nse: [1, ctx.seed] } };
    },
    paper: {},
    tableMetrics: ['nse'],
  });
}

const options = (c: AbortController, seeds: number) => ({
  config: { n: 1 },
  seeds,
  quick: false,
  backend: createCpuBackend({ kernels: 'js' }),
  outDir: mkdtempSync(join(tmpdir(), 'rfa-run-')),
  signal: c.signal,
  data: { datasets: {} },
});

describe('runReproduction', () => {
  it('aggregates seeds as mean ± sample s.d., averages curves, and writes the report', async () => {
    const c = new AbortController();
    const o = options(c, 3);
    const report = await runReproduction(fakeExperiment(c, 99), o);
    expect(report.results.bp.final.nse).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(report.results.bp.curves.nse).toEqual([1, 2]);
    expect(report.seedsCompleted).toBe(3);
    expect(JSON.parse(readFileSync(join(o.outDir, 'fig2.json'), 'utf8')).seedsCompleted).toBe(3);
  });

  it('an interruption keeps the finished seeds on disk and says so', async () => {
    const c = new AbortController();
    const o = options(c, 5);
    const report = await runReproduction(fakeExperiment(c, 3), o);
    expect(report.interrupted).toBe(true);
    expect(report.seedsCompleted).toBe(2);
    const onDisk = JSON.parse(readFileSync(join(o.outDir, 'fig2.json'), 'utf8'));
    expect(onDisk.seedsCompleted).toBe(2);
    expect(onDisk.interrupted).toBe(true);
    expect(onDisk.results.bp.final.nse.mean).toBe(1.5);
  });
});

describe('runReproduction prints each epoch against the paper', () => {
  it('from the curve points, in epochs, not from the trainer’s step count, with each epoch’s wall time', async () => {
    const c = new AbortController();
    let clock = 0; // ms, what performance.now reads
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const exp = fake({
      id: 'fig3a',
      xUnit: 'epoch',
      rules: { fa: { description: 'the only rule' } },
      async run(_c, _rule, ctx) {
        for (const [at, epoch, testError] of [
          [10, 0, 0.9],
          [100, 0.5, 0.04],
          [200, 1, 0.03],
          [531, 2, 0.025],
        ]) {
          clock = at * 1000;
          // the trainer counts 60,000 steps an epoch at batch 1; the curve counts epochs
          ctx.emit({ type: 'evaluation', step: 60000 * epoch, metrics: { testError } });
          ctx.emit({ type: 'record', point: { step: epoch, testError } });
        }
        return {
          final: { testError: 0.025 },
          curves: { step: [0, 0.5, 1, 2], testError: [0.9, 0.04, 0.03, 0.025] },
        };
      },
      paper: { fa: { testError: 0.021 } },
      tableMetrics: ['testError'],
    });
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await runReproduction(exp, options(c, 1));
      const lines = err.mock.calls.map((a) => String(a[0]).trim()).filter((l) => l.includes('epoch'));
      expect(lines).toEqual([
        'fig3a seed 1 fa: epoch 1: testError 3.00% (paper 2.10%); 3:10 since epoch 0',
        'fig3a seed 1 fa: epoch 2: testError 2.50% (paper 2.10%); 5:31 since epoch 1',
      ]);
    } finally {
      err.mockRestore();
      now.mockRestore();
    }
  });
});
