import { createCpuBackend } from '@rfa/backend-cpu';
import { type Backend, Rng } from '@rfa/tensor';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork } from './network.js';

/** Float arrays made while `run` runs, counted by proxies in place of the global constructors. */
function countFloatArrays(run: () => void): number {
  const originals = { Float32Array, Float64Array };
  let made = 0;
  const counting = <T extends object>(ctor: T): T =>
    new Proxy(ctor, {
      construct(target, args, newTarget) {
        made++;
        return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
      },
    });
  globalThis.Float32Array = counting(originals.Float32Array);
  globalThis.Float64Array = counting(originals.Float64Array);
  try {
    run();
  } finally {
    globalThis.Float32Array = originals.Float32Array;
    globalThis.Float64Array = originals.Float64Array;
  }
  return made;
}

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
    const made = countFloatArrays(() => {
      for (let i = 0; i < 3; i++) net.forward(cache);
    });
    expect(made).toBe(0);
    expect(backend.memory()).toEqual(tensorsBefore);
    cache.dispose();
    net.dispose();
  });
});
