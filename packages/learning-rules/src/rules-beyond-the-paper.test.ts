import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { angleDegrees } from '@rfa/metrics';
import { OptionError, Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { backprop } from './rules/backprop.js';
import { kolenPollack } from './rules/kolen-pollack.js';
import { signSymmetry } from './rules/sign-symmetry.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend();

const net = (seed: number) =>
  createNetwork(backend, {
    rng: new Rng(seed),
    init: uniformInit(0.3),
    layers: [
      { in: 8, out: 16, activation: 'tanh' },
      { out: 4, activation: 'linear' },
    ],
  });

describe('sign symmetry', () => {
  it('feeds back sign(W) and refreshes it after each update', () => {
    const trainer = createTrainer(net(1), signSymmetry(), {
      loss: 'mse',
      learningRate: 0.05,
      rng: new Rng(2),
    });
    const data = new Rng(3);
    for (let s = 0; s < 50; s++) trainer.step(randomArray(data, [2, 8]), randomArray(data, [2, 4]), 2);
    const w = trainer.network.layers[1].weights.readSync();
    const fb = trainer.rule.feedback()[0].tensor.readSync();
    expect(Array.from(fb)).toEqual(Array.from(w, (v) => Math.sign(v)));
    // delta through sign(W) points within 90° of backprop's
    const d = trainer.lastStep.deltas[0]!.readSync();
    const bp = createTrainer(trainer.network, backprop(), {
      loss: 'mse',
      learningRate: 1e-12,
      rng: new Rng(2),
    });
    const x = randomArray(data, [2, 8]);
    const y = randomArray(data, [2, 4]);
    trainer.step(x, y, 2);
    bp.step(x, y, 2);
    expect(
      angleDegrees(trainer.lastStep.deltas[0]!.readSync(), bp.lastStep.deltas[0]!.readSync()),
    ).toBeLessThan(90);
    expect(d.length).toBe(32);
  });
});

describe('Kolen–Pollack', () => {
  it.each([
    ['shared', 0],
    ['extra', 1e-3],
  ] as const)(
    '%s decay: W − K shrinks exactly by (1 − ηλ)(1 − ηλ_KP) per step (λ_KP = %s)',
    (reading, kp) => {
      const [eta, decay, steps] = [0.05, 0.02, 400];
      const trainer = createTrainer(net(4), kolenPollack({ init: uniformInit(0.5), decayReading: reading }), {
        loss: 'mse',
        learningRate: eta,
        weightDecay: decay,
        rng: new Rng(5),
      });
      const w = () => trainer.network.layers[1].weights.readSync();
      const k = () => trainer.rule.feedback()[0].tensor.readSync();
      const diff0 = Float64Array.from(w(), (v, i) => v - k()[i]);
      const before = angleDegrees(w(), k());
      const data = new Rng(6);
      for (let s = 0; s < steps; s++) {
        const x = randomArray(data, [4, 8]);
        const y = new Float32Array(16).map((_, i) => x[Math.floor(i / 4) * 8 + (i % 4)]); // target: each row's first 4 inputs
        trainer.step(x, y, 4);
      }
      // λ_KP: none of the rule's own ('shared', the default), 1e-3 ('extra')
      const factor = ((1 - eta * decay) * (1 - eta * kp)) ** steps;
      const wNow = w();
      const kNow = k();
      expectClose(
        Float64Array.from(wNow, (v, i) => v - kNow[i]),
        diff0.map((d) => d * factor),
        { atol: 1e-5, rtol: 1e-3 },
        'W − K',
      );
      expect(before).toBeGreaterThan(60);
      expect(angleDegrees(wNow, kNow)).toBeLessThan(before);
    },
  );

  const run = (rule: ReturnType<typeof kolenPollack>, steps: number, eta = 0.05) => {
    const trainer = createTrainer(net(4), rule, { loss: 'mse', learningRate: eta, rng: new Rng(5) });
    const w0 = trainer.network.layers[1].weights.readSync();
    const k0 = trainer.rule.feedback()[0].tensor.readSync();
    const data = new Rng(6);
    for (let s = 0; s < steps; s++) {
      const x = randomArray(data, [4, 8]);
      trainer.step(
        x,
        new Float32Array(16).map((_, i) => x[Math.floor(i / 4) * 8 + (i % 4)]),
        4,
      );
    }
    return {
      w0,
      k0,
      w: trainer.network.layers[1].weights.readSync(),
      k: trainer.rule.feedback()[0].tensor.readSync(),
    };
  };

  it('without any decay (no weight decay, no λ_KP) K − W never changes', () => {
    const r = run(kolenPollack({ init: uniformInit(0.5) }), 200);
    expectClose(
      Float64Array.from(r.w, (v, i) => v - r.k[i]),
      Float64Array.from(r.w0, (v, i) => v - r.k0[i]),
      { atol: 1e-5, rtol: 1e-4 },
      'W − K',
    );
    expect(angleDegrees(r.w, r.w0)).toBeGreaterThan(1); // W did learn
  });

  it('with its decay, K converges to W (the feedback becomes backprop’s)', () => {
    const r = run(kolenPollack({ init: uniformInit(0.5), decay: 1 }), 400);
    expect(angleDegrees(r.w0, r.k0)).toBeGreaterThan(60);
    // |W − K| shrinks by (1 − 0.05)^400 ≈ 1e-9 of its start
    expectClose(r.k, r.w, { atol: 1e-6, rtol: 0 }, 'K vs W');
  });

  it('keeps removed feedback entries at zero through every update', () => {
    const r = run(kolenPollack({ init: uniformInit(0.5), removeFraction: 0.5 }), 50);
    const removed = [...r.k0.keys()].filter((i) => r.k0[i] === 0);
    expect(removed.length).toBeGreaterThan(2);
    for (const i of removed) expect(Math.abs(r.k[i])).toBe(0);
    expect(r.k.some((v, i) => v !== r.k0[i] && r.k0[i] !== 0)).toBe(true);
  });
});

describe('trainer options', () => {
  it('refuses a softmax output with mse, and bad learning rates, by name', () => {
    const n = createNetwork(backend, { rng: new Rng(1), layers: [{ in: 3, out: 2, activation: 'softmax' }] });
    expect(() => createTrainer(n, backprop(), { loss: 'mse', learningRate: 0.1, rng: new Rng(1) })).toThrow(
      OptionError,
    );
    expect(() =>
      createTrainer(n, backprop(), { loss: 'softmax-ce', learningRate: -1, rng: new Rng(1) }),
    ).toThrow(/learningRate/);
    expect(() =>
      createTrainer(n, backprop(), { loss: 'softmax-ce', learningRate: 0.1, momentum: 1, rng: new Rng(1) }),
    ).toThrow(/momentum/);
  });
});
