import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { backprop } from './rules/backprop.js';
import { shallow } from './rules/shallow.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend();

/** Float64 model of the documented update for a one-layer linear net. */
function referenceUpdate(
  w: Float64Array,
  b: Float64Array,
  v: Float64Array,
  vb: Float64Array,
  x: Float32Array,
  y: Float32Array,
  batch: number,
  o: { eta: number; decay: number; mu: number },
) {
  const [nOut, nIn] = [b.length, w.length / b.length];
  const gw = new Float64Array(w.length);
  const gb = new Float64Array(b.length);
  for (let r = 0; r < batch; r++) {
    for (let i = 0; i < nOut; i++) {
      let out = b[i];
      for (let j = 0; j < nIn; j++) out += w[i * nIn + j] * x[r * nIn + j];
      const delta = y[r * nOut + i] - out;
      for (let j = 0; j < nIn; j++) gw[i * nIn + j] += (delta * x[r * nIn + j]) / batch;
      gb[i] += delta / batch;
    }
  }
  for (let i = 0; i < w.length; i++) {
    v[i] = o.mu * v[i] + gw[i] - o.decay * w[i];
    w[i] += o.eta * v[i];
  }
  for (let i = 0; i < b.length; i++) {
    vb[i] = o.mu * vb[i] + gb[i];
    b[i] += o.eta * vb[i];
  }
}

describe('shared SGD update', () => {
  for (const mu of [0, 0.9]) {
    it(`matches W += η(mean δ⊗x − λW), b += η mean δ, momentum ${mu}`, () => {
      const o = { eta: 0.05, decay: 0.01, mu };
      const net = createNetwork(backend, {
        rng: new Rng(1),
        init: uniformInit(0.5),
        layers: [{ in: 6, out: 3, activation: 'linear' }],
      });
      const w = Float64Array.from(net.layers[0].weights.readSync());
      const b = Float64Array.from(net.layers[0].bias.readSync());
      const v = new Float64Array(w.length);
      const vb = new Float64Array(b.length);
      const trainer = createTrainer(net, backprop(), {
        loss: 'mse',
        learningRate: o.eta,
        weightDecay: o.decay,
        momentum: mu,
        rng: new Rng(2),
      });
      const data = new Rng(3);
      for (let s = 0; s < 5; s++) {
        const x = randomArray(data, [4, 6]);
        const y = randomArray(data, [4, 3]);
        trainer.step(x, y, 4);
        referenceUpdate(w, b, v, vb, x, y, 4, o);
      }
      expectClose(net.layers[0].weights.readSync(), w, { atol: 1e-6, rtol: 1e-5 }, 'W');
      expectClose(net.layers[0].bias.readSync(), b, { atol: 1e-6, rtol: 1e-5 }, 'b');
    });
  }

  it('keeps removed connections at zero and leaves untaught layers alone', () => {
    const net = createNetwork(backend, {
      rng: new Rng(9),
      layers: [
        { in: 10, out: 12, activation: 'logistic', removeFraction: 0.5 },
        { out: 3, activation: 'logistic', removeFraction: 0.5 },
      ],
    });
    const mask0 = net.layers[0].mask!.readSync();
    const hiddenBefore = net.layers[0].weights.readSync();
    const trainer = createTrainer(net, shallow(), { loss: 'mse', learningRate: 0.5, rng: new Rng(1) });
    const data = new Rng(2);
    for (let s = 0; s < 20; s++) trainer.step(randomArray(data, [2, 10]), randomArray(data, [2, 3], 0, 1), 2);
    expect(mask0.reduce((s, m) => s + m, 0)).toBe(60);
    expect(Array.from(net.layers[0].weights.readSync())).toEqual(Array.from(hiddenBefore));
    const w1 = net.layers[1].weights.readSync();
    const m1 = net.layers[1].mask!.readSync();
    expect(w1.every((v, i) => m1[i] === 1 || v === 0)).toBe(true);
    expect(w1.some((v, i) => m1[i] === 1 && v !== 0)).toBe(true);
  });
});

describe('learning-rate schedule', () => {
  it('setLearningRate takes effect on the next step and is validated', () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      init: uniformInit(0.5),
      layers: [{ in: 4, out: 2, activation: 'linear' }],
    });
    const twin = createNetwork(backend, {
      rng: new Rng(1),
      init: uniformInit(0.5),
      layers: [{ in: 4, out: 2, activation: 'linear' }],
    });
    const a = createTrainer(net, backprop(), { loss: 'mse', learningRate: 0.1, rng: new Rng(2) });
    const b = createTrainer(twin, backprop(), { loss: 'mse', learningRate: 0.05, rng: new Rng(2) });
    a.setLearningRate(0.05);
    const x = randomArray(new Rng(3), [2, 4]);
    const y = randomArray(new Rng(4), [2, 2]);
    a.step(x, y, 2);
    b.step(x, y, 2);
    expect(Array.from(net.layers[0].weights.readSync())).toEqual(
      Array.from(twin.layers[0].weights.readSync()),
    );
    expect(() => a.setLearningRate(-1)).toThrow(/learningRate/);
  });
});
