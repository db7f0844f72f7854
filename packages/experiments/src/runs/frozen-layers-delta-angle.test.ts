import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, type LayerConfig, zerosInit } from '@rfa/layers';
import { createTrainer, feedbackAlignment, withFrozenLayers } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { signalAngle } from './signals.js';

// Regression: withFrozenLayers dropped the rule's `modulated` flag, so fig5c and figS6 measured
// the delta angle after the hidden derivative (δ = m ∘ f′) while Figs 2b/3b measured it before.

const backend = createCpuBackend({ kernels: 'js' });

const degrees = (a: number[], b: number[]) => {
  const dot = a.reduce((s, v, i) => s + v * b[i], 0);
  const norm = (v: number[]) => Math.hypot(...v);
  return (Math.acos(dot / (norm(a) * norm(b))) * 180) / Math.PI;
};

/** A tanh net with the given weights (row-major [out, in]), FA in the paper's form with `frozen` layers. */
function frozenTrainer(layers: LayerConfig[], weights: number[][], frozen: number[]) {
  const net = createNetwork(backend, { rng: new Rng(1), init: zerosInit(), layers });
  for (const [l, w] of weights.entries()) backend.write(net.layers[l].weights, w);
  const set = new Set(frozen);
  return createTrainer(
    net,
    withFrozenLayers(feedbackAlignment({ form: 'paper' }), () => set),
    {
      loss: 'mse',
      learningRate: 1e-9,
      rng: new Rng(2),
      trackBackprop: true,
    },
  );
}

// B = [[1, 2], [0, 1]] ([hidden, out]), so B e = (e0 + 2 e1, e1); W of the top layer [[1, 0], [1, 1]], so Wᵀ e = (e0 + e1, e1)
const B = [1, 2, 0, 1];
const W_TOP = [1, 0, 1, 1];
const Be = (e: number[]) => [e[0] + 2 * e[1], e[1]];
const WTe = (e: number[]) => [e[0] + e[1], e[1]];
const derivative = (h: number[]) => h.map((v) => 1 - v * v);

describe('the delta angle of a frozen-layer trainer is taken before the hidden derivative', () => {
  it("2-2-2, output layer frozen (fig5c's phases 1 and 3): angle(B e, Wᵀ e), not angle(B e ∘ f′, Wᵀ e ∘ f′)", async () => {
    const t = frozenTrainer(
      [
        { in: 2, out: 2, activation: 'tanh' },
        { out: 2, activation: 'linear' },
      ],
      [[0.5, 0, 0, 2], W_TOP],
      [1],
    );
    backend.write(t.rule.feedback().find((f) => f.layer === 1)!.tensor, B);
    t.step(Float32Array.from([1, 1]), Float32Array.from([1, 0]), 1);
    // x = (1, 1): a = (0.5, 2), h = tanh(a); y = W h = (h0, h0 + h1); e = y* − y
    const h = [Math.tanh(0.5), Math.tanh(2)];
    const e = [1 - h[0], 0 - (h[0] + h[1])];
    const before = degrees(Be(e), WTe(e));
    const fp = derivative(h);
    const after = degrees(
      Be(e).map((v, i) => v * fp[i]),
      WTe(e).map((v, i) => v * fp[i]),
    );
    expect(Math.abs(before - after)).toBeGreaterThan(5); // the two definitions differ here
    expect(await signalAngle(t, 0)).toBeCloseTo(before, 3);
    expect(await signalAngle(t, 1)).toBeNull(); // the frozen layer is not taught
    t.dispose();
  });

  it("2-2-2-2, W0 frozen (figS6): the top hidden layer's angle is angle(B2 e, W2ᵀ e)", async () => {
    const t = frozenTrainer(
      [
        { in: 2, out: 2, activation: 'tanh' },
        { out: 2, activation: 'tanh' },
        { out: 2, activation: 'linear' },
      ],
      [[1, 0, 0, 1], [0.5, 0, 0, 3], W_TOP],
      [0],
    );
    backend.write(t.rule.feedback().find((f) => f.layer === 2)!.tensor, B);
    t.step(Float32Array.from([1, 1]), Float32Array.from([1, 0]), 1);
    const h1 = [Math.tanh(1), Math.tanh(1)];
    const h2 = [Math.tanh(0.5 * h1[0]), Math.tanh(3 * h1[1])];
    const e = [1 - h2[0], 0 - (h2[0] + h2[1])];
    const before = degrees(Be(e), WTe(e));
    const fp = derivative(h2);
    const after = degrees(
      Be(e).map((v, i) => v * fp[i]),
      WTe(e).map((v, i) => v * fp[i]),
    );
    expect(Math.abs(before - after)).toBeGreaterThan(5);
    expect(await signalAngle(t, 1)).toBeCloseTo(before, 3);
    expect(await signalAngle(t, 0)).toBeNull();
    t.dispose();
  });
});
