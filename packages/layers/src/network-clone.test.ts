import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { uniformInit } from './initializers.js';
import { applyMask } from './masks.js';
import { createNetwork, type Network } from './network.js';
import { cloneNetwork } from './network-clone.js';

const backend = createCpuBackend();
const BATCH = 4;
const x = randomArray(new Rng(5), [BATCH, 6]);
const target = randomArray(new Rng(6), [BATCH, 3]);

function makeNetwork(): Network {
  return createNetwork(backend, {
    rng: new Rng(11),
    init: uniformInit(0.5),
    biasInit: uniformInit(0.2),
    layers: [
      { in: 6, out: 5, activation: 'tanh', removeFraction: 0.4 },
      { out: 3, activation: 'linear' },
    ],
  });
}

const values = (net: Network) =>
  net.layers.map((l) => ({
    weights: Array.from(l.weights.readSync()),
    bias: Array.from(l.bias.readSync()),
    mask: l.mask ? Array.from(l.mask.readSync()) : null,
  }));

function outputs(net: Network): Float32Array {
  const cache = net.createCache(BATCH);
  net.backend.write(cache.input, x);
  const out = net.forward(cache).readSync().slice();
  cache.dispose();
  return out;
}

/** Half the squared error of the outputs against `target`, in float64. */
function loss(out: Float32Array): number {
  let s = 0;
  for (let i = 0; i < out.length; i++) s += 0.5 * (out[i] - target[i]) ** 2;
  return s;
}

/** Gradient steps on the top layer (`W ← W − η·δᵀh`, `b ← b − η·Σδ`) and a masked change to the bottom one. */
function train(net: Network, steps: number): void {
  const b = net.backend;
  const cache = net.createCache(BATCH);
  const delta = b.zeros([BATCH, 3]);
  const biasGrad = b.zeros([3]);
  const targetT = b.fromArray(target, [BATCH, 3]);
  const [bottom, top] = net.layers;
  for (let s = 0; s < steps; s++) {
    b.write(cache.input, x);
    net.forward(cache);
    b.sub(delta, cache.output, targetT);
    b.gemm(top.weights, delta, cache.post[0], { transA: true, alpha: -0.05, beta: 1 });
    b.sum(biasGrad, delta, 0);
    b.axpy(top.bias, -0.05, biasGrad);
    b.addScalar(bottom.weights, bottom.weights, 0.01);
    applyMask(b, bottom.weights, bottom.mask!);
  }
  for (const t of [cache, delta, biasGrad, targetT]) t.dispose();
}

describe('cloneNetwork / Network.clone', () => {
  it('copies weights, biases and masks exactly, into tensors of its own', () => {
    const net = makeNetwork();
    const copy = net.clone();
    expect(copy).not.toBe(net);
    expect(copy.backend).toBe(backend);
    expect(copy.layers.map((l) => [l.inputSize, l.outputSize, l.activation])).toEqual([
      [6, 5, 'tanh'],
      [5, 3, 'linear'],
    ]);
    expect(values(copy)).toEqual(values(net));
    // the 40% mask: round(0.4 · 30) = 12 removed connections, zero in the copied weights too
    const mask = values(copy)[0].mask!;
    expect(mask.filter((m) => m === 0)).toHaveLength(12);
    const removedWeights = values(copy)[0].weights.filter((_, i) => mask[i] === 0);
    expect(removedWeights.map(Math.abs)).toEqual(new Array(12).fill(0));
    expect(copy.layers[1].mask).toBeNull();
    for (const [a, b] of copy.layers.map((l, i) => [l, net.layers[i]] as const)) {
      expect(a.weights).not.toBe(b.weights);
      expect(a.bias).not.toBe(b.bias);
    }
    expect(outputs(copy)).toEqual(outputs(net));
    net.dispose();
    copy.dispose();
  });

  it('diverges when only the original trains: the copy keeps the old weights and outputs', () => {
    const net = makeNetwork();
    const before = values(net);
    const outBefore = outputs(net);
    const copy = net.clone();
    train(net, 20);
    expect(loss(outputs(net))).toBeLessThan(0.9 * loss(outBefore)); // the original learned
    expect(values(copy)).toEqual(before);
    expect(outputs(copy)).toEqual(outBefore);
    expect(values(net)[1].weights).not.toEqual(before[1].weights);
    // the copy trains alike from the same start: the same steps give the same numbers
    train(copy, 20);
    expect(values(copy)).toEqual(values(net));
    net.dispose();
    copy.dispose();
  });

  it('copies onto another backend through host memory, masks included', () => {
    const net = makeNetwork();
    const other = createCpuBackend({ kernels: 'js' });
    const copy = cloneNetwork(net, other);
    expect(copy.backend).toBe(other);
    expect(copy.layers[0].weights.backend).toBe(other);
    expect(copy.layers[0].mask!.backend).toBe(other);
    expect(values(copy)).toEqual(values(net));
    net.dispose();
    copy.dispose();
  });
});

describe('cloneNetwork on a conv network', () => {
  it('rebuilds conv, pooling and dense layers from the spec and gives the same outputs', () => {
    const conv = createNetwork(backend, {
      rng: new Rng(12),
      init: uniformInit(0.4),
      biasInit: uniformInit(0.1),
      inputShape: [6, 6, 2],
      layers: [
        { type: 'conv', out: 3, kernel: 3, padding: 'same', activation: 'tanh' },
        { type: 'maxPool', size: 2 },
        { type: 'flatten' },
        { out: 4, activation: 'linear' },
      ],
    });
    const copy = conv.clone();
    expect(copy.layers.map((l) => l.kind)).toEqual(['conv', 'dense']);
    expect(values(copy)).toEqual(values(conv));
    const input = randomArray(new Rng(13), [2, 72]);
    const run = (net: Network) => {
      const cache = net.createCache(2);
      net.backend.write(cache.input, input);
      const out = Array.from(net.forward(cache).readSync());
      cache.dispose();
      return out;
    };
    const expected = run(conv);
    expect(run(copy)).toEqual(expected);
    // the copy owns its tensors: changing the source's kernel leaves the copy's output as it was
    backend.addScalar(conv.layers[0].weights, conv.layers[0].weights, 0.3);
    expect(run(conv)).not.toEqual(expected);
    expect(run(copy)).toEqual(expected);
  });
});
