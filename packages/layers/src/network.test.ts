import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, Rng, ShapeError } from '@rfa/tensor';
import { expectClose, randomArray, refActivate } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { heInit, normalInit, uniformInit, xavierInit } from './initializers.js';
import { createNetwork } from './network.js';

const backend = createCpuBackend();

describe('Network.forward', () => {
  it('matches a float64 reference through tanh, relu and softmax layers', () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      init: uniformInit(0.5),
      biasInit: uniformInit(0.1),
      layers: [
        { in: 7, out: 6, activation: 'tanh' },
        { out: 5, activation: 'relu' },
        { out: 4, activation: 'softmax' },
      ],
    });
    const x = randomArray(new Rng(2), [3, 7]);
    const cache = net.createCache(3);
    backend.write(cache.input, x);
    const out = net.forward(cache).readSync();
    let h: Float64Array = Float64Array.from(x);
    let width = 7;
    for (const layer of net.layers) {
      const w = layer.weights.readSync();
      const b = layer.bias.readSync();
      const a = new Float64Array(3 * layer.outputSize);
      for (let r = 0; r < 3; r++)
        for (let i = 0; i < layer.outputSize; i++) {
          let s = b[i];
          for (let j = 0; j < width; j++) s += w[i * width + j] * h[r * width + j];
          a[r * layer.outputSize + i] = s;
        }
      h = refActivate(a, 3, layer.outputSize, layer.activation);
      width = layer.outputSize;
    }
    expectClose(out, h, { atol: 1e-6, rtol: 1e-5 }, 'network output');
    expect(cache.derivative[2]).toBeNull();
  });

  it('refuses mismatched layer sizes, softmax below the top, and a missing input size', () => {
    const rng = new Rng(1);
    expect(() =>
      createNetwork(backend, {
        rng,
        layers: [
          { in: 3, out: 4, activation: 'tanh' },
          { in: 5, out: 2, activation: 'linear' },
        ],
      }),
    ).toThrow(ShapeError);
    expect(() =>
      createNetwork(backend, {
        rng,
        layers: [
          { in: 3, out: 4, activation: 'softmax' },
          { out: 2, activation: 'linear' },
        ],
      }),
    ).toThrow(/softmax is only allowed on the last layer/);
    expect(() => createNetwork(backend, { rng, layers: [{ out: 2, activation: 'linear' }] })).toThrow(
      OptionError,
    );
  });
});

describe('initialisers', () => {
  const stats = (init: Parameters<typeof createNetwork>[1]['init'], inp: number, out: number) => {
    const net = createNetwork(backend, {
      rng: new Rng(3),
      init,
      layers: [{ in: inp, out, activation: 'linear' }],
    });
    const w = net.layers[0].weights.readSync();
    let s = 0;
    let s2 = 0;
    let max = 0;
    for (const v of w) {
      s += v;
      s2 += v * v;
      max = Math.max(max, Math.abs(v));
    }
    return { mean: s / w.length, std: Math.sqrt(s2 / w.length - (s / w.length) ** 2), max };
  };

  it('uniform ±w stays in range with the variance w²/3', () => {
    const s = stats(uniformInit(0.05), 300, 200);
    expect(s.max).toBeLessThanOrEqual(0.05);
    expect(s.std).toBeCloseTo(0.05 / Math.sqrt(3), 3);
  });
  it('xavier bound sqrt(6/(in+out)), he std sqrt(2/in), normal std', () => {
    expect(stats(xavierInit(), 300, 200).max).toBeLessThanOrEqual(Math.sqrt(6 / 500));
    expect(stats(xavierInit(), 300, 200).std).toBeCloseTo(Math.sqrt(6 / 500) / Math.sqrt(3), 3);
    expect(stats(heInit(), 300, 200).std).toBeCloseTo(Math.sqrt(2 / 300), 3);
    expect(stats(normalInit(0.2), 300, 200).std).toBeCloseTo(0.2, 2);
  });
  it('the same seed gives the same weights; another seed does not', () => {
    const draw = (seed: number) =>
      createNetwork(backend, {
        rng: new Rng(seed),
        layers: [{ in: 4, out: 3, activation: 'linear' }],
      }).layers[0].weights.readSync();
    expect(Array.from(draw(5))).toEqual(Array.from(draw(5)));
    expect(Array.from(draw(5))).not.toEqual(Array.from(draw(6)));
  });
});
