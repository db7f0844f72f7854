import { createCpuBackend } from '@rfa/backend-cpu';
import { type Backend, Rng } from '@rfa/tensor';
import { countTypedArrays } from '@rfa/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork } from './network.js';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.dispose();
});

describe.each(['js', 'wasm'] as const)('a conv network’s forward pass on the %s kernels', (kernels) => {
  it('allocates no typed array and no tensor once the cache exists', () => {
    const backend = createCpuBackend({ kernels, threads: 1 });
    backends.push(backend);
    const net = createNetwork(backend, {
      rng: new Rng(1),
      inputShape: [10, 10, 2],
      layers: [
        { type: 'conv', out: 3, kernel: 3, padding: 'same', activation: 'relu' },
        { type: 'maxPool', size: 2 },
        { type: 'conv', out: 4, kernel: 2, activation: 'tanh' },
        { type: 'avgPool', size: 2 },
        { out: 3, activation: 'softmax' },
      ],
    });
    const cache = net.createCache(4);
    backend.randomUniform(cache.input, new Rng(2), 0, 1);
    net.forward(cache); // the first pass makes the row views
    const tensorsBefore = backend.memory();
    const made = countTypedArrays(() => {
      for (let i = 0; i < 3; i++) net.forward(cache);
    });
    expect(made).toBe(0);
    expect(backend.memory()).toEqual(tensorsBefore);
    cache.dispose();
    net.dispose();
  });
});
