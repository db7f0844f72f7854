import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, type LayerConfig, zerosInit } from '@rfa/layers';
import { type Activation, Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { backprop } from './rules/backprop.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import type { SignalForm } from './rules/propagate.js';
import { createTrainer, type Trainer } from './trainer.js';

const backend = createCpuBackend({ kernels: 'js' });
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Row-major product of an [r, k] and a [k] vector, float64. */
const matVec = (m: number[], rows: number, v: number[]) =>
  Array.from({ length: rows }, (_, i) => v.reduce((s, x, j) => s + m[i * v.length + j] * x, 0));

/** A trainer on the given weights, with FA's B set; one step on (x, y*) at batch 1. */
function stepWith(
  layers: LayerConfig[],
  weights: number[][],
  biases: number[][],
  feedback: number[][],
  form: SignalForm | 'backprop',
  x: number[],
  target: number[],
): Trainer {
  const net = createNetwork(backend, { rng: new Rng(1), init: zerosInit(), layers });
  net.layers.forEach((l, i) => {
    backend.write(l.weights, weights[i]);
    backend.write(l.bias, biases[i]);
  });
  const rule = form === 'backprop' ? backprop() : feedbackAlignment({ form });
  const trainer = createTrainer(net, rule, {
    loss: 'mse',
    learningRate: 0.5,
    rng: new Rng(2),
    trackBackprop: true,
  });
  for (const fb of trainer.rule.feedback()) backend.write(fb.tensor, feedback[fb.layer - 1]);
  trainer.step(Float32Array.from(x), Float32Array.from(target), 1);
  return trainer;
}

// A 2-3-2 logistic network, written out by hand.
const x = [0.6, -0.4];
const W0 = [0.3, -0.2, 0.1, 0.5, -0.4, 0.2]; // [3, 2]
const b0 = [0.05, -0.1, 0.0];
const W1 = [0.7, -0.3, 0.2, -0.5, 0.4, 0.6]; // [2, 3]
const b1 = [0.1, -0.05];
const B1 = [0.9, -0.2, -0.6, 0.3, 0.25, 0.8]; // [3, 2], the shape of W1ᵀ
const yStar = [1, 0];

function handWorked() {
  const aH = matVec(W0, 3, x).map((v, i) => v + b0[i]);
  const h = aH.map(sigmoid);
  const fPrime = h.map((v) => v * (1 - v));
  const aOut = matVec(W1, 2, h).map((v, i) => v + b1[i]);
  const y = aOut.map(sigmoid);
  const e = yStar.map((t, i) => t - y[i]);
  const deltaOut = e.map((v, i) => v * y[i] * (1 - y[i]));
  // B is [3, 2]: (B v)_j = Σ_k B[j, k] v_k
  const bTimes = (v: number[]) => matVec(B1, 3, v);
  const chainedM = bTimes(deltaOut);
  const paperM = bTimes(e);
  return {
    deltaOut,
    chained: { m: chainedM, delta: chainedM.map((v, j) => v * fPrime[j]) },
    paper: { m: paperM, delta: paperM.map((v, j) => v * fPrime[j]) },
    bpM: [0, 1, 2].map((j) => deltaOut.reduce((s, d, k) => s + W1[k * 3 + j] * d, 0)),
  };
}

const layers: LayerConfig[] = [
  { in: 2, out: 3, activation: 'logistic' },
  { out: 2, activation: 'logistic' },
];

describe("feedback alignment's two forms, on a hand-worked 2-3-2 logistic network", () => {
  const ref = handWorked();
  for (const form of ['chained', 'paper'] as const) {
    it(`${form}: the hidden modulator is ${form === 'chained' ? 'B (e ∘ g′)' : 'B e (the raw error)'} and δ = m ∘ f′; the update is η δ xᵀ`, () => {
      const t = stepWith(layers, [W0, W1], [b0, b1], [B1], form, x, yStar);
      expectClose(t.lastStep.modulators[0]!.readSync(), ref[form].m, { atol: 1e-6, rtol: 1e-5 }, 'modulator');
      expectClose(t.lastStep.deltas[0]!.readSync(), ref[form].delta, { atol: 1e-7, rtol: 1e-5 }, 'hidden δ');
      expectClose(t.lastStep.deltas[1]!.readSync(), ref.deltaOut, { atol: 1e-7, rtol: 1e-5 }, 'output δ');
      // W0 after the step: W0 + η δ xᵀ (batch 1, no decay)
      const expected = W0.map((w, i) => w + 0.5 * ref[form].delta[Math.floor(i / 2)] * x[i % 2]);
      expectClose(t.network.layers[0].weights.readSync(), expected, { atol: 1e-6, rtol: 1e-5 }, 'W0');
      // backprop's reference modulator on the same state: W1ᵀ (e ∘ g′)
      expectClose(
        t.lastStep.backpropModulators[0]!.readSync(),
        ref.bpM,
        { atol: 1e-6, rtol: 1e-5 },
        'BP modulator',
      );
    });
  }

  it('the two forms differ when the output is nonlinear', () => {
    const a = stepWith(layers, [W0, W1], [b0, b1], [B1], 'chained', x, yStar).lastStep.deltas[0]!.readSync();
    const b = stepWith(layers, [W0, W1], [b0, b1], [B1], 'paper', x, yStar).lastStep.deltas[0]!.readSync();
    expect(Math.abs(a[0] - b[0])).toBeGreaterThan(1e-3);
  });
});

describe("the paper's form on a deeper net: δ2 = B2 e, δ1 = B1 δ2 (modulators), derivatives only local", () => {
  it('hand-worked 2-3-2-2 with tanh hidden units and a logistic output', () => {
    const deep: LayerConfig[] = [
      { in: 2, out: 3, activation: 'tanh' },
      { out: 2, activation: 'tanh' },
      { out: 2, activation: 'logistic' },
    ];
    const W2 = [0.4, -0.7, 0.3, 0.5]; // [2, 2]
    const b2 = [0.0, 0.1];
    const W1b = [0.7, -0.3, 0.2, -0.5, 0.4, 0.6]; // [2, 3]
    const B2 = [0.5, -0.9, 0.2, 0.4]; // [2, 2], the shape of W2ᵀ
    const t = stepWith(deep, [W0, W1b, W2], [b0, b1, b2], [B1, B2], 'paper', x, yStar);
    const h1 = matVec(W0, 3, x).map((v, i) => Math.tanh(v + b0[i]));
    const h2 = matVec(W1b, 2, h1).map((v, i) => Math.tanh(v + b1[i]));
    const y = matVec(W2, 2, h2).map((v, i) => sigmoid(v + b2[i]));
    const e = yStar.map((v, i) => v - y[i]);
    const m2 = matVec(B2, 2, e);
    const m1 = matVec(B1, 3, m2);
    expectClose(t.lastStep.modulators[1]!.readSync(), m2, { atol: 1e-6, rtol: 1e-5 }, 'm2 = B2 e');
    expectClose(t.lastStep.modulators[0]!.readSync(), m1, { atol: 1e-6, rtol: 1e-5 }, 'm1 = B1 m2');
    expectClose(
      t.lastStep.deltas[1]!.readSync(),
      m2.map((v, i) => v * (1 - h2[i] ** 2)),
      { atol: 1e-6, rtol: 1e-5 },
      'δ2',
    );
    expectClose(
      t.lastStep.deltas[0]!.readSync(),
      m1.map((v, i) => v * (1 - h1[i] ** 2)),
      { atol: 1e-6, rtol: 1e-5 },
      'δ1',
    );
  });
});

describe("the paper's form with B = Wᵀ", () => {
  const transpose = (m: number[], rows: number, cols: number) =>
    Array.from({ length: rows * cols }, (_, i) => m[(i % rows) * cols + Math.floor(i / rows)]);
  const bits = (t: Trainer) => t.lastStep.deltas.map((d) => Array.from(d!.readSync()));

  it('equals backprop with a linear output and one hidden layer (e ∘ g′ = e), to float32 rounding', () => {
    const linearOut: LayerConfig[] = [
      { in: 2, out: 3, activation: 'logistic' },
      { out: 2, activation: 'linear' },
    ];
    const bp = stepWith(linearOut, [W0, W1], [b0, b1], [], 'backprop', x, yStar);
    const fa = stepWith(linearOut, [W0, W1], [b0, b1], [transpose(W1, 2, 3)], 'paper', x, yStar);
    // Bᵀ and W reach the gemm in different layouts, so the sums may round differently
    const [faBits, bpBits] = [bits(fa), bits(bp)];
    for (const l of [0, 1]) expectClose(faBits[l], bpBits[l], { atol: 0, rtol: 1e-6 }, `δ${l}`);
  });

  it('differs from backprop in a deeper nonlinear net (it does not pass the derivatives on)', () => {
    const act: Activation = 'tanh';
    const deep: LayerConfig[] = [
      { in: 2, out: 3, activation: act },
      { out: 2, activation: act },
      { out: 2, activation: 'linear' },
    ];
    const W2 = [0.4, -0.7, 0.3, 0.5];
    const bp = stepWith(deep, [W0, W1, W2], [b0, b1, [0, 0]], [], 'backprop', x, yStar);
    const fa = stepWith(
      deep,
      [W0, W1, W2],
      [b0, b1, [0, 0]],
      [transpose(W1, 2, 3), transpose(W2, 2, 2)],
      'paper',
      x,
      yStar,
    );
    expect(bits(fa)[1]).toEqual(bits(bp)[1]); // the top hidden layer still matches
    expect(Math.abs(bits(fa)[0][0] - bits(bp)[0][0])).toBeGreaterThan(1e-4);
  });

  it('refuses an unknown form, naming it', () => {
    expect(() => feedbackAlignment({ form: 'loose' as SignalForm })).toThrow(
      /form must be 'chained' or 'paper', got "loose"/,
    );
  });
});

describe('a coarse stand-in for the hidden derivative', () => {
  it("'step' weights the paper's modulator by high where f′ > threshold and low elsewhere; 'constant' by a constant", () => {
    const net = createNetwork(backend, { rng: new Rng(1), init: zerosInit(), layers });
    const make = (derivative: Parameters<typeof feedbackAlignment>[0]) => {
      const n = createNetwork(backend, { rng: new Rng(1), init: zerosInit(), layers });
      n.layers.forEach((l, i) => {
        backend.write(l.weights, [W0, W1][i]);
        backend.write(l.bias, [b0, b1][i]);
      });
      const t = createTrainer(n, feedbackAlignment({ form: 'paper', ...derivative }), {
        loss: 'mse',
        learningRate: 0.5,
        rng: new Rng(2),
      });
      backend.write(t.rule.feedback()[0].tensor, B1);
      t.step(Float32Array.from(x), Float32Array.from(yStar), 1);
      return t;
    };
    net.dispose();
    const ref = handWorked();
    const h = matVec(W0, 3, x).map((v, i) => sigmoid(v + b0[i]));
    const fPrime = h.map((v) => v * (1 - v));
    const step = make({ derivative: { kind: 'step', threshold: 0.245, high: 0.2, low: 0.05 } });
    expectClose(
      step.lastStep.deltas[0]!.readSync(),
      ref.paper.m.map((m, j) => m * (fPrime[j] > 0.245 ? 0.2 : 0.05)),
      { atol: 1e-7, rtol: 1e-5 },
      'step-weighted δ',
    );
    expect(fPrime.some((d) => d > 0.245) && fPrime.some((d) => d <= 0.245)).toBe(true); // both levels used
    const constant = make({ derivative: { kind: 'constant', value: 0.25 } });
    expectClose(
      constant.lastStep.deltas[0]!.readSync(),
      ref.paper.m.map((m) => m * 0.25),
      { atol: 1e-7, rtol: 1e-5 },
      'constant',
    );
    expect(() =>
      feedbackAlignment({ derivative: { kind: 'step', threshold: 0.1, high: 0.2, low: 0 } }),
    ).toThrow(/derivative.low must be a positive number/);
  });
});
