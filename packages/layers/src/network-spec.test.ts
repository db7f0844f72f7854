import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, Rng, ShapeError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import type { ConvLayer } from './conv-layer.js';
import { createNetwork, type NetworkOptions } from './network.js';
import type { NetworkLayerConfig } from './network-spec.js';

const backend = createCpuBackend();

const LENET: NetworkLayerConfig[] = [
  { type: 'conv', out: 6, kernel: 5, activation: 'relu' },
  { type: 'maxPool', size: 2 },
  { type: 'conv', out: 16, kernel: 5, activation: 'relu' },
  { type: 'maxPool', size: 2 },
  { type: 'flatten' },
  { out: 120, activation: 'relu' },
  { out: 84, activation: 'relu' },
  { out: 10, activation: 'softmax' },
];

const build = (layers: NetworkLayerConfig[], extra: Partial<NetworkOptions> = {}) =>
  createNetwork(backend, { rng: new Rng(1), inputShape: [28, 28, 1], layers, ...extra });

describe('a network spec that mixes conv, pooling, flatten and dense layers', () => {
  it('infers LeNet-5’s shapes from a 28×28×1 input: 24·24·6 → 12·12·6 → 8·8·16 → 4·4·16 = 256 → 120 → 84 → 10', () => {
    const net = build(LENET);
    const [c1, c2, ...dense] = net.layers;
    expect(net.layers.map((l) => l.kind)).toEqual(['conv', 'conv', 'dense', 'dense', 'dense']);
    expect([c1.inputSize, c1.units, c1.outputSize]).toEqual([784, 24 * 24 * 6, 12 * 12 * 6]);
    expect([c2.units, c2.outputSize]).toEqual([8 * 8 * 16, 256]);
    expect(c1.weights.shape).toEqual([6, 25]);
    expect(c2.weights.shape).toEqual([16, 5 * 5 * 6]);
    expect(c2.bias.shape).toEqual([16]);
    expect(dense.map((l) => l.weights.shape)).toEqual([
      [120, 256],
      [84, 120],
      [10, 84],
    ]);
    expect((c2 as ConvLayer).outputShape).toEqual([4, 4, 16]);
    expect(net.outputSize).toBe(10);
    net.dispose();
  });

  it('a forward pass fills every cache buffer at its size, and the pooled output feeds the layer above', () => {
    const net = build(LENET);
    const cache = net.createCache(2);
    backend.randomUniform(cache.input, new Rng(2), 0, 1);
    const out = net.forward(cache).readSync();
    expect(cache.pre[0].shape).toEqual([2, 24 * 24 * 6]);
    expect(cache.outputs[0].shape).toEqual([2, 12 * 12 * 6]);
    expect(cache.layerInput(1)).toBe(cache.outputs[0]);
    expect(cache.layerInput(2).shape).toEqual([2, 256]);
    for (let r = 0; r < 2; r++)
      expect(out[r * 10] + out.subarray(r * 10 + 1, r * 10 + 10).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    // max pooling: every pooled value is one of its window's activations, the largest
    const post = cache.post[0].readSync();
    const pooled = cache.outputs[0].readSync();
    const at = (y: number, x: number, c: number) => post[(y * 24 + x) * 6 + c];
    for (const [y, x, c] of [
      [0, 0, 0],
      [5, 7, 3],
      [11, 11, 5],
    ])
      expect(pooled[(y * 12 + x) * 6 + c]).toBe(
        Math.max(
          at(2 * y, 2 * x, c),
          at(2 * y, 2 * x + 1, c),
          at(2 * y + 1, 2 * x, c),
          at(2 * y + 1, 2 * x + 1, c),
        ),
      );
    cache.dispose();
    net.dispose();
  });

  it('errors name the layer index and the field', () => {
    // a pooling window that does not fit the 2×2 output of a 3×3 kernel on 4×4
    expect(() =>
      build(
        [
          { type: 'conv', out: 2, kernel: 3, activation: 'relu' },
          { type: 'maxPool', size: 3 },
          { out: 2, activation: 'linear' },
        ],
        { inputShape: [4, 4, 1] },
      ),
    ).toThrow(/layers\[1\] \(maxPool\).*kernel of 3 does not fit/);
    expect(() =>
      build([
        { type: 'conv', out: 2, kernel: 29, activation: 'relu' },
        { out: 2, activation: 'linear' },
      ]),
    ).toThrow(ShapeError);
    expect(() =>
      build([
        { type: 'conv', out: 2, kernel: 29, activation: 'relu' },
        { out: 2, activation: 'linear' },
      ]),
    ).toThrow(/layers\[0\] \(conv\)/);
    expect(() =>
      build([
        { type: 'conv', out: 2, kernel: 3, stride: 0, activation: 'relu' },
        { out: 2, activation: 'linear' },
      ]),
    ).toThrow(/layers\[0\] \(conv\).*stride/);
    expect(() =>
      build([
        { type: 'conv', out: 0, kernel: 3, activation: 'relu' },
        { out: 2, activation: 'linear' },
      ]),
    ).toThrow(/layers\[0\]\.out/);
    expect(() =>
      build([
        { type: 'conv', in: 3, out: 2, kernel: 3, activation: 'relu' },
        { out: 2, activation: 'linear' },
      ]),
    ).toThrow(/layers\[0\]\.in is 3 but the image below has 1 channels/);
    expect(() =>
      build([
        { out: 5, activation: 'relu' },
        { type: 'conv', out: 2, kernel: 1, activation: 'relu' },
        { out: 2, activation: 'linear' },
      ]),
    ).toThrow(/layers\[1\] \(conv\) needs an image/);
    expect(() =>
      build([
        { out: 5, activation: 'relu' },
        { type: 'maxPool', size: 2 },
        { out: 2, activation: 'linear' },
      ]),
    ).toThrow(/layers\[1\] \(maxPool\) must directly follow a conv layer/);
    expect(() => build([{ type: 'conv', out: 2, kernel: 3, activation: 'relu' }])).toThrow(
      /last layer must be dense/,
    );
    expect(() =>
      build([{ type: 'conv', out: 2, kernel: 3, activation: 'relu' }, { type: 'flatten' }]),
    ).toThrow(OptionError);
    expect(() => build([{ type: 'pool' as 'flatten' }, { out: 2, activation: 'linear' }])).toThrow(
      /layers\[0\]\.type/,
    );
    expect(() => build(LENET, { inputShape: [28, 28] as never })).toThrow(
      /inputShape must be \[height, width, channels\]/,
    );
    expect(() => build([{ out: 784 + 1, in: 785, activation: 'linear' }])).toThrow(/layers\[0\]\.in is 785/);
  });

  it('a dense-only spec without inputShape works as before; with inputShape a dense layer reads the flat image', () => {
    const a = createNetwork(backend, { rng: new Rng(1), layers: [{ in: 6, out: 2, activation: 'linear' }] });
    const b = createNetwork(backend, {
      rng: new Rng(1),
      inputShape: [2, 3, 1],
      layers: [{ out: 2, activation: 'linear' }],
    });
    expect(a.layers[0].weights.readSync()).toEqual(b.layers[0].weights.readSync());
    a.dispose();
    b.dispose();
  });

  it('spec rebuilds a network of the same shapes (the demo copies a finished run’s weights into one)', () => {
    const net = build(LENET);
    const copy = createNetwork(backend, { rng: new Rng(9), ...net.spec });
    expect(copy.layers.map((l) => [l.kind, l.weights.shape, l.units, l.outputSize])).toEqual(
      net.layers.map((l) => [l.kind, l.weights.shape, l.units, l.outputSize]),
    );
    net.dispose();
    copy.dispose();
  });
});
