import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { OptionError, Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import type { RuleFactory } from '../rule.js';
import { stepW0, TINY_TARGET, TINY_W1, TINY_X, tinyForward, tinyNet } from '../testing/tiny-net.js';
import { xorTaskError } from '../testing/xor-task.js';
import { createTrainer } from '../trainer.js';
import { signConcordant } from './sign-concordant.js';
import { signSymmetry } from './sign-symmetry.js';

const backend = createCpuBackend();
const ETA = 0.1;

/** One step of `rule` on the tiny net; W0 after it and the trainer (for more steps). */
function oneStep(rule: RuleFactory, seed: number) {
  const trainer = createTrainer(tinyNet(backend), rule, {
    loss: 'mse',
    learningRate: ETA,
    rng: new Rng(seed),
  });
  trainer.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);
  return { w0: trainer.network.layers[0].weights.readSync(), trainer };
}

/** δ0 = (Bᵀ e) ∘ f′ for B ([2, 3], W1's layout) on the tiny net (linear output: δ_out = e). */
function hiddenDelta(b: number[]): number[] {
  const { e, derivative } = tinyForward();
  return [0, 1, 2].map((i) => (b[i] * e[0] + b[3 + i] * e[1]) * derivative[i]);
}

/** The magnitudes |M| a U[-0.5, 0.5] draw of 6 entries gives, from the rng's stream. */
const drawMagnitudes = (rng: Rng) =>
  Array.from({ length: 6 }, () => Math.abs(Math.fround(-0.5 + rng.uniform())));

describe('sign-concordant feedback: one hand-worked step on a 2-3-2 net', () => {
  it('uSF: B = scale · sign(W1)', () => {
    const { w0 } = oneStep(signConcordant({ scale: 2 }), 1);
    const b = TINY_W1.map((w) => 2 * Math.sign(w));
    expectClose(w0, stepW0(hiddenDelta(b), ETA), { atol: 1e-7, rtol: 1e-6 });
  });

  it('frSF: B = sign(W1) ∘ |M|, M drawn once from the rule’s rng and kept', () => {
    const { w0, trainer } = oneStep(signConcordant({ magnitude: 'fixed' }), 7);
    const m = drawMagnitudes(new Rng(7));
    const b = TINY_W1.map((w, i) => Math.sign(w) * m[i]);
    expectClose(w0, stepW0(hiddenDelta(b), ETA), { atol: 1e-7, rtol: 1e-6 });
    // the next step reads the signs of W1 as the first step left it
    const w1 = trainer.network.layers[1].weights.readSync();
    trainer.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);
    const used = trainer.rule.feedback()[0].tensor.readSync();
    expectClose(
      used,
      Array.from(w1, (w, i) => Math.sign(w) * m[i]),
      { atol: 1e-7, rtol: 0 },
    );
  });

  it('brSF: |M| redrawn before every step (bind draws one, each step the next)', () => {
    const { w0, trainer } = oneStep(signConcordant({ magnitude: 'batchwise' }), 9);
    const rng = new Rng(9);
    drawMagnitudes(rng); // the draw at bind, which only fills feedback() before the first step
    const first = drawMagnitudes(rng);
    const b = TINY_W1.map((w, i) => Math.sign(w) * first[i]);
    expectClose(w0, stepW0(hiddenDelta(b), ETA), { atol: 1e-7, rtol: 1e-6 });
    const second = drawMagnitudes(rng);
    trainer.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);
    const used = trainer.rule.feedback()[0].tensor.readSync();
    expectClose(Array.from(used, Math.abs), second, { atol: 1e-7, rtol: 0 });
  });
});

describe('sign-concordant feedback', () => {
  it('the uniform variant with scale 1 takes exactly the steps of signSymmetry', () => {
    const run = (rule: RuleFactory) => {
      const net = createNetwork(backend, {
        rng: new Rng(3),
        init: uniformInit(0.3),
        layers: [
          { in: 5, out: 6, activation: 'tanh' },
          { out: 4, activation: 'tanh' },
          { out: 3, activation: 'linear' },
        ],
      });
      const t = createTrainer(net, rule, { loss: 'mse', learningRate: 0.05, rng: new Rng(4) });
      const data = new Rng(5);
      for (let s = 0; s < 10; s++) t.step(randomArray(data, [2, 5]), randomArray(data, [2, 3]), 2);
      return net.layers.map((l) => Array.from(l.weights.readSync()));
    };
    expect(run(signConcordant({ magnitude: 'uniform' }))).toEqual(run(signSymmetry()));
  });

  it.each([
    ['uniform', 0.3],
    ['batchwise', 0.3],
    ['fixed', 0.3],
  ] as const)('%s learns the 4-class teacher task (error well under chance, 0.75)', (magnitude, bound) => {
    expect(xorTaskError(backend, signConcordant({ magnitude }))).toBeLessThan(bound);
  });

  it('refuses a bad magnitude or scale by name', () => {
    expect(() => signConcordant({ magnitude: 'random' as never })).toThrow(OptionError);
    expect(() => signConcordant({ magnitude: 'random' as never })).toThrow(/magnitude/);
    expect(() => signConcordant({ scale: 0 })).toThrow(/scale must be a positive number, got 0/);
  });
});
