import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { withFrozenLayers } from './frozen-layers.js';
import { backprop } from './rules/backprop.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend({ kernels: 'js' });

function setUp(trackBackprop: boolean) {
  const net = createNetwork(backend, {
    rng: new Rng(1),
    init: uniformInit(0.5),
    layers: [
      { in: 2, out: 3, activation: 'tanh' },
      { out: 2, activation: 'linear' },
    ],
  });
  return createTrainer(net, feedbackAlignment(), {
    loss: 'mse',
    learningRate: 0.1,
    rng: new Rng(2),
    trackBackprop,
  });
}

describe('Trainer.lastStep', () => {
  it('is refused before any step, by name', () => {
    expect(() => setUp(false).lastStep).toThrow(OptionError);
    expect(() => setUp(false).lastStep).toThrow(/lastStep: no step has run yet/);
  });

  it("holds the batch's loss and output error measured before the update (½Σe² per example)", async () => {
    const trainer = setUp(false);
    const x = new Float32Array([0.5, -1, 2, 0.25]);
    const y = new Float32Array([1, 0, -0.5, 0.75]);
    const before = trainer.predict(x, 2).readSync().slice();
    trainer.step(x, y, 2);
    const e = Array.from(y, (t, i) => t - before[i]);
    const expected = (0.5 * e.reduce((s, v) => s + v * v, 0)) / 2;
    expect(await trainer.lastStep.loss()).toBeCloseTo(expected, 6);
    const error = trainer.lastStep.outputError.readSync();
    for (const [i, v] of e.entries()) expect(error[i]).toBeCloseTo(v, 6);
  });

  it('is one view per batch size, read-only, whose tensors the next step refreshes', () => {
    const trainer = setUp(false);
    const x = new Float32Array([0.5, -1]);
    trainer.step(x, new Float32Array([1, 0]), 1);
    const view = trainer.lastStep;
    const first = view.deltas[1]?.readSync().slice();
    trainer.step(x, new Float32Array([-1, 2]), 1);
    expect(trainer.lastStep).toBe(view);
    expect(Object.isFrozen(view.deltas)).toBe(true);
    expect(view.deltas[1]?.readSync()).not.toEqual(first);
  });

  it("refuses backprop's signals without trackBackprop, and gives them with it", () => {
    const plain = setUp(false);
    plain.step(new Float32Array([1, 1]), new Float32Array([0, 0]), 1);
    expect(() => plain.lastStep.backpropDeltas).toThrow(/trackBackprop: true/);
    expect(() => plain.lastStep.backpropModulators).toThrow(/trackBackprop: true/);
    const tracked = setUp(true);
    tracked.step(new Float32Array([1, 1]), new Float32Array([0, 0]), 1);
    expect(tracked.lastStep.backpropDeltas).toHaveLength(2);
    // the output layer's signal is the same for every rule: backprop's reference equals FA's δ_L
    expect(tracked.lastStep.backpropDeltas[1].readSync()).toEqual(tracked.lastStep.deltas[1]?.readSync());
  });

  it('reports null deltas for layers the rule does not teach and no modulators for backprop', () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      layers: [{ in: 2, out: 2, activation: 'linear' }],
    });
    const trainer = createTrainer(net, backprop(), { loss: 'mse', learningRate: 0.1, rng: new Rng(2) });
    trainer.step(new Float32Array([1, 2]), new Float32Array([0, 1]), 1);
    expect(trainer.lastStep.deltas).toHaveLength(1);
    expect(trainer.lastStep.modulators).toEqual([null]);
  });

  // fig5's three phases freeze and unfreeze layers through withFrozenLayers mid-run: a view that
  // fixed `teaches` when it was made reported the first phase's layers for the whole run
  it('follows a rule that stops teaching a layer mid-run', () => {
    let frozen = new Set<number>();
    const net = createNetwork(backend, {
      rng: new Rng(1),
      layers: [
        { in: 2, out: 3, activation: 'tanh' },
        { out: 2, activation: 'linear' },
      ],
    });
    const rule = withFrozenLayers(feedbackAlignment(), () => frozen);
    const trainer = createTrainer(net, rule, { loss: 'mse', learningRate: 0.1, rng: new Rng(2) });
    const x = new Float32Array([1, -1]);
    const y = new Float32Array([0, 1]);
    trainer.step(x, y, 1);
    expect(trainer.lastStep.deltas.map((d) => d !== null)).toEqual([true, true]);
    frozen = new Set([0]);
    trainer.step(x, y, 1);
    expect(trainer.lastStep.deltas.map((d) => d !== null)).toEqual([false, true]);
    frozen = new Set();
    trainer.step(x, y, 1);
    expect(trainer.lastStep.deltas.map((d) => d !== null)).toEqual([true, true]);
  });
});
