import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, normalInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { expectClose, randomArray, refActivationDerivative } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { directFeedbackAlignment } from './rules/direct-feedback-alignment.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend({ kernels: 'js' });

describe('DFA onto a conv layer with max pooling', () => {
  it('projects the output signal onto the convolution’s output before pooling: δ0 = (δ_L · D0ᵀ) ∘ f′(a0)', () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      inputShape: [6, 6, 1],
      init: normalInit(0.5),
      layers: [
        { type: 'conv', out: 2, kernel: 3, activation: 'tanh' }, // 4×4×2 = 32 units
        { type: 'maxPool', size: 2 }, // → 2×2×2 = 8 outputs
        { out: 3, activation: 'softmax' },
      ],
    });
    const trainer = createTrainer(net, directFeedbackAlignment(), {
      loss: 'softmax-ce',
      learningRate: 1e-6,
      rng: new Rng(2),
    });
    const d = trainer.rule.feedback().find((f) => f.layer === 0)!;
    expect([d.layout, d.tensor.shape]).toEqual(['direct', [32, 3]]);
    const batch = 2;
    const x = randomArray(new Rng(3), [batch, 36]);
    const y = Float32Array.from([1, 0, 0, 0, 0, 1]);
    trainer.step(x, y, batch);
    const step = trainer.lastStep;
    const top = step.deltas[1]!.readSync();
    const dv = d.tensor.readSync();
    const fPrime = refActivationDerivative(step.cache.pre[0].readSync(), 'tanh');
    const want = new Float64Array(batch * 32);
    for (let r = 0; r < batch; r++)
      for (let u = 0; u < 32; u++) {
        let m = 0;
        for (let k = 0; k < 3; k++) m += top[r * 3 + k] * dv[u * 3 + k];
        want[r * 32 + u] = m * fPrime[r * 32 + u];
      }
    expect(step.deltas[0]!.shape).toEqual([batch, 32]);
    expectClose(step.deltas[0]!.readSync(), want, { atol: 1e-6, rtol: 1e-5 }, 'δ0');
    trainer.dispose();
    net.dispose();
  });
});
