import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { RULES, ruleKeys } from '../rules/rule-registry.js';
import { runExperiment } from '../run-experiment.js';
import { tinyMnist } from '../testing/tiny-mnist.js';
import { rules784500, SIDE_BY_SIDE_RULES } from './rules-784-500-10.js';

const backend = createCpuBackend({ kernels: 'js' });

describe('rules-784-500-10: every rule with feedback, side by side', () => {
  it('takes its rules from the registry: backprop, each rule with feedback, their variants', () => {
    for (const k of ruleKeys())
      expect(SIDE_BY_SIDE_RULES.includes(k), k).toBe(k === 'bp' || RULES[k].feedback !== 'none');
    for (const k of [
      'fa',
      'dfa',
      'drtp',
      'usf',
      'brsf',
      'frsf',
      'kolen-pollack',
      'weight-mirror',
      'fa-sparse50',
    ])
      expect(SIDE_BY_SIDE_RULES).toContain(k);
    expect(SIDE_BY_SIDE_RULES).not.toContain('shallow');
    expect(SIDE_BY_SIDE_RULES).not.toContain('node-perturbation');
    expect(Object.keys(rules784500.rules)).toEqual(SIDE_BY_SIDE_RULES);
    expect(rules784500.layerWidths(rules784500.defaults)).toEqual([784, 500, 10]);
    expect(rules784500.defaults.batchSize).toBe(128);
    // every variant the registry names has a description of what it changes
    for (const k of SIDE_BY_SIDE_RULES.filter((r) => !(r in RULES)))
      expect(rules784500.rules[k].description, k).toMatch(/^FA with /);
  });

  it('runs every rule on a tiny set: backprop’s update angle is 0, every other rule’s positive', async () => {
    const config = resolveConfig(rules784500, {
      overrides: { epochs: 3, batchSize: 8, hiddenUnits: 16, learningRate: 1, angleEvery: 1 },
    });
    const mnist = tinyMnist(160, 80);
    const { results } = await runExperiment(rules784500, {
      config,
      seeds: 1,
      backend,
      data: { datasets: { mnist } },
    });
    expect(Object.keys(results)).toEqual(SIDE_BY_SIDE_RULES);
    expect(results.bp.final.updateAngle.mean).toBeLessThan(1e-3);
    expect(results.bp.final.deltaAngle.mean).toBeLessThan(1e-3);
    for (const k of SIDE_BY_SIDE_RULES.filter((r) => r !== 'bp')) {
      const f = results[k].final;
      expect(f.updateAngle.mean, k).toBeGreaterThan(1);
      expect(f.updateAngle.mean, k).toBeLessThan(120);
      expect(Number.isFinite(f.weightAngle.mean), k).toBe(true);
      expect(f.normRatio.mean, k).toBeGreaterThan(0);
    }
    // 10 prototype classes, chance 90 % error: the rules with a random or learnt B learn them
    // here (sign symmetry's |B| = 1 against |W| ≈ 0.05 swamps a 16-unit layer at η = 1)
    for (const k of ['fa', 'dfa', 'kolen-pollack', 'weight-mirror', 'drtp'])
      expect(results[k].final.testError.mean, k).toBeLessThan(0.2);
    // learnt feedback ends closer to W than FA's fixed B, and so do the updates
    for (const k of ['kolen-pollack', 'weight-mirror']) {
      expect(results[k].final.weightAngle.mean, k).toBeLessThan(results.fa.final.weightAngle.mean - 10);
      expect(results[k].final.updateAngle.mean, k).toBeLessThan(results.fa.final.updateAngle.mean - 10);
    }
    // one hidden layer: DFA's D is FA's B drawn the same way, so the two coincide
    expect(results.dfa.curves.updateAngle).toEqual(results.fa.curves.updateAngle);
    // 784-16-10: the input layer has no feedback matrix, so no angle below the top
    expect(results.fa.curves.weightAngle1?.every(Number.isNaN) ?? true).toBe(true);
  });
});
