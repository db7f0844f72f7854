import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { angleDegrees, normalisedSquaredError } from '@rfa/metrics';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import type { RuleFactory } from './rule.js';
import { backprop } from './rules/backprop.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { nodePerturbation } from './rules/node-perturbation.js';
import { shallow } from './rules/shallow.js';
import { createTrainer } from './trainer.js';

// The paper's Fig. 2 task: learn y* = T x, T 10×30 ~ U[-1,1], x ~ N(0, I), with a
// linear 30-20-10 network, W ~ U[-0.01, 0.01], B ~ U[-0.5, 0.5], online.
const backend = createCpuBackend();
const [N_IN, N_HID, N_OUT] = [30, 20, 10];
const taskRng = new Rng(2016);
const T = Float64Array.from({ length: N_OUT * N_IN }, () => taskRng.uniformIn(-1, 1));

function sample(rng: Rng, count: number): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(count * N_IN);
  const y = new Float32Array(count * N_OUT);
  for (let r = 0; r < count; r++) {
    for (let j = 0; j < N_IN; j++) x[r * N_IN + j] = rng.normal();
    for (let i = 0; i < N_OUT; i++) {
      let s = 0;
      for (let j = 0; j < N_IN; j++) s += T[i * N_IN + j] * x[r * N_IN + j];
      y[r * N_OUT + i] = s;
    }
  }
  return { x, y };
}

const heldOut = sample(new Rng(7), 1000);

function run(rule: RuleFactory, learningRate: number, steps: number) {
  const net = createNetwork(backend, {
    rng: new Rng(11),
    init: uniformInit(0.01),
    layers: [
      { in: N_IN, out: N_HID, activation: 'linear' },
      { out: N_OUT, activation: 'linear' },
    ],
  });
  const trainer = createTrainer(net, rule, {
    loss: 'mse',
    learningRate,
    rng: new Rng(12),
    trackBackprop: true,
  });
  const stream = new Rng(13);
  const angles: number[] = [];
  for (let s = 0; s < steps; s++) {
    const { x, y } = sample(stream, 1);
    trainer.step(x, y, 1);
    const d = trainer.lastStep.deltas[0];
    if (d) angles.push(angleDegrees(d.readSync(), trainer.lastStep.backpropDeltas[0].readSync()));
  }
  const pred = trainer.predict(heldOut.x, 1000).readSync();
  const result = { nse: normalisedSquaredError(pred, heldOut.y, 1000, N_OUT), angles };
  trainer.dispose();
  net.dispose();
  return result;
}

const meanOf = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

describe('fig2: linear 30-20-10 task, online', () => {
  it('backprop and FA cut held-out NSE below 0.05 within 5,000 steps; shallow stays above 0.25', () => {
    const bp = run(backprop(), 0.005, 5000);
    const fa = run(feedbackAlignment({ init: uniformInit(0.5) }), 0.005, 5000);
    const sh = run(shallow(), 0.005, 5000);
    expect(bp.nse).toBeLessThan(0.05);
    expect(fa.nse).toBeLessThan(0.05);
    expect(sh.nse).toBeGreaterThan(0.25);
    // FA's hidden teaching signal starts near orthogonal to backprop's and aligns
    const early = meanOf(fa.angles.slice(0, 20));
    const late = meanOf(fa.angles.slice(-500));
    expect(early).toBeGreaterThan(75);
    expect(late).toBeLessThan(60);
    // backprop against itself: exactly aligned
    expect(meanOf(bp.angles.slice(-100))).toBeLessThan(1e-2);
  });

  it('node perturbation learns, but more slowly than backprop at its own best rate', () => {
    // rates from a sweep over σ ∈ {0.01, 0.1, 1} × η ∈ {1e-4 … 3e-3}: larger η diverges
    const np = run(nodePerturbation({ sigma: 0.01, perturb: 'all' }), 3e-4, 5000);
    const bp = run(backprop(), 0.005, 5000);
    expect(np.nse).toBeLessThan(0.2);
    expect(np.nse).toBeGreaterThan(10 * bp.nse);
  });
});
