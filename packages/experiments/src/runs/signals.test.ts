import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, zerosInit } from '@rfa/layers';
import { createTrainer, feedbackAlignment } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { alignmentCondition, finiteMean, signalAngle, weightUpdateAngle } from './signals.js';

const backend = createCpuBackend({ kernels: 'js' });

function trainer() {
  const net = createNetwork(backend, {
    rng: new Rng(1),
    init: zerosInit(),
    layers: [
      { in: 2, out: 2, activation: 'linear' },
      { out: 2, activation: 'linear' },
    ],
  });
  backend.write(net.layers[0].weights, [1, 0, 0, 1]);
  backend.write(net.layers[1].weights, [1, 0, 0, 1]); // W = I
  const t = createTrainer(net, feedbackAlignment(), {
    loss: 'mse',
    learningRate: 1e-9,
    rng: new Rng(2),
    trackBackprop: true,
  });
  const b = t.rule.feedback()[0].tensor;
  backend.write(b, [0, 1, 1, 0]); // B swaps the two outputs
  return { t, b: Float32Array.from([0, 1, 1, 0]) };
}

describe('signal measurements, hand-worked on a 2-2-2 linear net with W = I and B = [[0,1],[1,0]]', () => {
  it('signalAngle averages the per-example angles between B e and Wᵀ e', async () => {
    const { t } = trainer();
    // rows: x = (1, 0) with y* = 0 → e = (−1, 0), B e = (0, −1): 90°; x = (1, 1), y* = 0 → e = (−1, −1), B e = e: 0°
    t.step(Float32Array.from([1, 0, 1, 1]), new Float32Array(4), 2);
    expect(await signalAngle(t, 0)).toBeCloseTo(45, 10);
  });

  it('weightUpdateAngle compares the rule’s update of W0 with backprop’s over the batch', async () => {
    const { t } = trainer();
    t.step(Float32Array.from([1, 0, 1, 1]), new Float32Array(4), 2);
    // FA: Σ δ xᵀ = (0, −1)ᵀ(1, 0) + (−1, −1)ᵀ(1, 1) = [[−1, −1], [−2, −1]]
    // BP: (−1, 0)ᵀ(1, 0) + (−1, −1)ᵀ(1, 1) = [[−2, −1], [−1, −1]]; dot 6, norms √7 → acos(6/7)
    expect(await weightUpdateAngle(t, 0)).toBeCloseTo((Math.acos(6 / 7) * 180) / Math.PI, 4);
    expect((Math.acos(6 / 7) * 180) / Math.PI).toBeCloseTo(31.0027, 4);
    // the output layer's update is backprop's for FA: the same δ and inputs
    expect(await weightUpdateAngle(t, 1)).toBe(0);
  });

  it('alignmentCondition is eᵀ W B e per example', async () => {
    const { t, b } = trainer();
    t.step(Float32Array.from([1, 0, 1, 1]), new Float32Array(4), 2);
    // e = (−1, 0): W B e = (0, −1), eᵀ(...) = 0; e = (−1, −1): eᵀ e = 2
    const [first, second] = await alignmentCondition(t, b);
    expect(first).toBeCloseTo(0, 8);
    expect(second).toBeCloseTo(2, 8);
  });

  it('finiteMean skips NaN', () => {
    expect(finiteMean([1, Number.NaN, 3])).toBe(2);
    expect(finiteMean([Number.NaN])).toBeNaN();
  });
});
