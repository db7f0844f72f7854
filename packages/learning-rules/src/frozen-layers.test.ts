import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { withFrozenLayers } from './frozen-layers.js';
import type { RuleFactory } from './rule.js';
import { backprop } from './rules/backprop.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend();

/**
 * A 4-6-5-3 tanh net and a trainer with momentum and weight decay (both must leave
 * frozen layers alone), on fixed data; without `frozen`, the bare rule.
 */
function setup(factory: RuleFactory, frozen?: () => ReadonlySet<number>) {
  const rng = new Rng(7);
  const network = createNetwork(backend, {
    rng,
    init: uniformInit(0.5),
    biasInit: uniformInit(0.1),
    layers: [
      { in: 4, out: 6, activation: 'tanh' },
      { out: 5, activation: 'tanh' },
      { out: 3, activation: 'linear' },
    ],
  });
  const trainer = createTrainer(network, frozen ? withFrozenLayers(factory, frozen) : factory, {
    loss: 'mse',
    learningRate: 0.1,
    momentum: 0.9,
    weightDecay: 1e-3,
    rng,
  });
  const data = new Rng(8);
  const x = Float32Array.from({ length: 8 }, () => data.normal());
  const y = Float32Array.from({ length: 6 }, () => data.normal());
  const snapshot = () => network.layers.map((l) => [l.weights.readSync().slice(), l.bias.readSync().slice()]);
  const train = (steps: number) => {
    for (let s = 0; s < steps; s++) trainer.step(x, y, 2);
  };
  return { network, trainer, snapshot, train };
}

describe.each([
  ['feedback alignment', feedbackAlignment()],
  ['backprop', backprop()],
])('withFrozenLayers over %s', (_name, factory) => {
  it('leaves frozen weights and biases bit-identical while the others learn, following the schedule', () => {
    let frozen: ReadonlySet<number> = new Set([1, 2]);
    const { trainer, snapshot, train } = setup(factory, () => frozen);
    const before = snapshot();
    train(15);
    const mid = snapshot();
    expect(mid[1]).toEqual(before[1]);
    expect(mid[2]).toEqual(before[2]);
    expect(mid[0][0]).not.toEqual(before[0][0]);
    expect(mid[0][1]).not.toEqual(before[0][1]);
    expect(trainer.lastStep.deltas.map((d) => d !== null)).toEqual([true, false, false]);

    frozen = new Set([0]); // the schedule changes: layer 0 stops, 1 and 2 start (momentum of 0 must not leak)
    train(15);
    const after = snapshot();
    expect(after[0]).toEqual(mid[0]);
    expect(after[1][0]).not.toEqual(mid[1][0]);
    expect(after[2][0]).not.toEqual(mid[2][0]);
    trainer.dispose();
  });

  it('changes nothing when no layer is frozen: same weights as the bare rule', () => {
    const wrapped = setup(factory, () => new Set());
    // the bare rule on an identically seeded network and data
    const plain = setup(factory);
    plain.train(10);
    wrapped.train(10);
    expect(wrapped.snapshot()).toEqual(plain.snapshot());
    expect(wrapped.trainer.rule.feedback().length).toBe(plain.trainer.rule.feedback().length);
    // the modulators (signals before each hidden derivative) pass on: the delta angle's definition
    expect(wrapped.trainer.rule.modulated).toBe(true);
    const modulators = (t: typeof plain.trainer) =>
      t.lastStep.modulators.map((m) => m?.readSync().slice() ?? null);
    expect(modulators(wrapped.trainer)).toEqual(modulators(plain.trainer));
    expect(modulators(wrapped.trainer)[0]).not.toBeNull();
    for (const t of [wrapped.trainer, plain.trainer]) t.dispose();
  });
});
