import { createCpuBackend } from '@rfa/backend-cpu';
import type { Trainer } from '@rfa/learning-rules';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { runExperiment } from '../run-experiment.js';
import { figS6 } from './fig-s6.js';

describe('figS6 (Supplementary Fig. 6: W0 frozen)', () => {
  it('keeps W0 of the frozen runs at its initial values; the unfrozen runs move it; all start from one net per depth', async () => {
    const config = resolveConfig(figS6, {
      overrides: { steps: 40, batchSize: 5, evaluateEvery: 20, heldOut: 30 },
    });
    const firstLayer = new Map<string, { start: Float32Array; end?: Float32Array }>();
    const report = await runExperiment(figS6, {
      config,
      seeds: 2,
      backend: createCpuBackend({ kernels: 'js' }),
      onModel: (run, model) => {
        const key = `${run.seed}:${run.rule}`;
        if (model?.kind === 'trainer') {
          const t: Trainer = model.trainer;
          firstLayer.set(key, { start: t.network.layers[0].weights.readSync(), end: undefined });
          // keep a handle to read W0 when the run ends
          (firstLayer.get(key) as { trainer?: Trainer }).trainer = t;
        } else {
          const entry = firstLayer.get(key) as { start: Float32Array; end?: Float32Array; trainer?: Trainer };
          entry.end = entry.trainer!.network.layers[0].weights.readSync();
        }
      },
    });
    const w0 = (rule: string) => firstLayer.get(`1:${rule}`)!;
    for (const frozen of ['shallow', 'bp-4layer-frozen-w0', 'fa-4layer-frozen-w0'])
      expect(w0(frozen).end).toEqual(w0(frozen).start);
    for (const moving of ['bp-4layer', 'fa-4layer']) expect(w0(moving).end).not.toEqual(w0(moving).start);
    expect(w0('fa-4layer-frozen-w0').start).toEqual(w0('bp-4layer').start);
    const nse0 = (rule: string) => report.results[rule].curves.nse[0];
    expect(nse0('fa-4layer-frozen-w0')).toBe(nse0('fa-4layer'));
    const analysis = report.analysis as Record<string, Record<string, { frozen?: string }>>;
    expect(Object.keys(analysis.w0Learning)).toEqual(['fa-4layer', 'bp-4layer']);
    expect(analysis.w0Learning['fa-4layer'].frozen).toBe('fa-4layer-frozen-w0');
    expect(Object.keys(analysis.vsShallow)).toEqual(['bp-4layer-frozen-w0', 'fa-4layer-frozen-w0']);
  });
});
