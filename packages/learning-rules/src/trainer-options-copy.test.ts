import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { createTrainer, type TrainerOptions } from './trainer.js';

// Before the fix, setLearningRate wrote into the options literal the caller passed, so two
// trainers built from one literal changed each other's rate.
describe('trainer options are the trainer’s own', () => {
  const backend = createCpuBackend({ kernels: 'js' });
  const net = () =>
    createNetwork(backend, {
      rng: new Rng(1),
      init: uniformInit(0.1),
      layers: [
        { in: 3, out: 4, activation: 'tanh' },
        { out: 2, activation: 'linear' },
      ],
    });

  it('setLearningRate on one trainer leaves the shared literal and the other trainer alone', () => {
    const shared: TrainerOptions = { loss: 'mse', learningRate: 0.1, rng: new Rng(2) };
    const a = createTrainer(net(), feedbackAlignment(), shared);
    const b = createTrainer(net(), feedbackAlignment(), shared);
    a.setLearningRate(0.5);
    expect(a.options.learningRate).toBe(0.5);
    expect(b.options.learningRate).toBe(0.1);
    expect(shared.learningRate).toBe(0.1);
  });

  it('the rate set is the rate the update uses: one step of W matches η·δᵀx', () => {
    const shared: TrainerOptions = { loss: 'mse', learningRate: 0.1, rng: new Rng(2) };
    const x = Float32Array.from([0.3, -0.2, 0.5]);
    const y = Float32Array.from([0.4, -0.1]);
    const deltaW = (rate: number | null) => {
      const t = createTrainer(net(), feedbackAlignment(), shared);
      if (rate !== null) t.setLearningRate(rate);
      const before = t.network.layers[1].weights.readSync();
      t.step(x, y, 1);
      const after = t.network.layers[1].weights.readSync();
      return after.map((v, i) => v - before[i]);
    };
    const base = deltaW(null);
    const doubled = deltaW(0.2);
    // the output layer's step is linear in η: doubling η doubles it
    for (let i = 0; i < base.length; i++) expect(doubled[i]).toBeCloseTo(2 * base[i], 6);
    expect(Math.max(...base.map(Math.abs))).toBeGreaterThan(1e-4);
  });

  it('steps is read-only from outside', () => {
    const t = createTrainer(net(), feedbackAlignment(), { loss: 'mse', learningRate: 0.1, rng: new Rng(2) });
    t.step(new Float32Array(3), new Float32Array(2), 1);
    expect(t.steps).toBe(1);
    expect(() => {
      (t as { steps: number }).steps = 7;
    }).toThrow(TypeError);
    expect(t.steps).toBe(1);
  });
});
