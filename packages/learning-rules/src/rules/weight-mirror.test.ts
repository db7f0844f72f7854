import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { angleDegrees } from '@rfa/metrics';
import { OptionError, Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { transpose } from '../testing/reference-network.js';
import { stepW0, TINY_TARGET, TINY_W1, TINY_X, tinyForward, tinyNet } from '../testing/tiny-net.js';
import { xorTaskError } from '../testing/xor-task.js';
import { createTrainer } from '../trainer.js';
import { weightMirror } from './weight-mirror.js';

const backend = createCpuBackend();

describe('weight mirror: one hand-worked step on a 2-3-2 net', () => {
  it('engaged mode sends e down through B; mirror mode then moves B by η_B/n ξᵀ(ξ W1ᵀ) − λ B', () => {
    const [eta, etaB, sigma, decay, n] = [0.1, 0.1, 0.5, 0.2, 2];
    const rule = weightMirror({
      mirrorLearningRate: etaB,
      noiseScale: sigma,
      mirrorDecay: decay,
      mirrorBatch: n,
    });
    const trainer = createTrainer(tinyNet(backend), rule, {
      loss: 'mse',
      learningRate: eta,
      rng: new Rng(11),
    });
    trainer.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);

    // the rule's rng stream: B ([3, 2], Wᵀ's layout) ~ U[-0.5, 0.5], then the noise ξ [n, 3] ~ N(0, σ²)
    const rng = new Rng(11);
    const b = Array.from({ length: 6 }, () => Math.fround(-0.5 + rng.uniform()));
    const xi = Array.from({ length: n * 3 }, () => Math.fround(sigma * rng.normal()));

    const { h, e, derivative } = tinyForward();
    const delta0 = [0, 1, 2].map((i) => (b[2 * i] * e[0] + b[2 * i + 1] * e[1]) * derivative[i]);
    expectClose(trainer.network.layers[0].weights.readSync(), stepW0(delta0, eta), {
      atol: 1e-7,
      rtol: 1e-6,
    });
    // W1 after its own delta-rule step: W1 + η e hᵀ
    const w1 = TINY_W1.map((w, idx) => w + eta * e[Math.floor(idx / 3)] * h[idx % 3]);
    expectClose(trainer.network.layers[1].weights.readSync(), w1, { atol: 1e-7, rtol: 1e-6 });

    // mirror mode on the updated W1: y_r = W1 ξ_r, B[i][k] ← (1 − λ) B[i][k] + η_B/n Σ_r ξ_r[i] y_r[k]
    const expected = b.map((bik, idx) => {
      const [i, k] = [Math.floor(idx / 2), idx % 2];
      let s = 0;
      for (let r = 0; r < n; r++) {
        const y = w1[3 * k] * xi[3 * r] + w1[3 * k + 1] * xi[3 * r + 1] + w1[3 * k + 2] * xi[3 * r + 2];
        s += xi[3 * r + i] * y;
      }
      return (1 - decay) * bik + (etaB / n) * s;
    });
    expectClose(trainer.rule.feedback()[0].tensor.readSync(), expected, { atol: 1e-6, rtol: 1e-5 });
  });
});

describe('weight mirror', () => {
  it('with W held still, B lines up with Wᵀ at the gain η_B σ² / λ_WM', () => {
    const net = createNetwork(backend, {
      rng: new Rng(2),
      init: uniformInit(0.5),
      layers: [
        { in: 6, out: 12, activation: 'tanh' },
        { out: 5, activation: 'linear' },
      ],
    });
    const rule = weightMirror({
      mirrorLearningRate: 0.02,
      noiseScale: 2,
      mirrorDecay: 0.04,
      mirrorBatch: 16,
    });
    // a learning rate of 1e-12 leaves W as it is, so only mirror mode changes anything
    const trainer = createTrainer(net, rule, { loss: 'mse', learningRate: 1e-12, rng: new Rng(3) });
    const data = new Rng(4);
    const w = net.layers[1].weights.readSync();
    const wT = transpose(w, 5, 12);
    const b0 = trainer.rule.feedback()[0].tensor.readSync();
    expect(angleDegrees(b0, wT)).toBeGreaterThan(60);
    for (let s = 0; s < 600; s++) trainer.step(randomArray(data, [1, 6]), randomArray(data, [1, 5]), 1);
    const b = trainer.rule.feedback()[0].tensor.readSync();
    expect(angleDegrees(b, wT)).toBeLessThan(12);
    const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
    // gain 0.02 · 4 / 0.04 = 2
    expect(norm(b) / norm(wT)).toBeGreaterThan(1.7);
    expect(norm(b) / norm(wT)).toBeLessThan(2.3);
  });

  it('runs mirror mode on its schedule: mirrorSteps times after every mirrorEvery-th step', () => {
    const feedbackAfter = (options: Parameters<typeof weightMirror>[0], steps: number) => {
      const t = createTrainer(tinyNet(backend), weightMirror(options), {
        loss: 'mse',
        learningRate: 1e-12,
        rng: new Rng(5),
      });
      for (let s = 0; s < steps; s++) t.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);
      return Array.from(t.rule.feedback()[0].tensor.readSync());
    };
    const initial = feedbackAfter({}, 0);
    // every 3rd step: nothing yet after 2 steps; after 3 steps the same as one mirror step
    expect(feedbackAfter({ mirrorEvery: 3 }, 2)).toEqual(initial);
    expectClose(feedbackAfter({ mirrorEvery: 3 }, 3), feedbackAfter({}, 1), { atol: 1e-6, rtol: 1e-5 });
    // 2 mirror steps at once after 1 training step = 1 after each of 2 training steps (W still)
    expectClose(feedbackAfter({ mirrorSteps: 2 }, 1), feedbackAfter({}, 2), { atol: 1e-6, rtol: 1e-5 });
  });

  it('learns the two-XOR task (error well under chance, 0.75)', () => {
    expect(xorTaskError(backend, weightMirror())).toBeLessThan(0.3);
  });

  it('refuses bad options by name', () => {
    expect(() => weightMirror({ noiseScale: 0 })).toThrow(OptionError);
    expect(() => weightMirror({ mirrorBatch: 1.5 })).toThrow(
      /mirrorBatch must be a positive integer, got 1.5/,
    );
    expect(() => weightMirror({ mirrorDecay: 1 })).toThrow(/mirrorDecay must be in \[0, 1\), got 1/);
  });
});
