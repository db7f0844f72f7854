import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend({ kernels: 'js' });

/**
 * Feedback alignment through one conv layer, worked by hand. A 1×4 image, one channel:
 * conv0 (1×1 kernel, W0 = [1]) → conv1 (1×2 kernel, W1 = [1, −1]) → dense (W2 = [1, 2, 3]),
 * every unit linear, biases 0, squared error.
 *
 * Forward: x = [1, 2, 3, 4]; h0 = x; h1 = [1−2, 2−3, 3−4] = [−1, −1, −1];
 * y = −1 − 2 − 3 = −6; target 0, so e = δ2 = 0 − (−6) = 6.
 *
 * FA, B2 = [0.5, −1, 2] (Wᵀ's layout [3, 1]): m1 = δ2 · B2 = [3, −6, 12] = δ1.
 * B1, the random kernel [2, 3] (held as Wᵀ's layout [2, 1]): each output position p sends
 * δ1[p]·[2, 3] to input pixels p and p + 1 (col2im), so
 *   m0 = [3·2, 3·3 + (−6)·2, (−6)·3 + 12·2, 12·3] = [6, −3, 6, 36] = δ0.
 * (Backprop, through W1 = [1, −1], would give [3, −3 − 6, 6 + 12, −12] = [3, −9, 18, −12].)
 *
 * Updates (batch 1, η = 0.01): ΔW1 = η Σ_p δ1[p] · [h0[p], h0[p+1]]
 *   = η (3·[1, 2] − 6·[2, 3] + 12·[3, 4]) = η [27, 36], Δb1 = η (3 − 6 + 12) = 9η;
 * ΔW0 = η Σ_p δ0[p] x[p] = η (6 − 6 + 18 + 144) = 162η, Δb0 = η (6 − 3 + 6 + 36) = 45η;
 * ΔW2 = η δ2 h1 = η [−6, −6, −6], Δb2 = 6η.
 */
describe('feedback alignment through one conv layer (hand-worked)', () => {
  it('carries the error down by the transposed convolution with B and updates W by Σ δ ⊗ patches', () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      inputShape: [1, 4, 1],
      layers: [
        { type: 'conv', out: 1, kernel: 1, activation: 'linear' },
        { type: 'conv', out: 1, kernel: [1, 2], activation: 'linear' },
        { out: 1, activation: 'linear' },
      ],
    });
    const [l0, l1, l2] = net.layers;
    backend.write(l0.weights, [1]);
    backend.write(l1.weights, [1, -1]);
    backend.write(l2.weights, [1, 2, 3]);
    for (const l of net.layers) backend.fill(l.bias, 0);
    const eta = 0.01;
    const trainer = createTrainer(net, feedbackAlignment({ form: 'chained' }), {
      loss: 'mse',
      learningRate: eta,
      rng: new Rng(2),
    });
    const feedback = trainer.rule.feedback();
    const b1 = feedback.find((f) => f.layer === 1)!;
    const b2 = feedback.find((f) => f.layer === 2)!;
    expect([b1.layout, b1.tensor.shape, b2.tensor.shape]).toEqual(['transposed', [2, 1], [3, 1]]);
    backend.write(b1.tensor, [2, 3]);
    backend.write(b2.tensor, [0.5, -1, 2]);

    trainer.step(Float32Array.from([1, 2, 3, 4]), Float32Array.from([0]), 1);
    const step = trainer.lastStep;
    expect(Array.from(step.cache.output.readSync())).toEqual([-6]);
    expect(Array.from(step.deltas[1]!.readSync())).toEqual([3, -6, 12]);
    expect(Array.from(step.deltas[0]!.readSync())).toEqual([6, -3, 6, 36]);
    const close = (t: { readSync(): Float32Array }, want: number[]) => {
      for (const [i, v] of t.readSync().entries()) expect(v).toBeCloseTo(want[i], 5);
    };
    close(l1.weights, [1 + 27 * eta, -1 + 36 * eta]);
    close(l1.bias, [9 * eta]);
    close(l0.weights, [1 + 162 * eta]);
    close(l0.bias, [45 * eta]);
    close(l2.weights, [1 - 6 * eta, 2 - 6 * eta, 3 - 6 * eta]);
    close(l2.bias, [6 * eta]);
    trainer.dispose();
    net.dispose();
  });

  it('the same network under backprop sends [3, −9, 18, −12] down instead (W1 in place of B1)', async () => {
    const { backprop } = await import('./rules/backprop.js');
    const net = createNetwork(backend, {
      rng: new Rng(1),
      inputShape: [1, 4, 1],
      layers: [
        { type: 'conv', out: 1, kernel: 1, activation: 'linear' },
        { type: 'conv', out: 1, kernel: [1, 2], activation: 'linear' },
        { out: 1, activation: 'linear' },
      ],
    });
    backend.write(net.layers[0].weights, [1]);
    backend.write(net.layers[1].weights, [1, -1]);
    backend.write(net.layers[2].weights, [0.5, -1, 2]); // so that δ1 = 6·[0.5, −1, 2] = [3, −6, 12] again
    for (const l of net.layers) backend.fill(l.bias, 0);
    const trainer = createTrainer(net, backprop(), { loss: 'mse', learningRate: 0.01, rng: new Rng(2) });
    // y = 0.5·(−1) − (−1) + 2·(−1) = −1.5; target 4.5 makes e = 6
    trainer.step(Float32Array.from([1, 2, 3, 4]), Float32Array.from([4.5]), 1);
    expect(Array.from(trainer.lastStep.deltas[1]!.readSync())).toEqual([3, -6, 12]);
    expect(Array.from(trainer.lastStep.deltas[0]!.readSync())).toEqual([3, -9, 18, -12]);
    trainer.dispose();
    net.dispose();
  });
});
