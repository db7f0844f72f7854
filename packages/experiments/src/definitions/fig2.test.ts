import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, zerosInit } from '@rfa/layers';
import { createTrainer, type RuleFactory } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { createRule } from '../rules/rule-registry.js';
import { fig2, fig2Rule } from './fig2.js';

const backend = createCpuBackend({ kernels: 'js' });
const ETA = 0.1;

/**
 * One online step of a 2-2-2 linear net (fig2's network, small) under `rule`, from
 * W0 = [[1, 0], [0, 2]], W = [[1, 0], [0, 1]], zero biases, on x = (1, 1) with y* = (0, 3):
 * h = (1, 2), y = (1, 2), e = y* − y = (−1, 1). Returns the output layer's weights and bias after it.
 */
function outputAfterOneStep(rule: RuleFactory) {
  const net = createNetwork(backend, {
    rng: new Rng(1),
    init: zerosInit(),
    layers: [
      { in: 2, out: 2, activation: 'linear' },
      { out: 2, activation: 'linear' },
    ],
  });
  backend.write(net.layers[0].weights, [1, 0, 0, 2]);
  backend.write(net.layers[1].weights, [1, 0, 0, 1]);
  const t = createTrainer(net, rule, { loss: 'mse', learningRate: ETA, rng: new Rng(3) });
  t.step(Float32Array.from([1, 1]), Float32Array.from([0, 3]), 1);
  const out = [...net.layers[1].weights.readSync()];
  const bias = [...net.layers[1].bias.readSync()];
  t.dispose();
  net.dispose();
  return { out, bias };
}

// ΔW = η e hᵀ = 0.1 · [[−1·1, −1·2], [1·1, 1·2]], Δb = η e
const E_HT = [1 - 0.1, -0.2, 0.1, 1 + 0.2];
const E = [-0.1, 0.1];

describe('fig2: the output layer of every rule learns by ΔW = η e hᵀ (the Methods: "for all three algorithms")', () => {
  it.each(Object.keys(fig2.rules))('%s', (key) => {
    const { out, bias } = outputAfterOneStep(fig2Rule(fig2.defaults, key));
    // Kolen–Pollack included: its default decay reading ('shared') adds no decay of W's own
    for (const [i, w] of out.entries()) expect(w, `${key} W[${i}]`).toBeCloseTo(E_HT[i], 6);
    for (const [i, b] of bias.entries()) expect(b, `${key} b[${i}]`).toBeCloseTo(E[i], 6);
  });

  it("Kolen–Pollack's former reading ('extra') also shrinks W by (1 − η λ_KP), λ_KP = 1e-3", () => {
    const { out } = outputAfterOneStep(createRule('kolen-pollack', { decayReading: 'extra' }));
    for (const [i, w] of out.entries()) expect(w, `W[${i}]`).toBeCloseTo(E_HT[i] * (1 - ETA * 1e-3), 6);
  });

  it("node perturbation defaults to the Methods' version; perturb 'all' (the named option) moves the output layer by noise instead", () => {
    expect(fig2.defaults.nodePerturbation.perturb).toBe('hidden');
    const all = resolveConfig(fig2, { overrides: { 'nodePerturbation.perturb': 'all' } });
    const { out } = outputAfterOneStep(fig2Rule(all, 'node-perturbation'));
    const gap = Math.max(...out.map((w, i) => Math.abs(w - E_HT[i])));
    expect(gap).toBeGreaterThan(1e-3);
  });
});
