import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { getExperiment } from '../registry.js';
import { runExperiment } from '../run-experiment.js';
import { tinyMnist } from '../testing/tiny-mnist.js';
import { LENET_RULE_KEYS } from './lenet.js';
import { lenetMnist } from './lenet-mnist.js';

const backend = createCpuBackend({ kernels: 'js' });
const mnist = tinyMnist(64, 32);

describe('lenet-mnist and lenet-fashion', () => {
  it('are in the registry, with every rule key a registry key and bp and fa in the quick check', () => {
    expect(getExperiment('lenet-mnist')).toBe(lenetMnist);
    expect(getExperiment('lenet-fashion').needs.datasets).toEqual(['fashion-mnist']);
    expect(Object.keys(lenetMnist.rules)).toEqual([...LENET_RULE_KEYS]);
    expect(lenetMnist.quick.rules).toEqual(['bp', 'fa']);
  });

  it('every rule trains LeNet on images, records each layer’s angle to its feedback and the first-layer kernels', async () => {
    const config = resolveConfig(lenetMnist, {
      overrides: {
        epochs: 1,
        batchSize: 8,
        evaluationsPerEpoch: 2,
        learningRate: 0.05,
        rules: [...LENET_RULE_KEYS],
      },
    });
    const { results } = await runExperiment(lenetMnist, {
      config,
      seeds: 1,
      backend,
      data: { datasets: { mnist } },
    });
    for (const rule of LENET_RULE_KEYS) {
      const r = results[rule];
      // a metric never measured (NaN throughout, e.g. backprop’s angles) has no curve
      const last = (metric: string) => r.curves[metric]?.at(-1) ?? Number.NaN;
      expect(last('testError')).toBeGreaterThanOrEqual(0);
      expect(last('testError')).toBeLessThanOrEqual(1);
      const fields = r.snapshots?.receptiveFields as { width: number; height: number; units: number[][] };
      expect([fields.width, fields.height, fields.units.length, fields.units[0].length]).toEqual([
        5, 5, 6, 25,
      ]);
      const angles = [1, 2, 3, 4].map((l) => last(`layerAngle${l}`));
      if (rule === 'bp') expect(angles.every(Number.isNaN)).toBe(true);
      else if (rule === 'dfa') {
        // DFA's D stands in for Wᵀ only at the top layer
        expect(angles.slice(0, 3).every(Number.isNaN)).toBe(true);
        expect(angles[3]).toBeGreaterThan(0);
      } else for (const a of angles) expect(a).toBeGreaterThanOrEqual(0);
      // the sign-concordant rules' B has W's signs: under 90° at every layer
      if (rule === 'usf' || rule === 'brsf' || rule === 'frsf')
        for (const a of angles) expect(a).toBeLessThan(90);
    }
  }, 120_000);
});
