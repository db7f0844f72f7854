import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { type Backend, Rng } from '@rfa/tensor';
import { countTypedArrays, randomArray } from '@rfa/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { nodePerturbation } from './rules/node-perturbation.js';
import { createTrainer } from './trainer.js';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.dispose();
});

// Node perturbation draws fresh Gaussian noise for every perturbed unit on every step
// (randomNormal); a new host array per draw was allocation in the inner loop.
describe.each(['js', 'wasm'] as const)('node perturbation step on the %s kernels', (kernels) => {
  it('allocates no typed array once the batch size has been seen', () => {
    const backend = createCpuBackend({ kernels, threads: 1 });
    backends.push(backend);
    const net = createNetwork(backend, {
      rng: new Rng(1),
      init: uniformInit(0.3),
      layers: [
        { in: 6, out: 5, activation: 'tanh' },
        { out: 3, activation: 'linear' },
      ],
    });
    const trainer = createTrainer(net, nodePerturbation({ perturb: 'all', sigma: 0.05 }), {
      loss: 'mse',
      learningRate: 0.01,
      rng: new Rng(2),
    });
    const x = randomArray(new Rng(3), [4, 6]);
    const y = randomArray(new Rng(4), [4, 3]);
    // the first step makes the buffers of batch size 4 (and the backend's scratch)
    trainer.step(x, y, 4);
    const weightsBefore = net.layers[0].weights.readSync().slice();
    const made = countTypedArrays(() => {
      for (let i = 0; i < 5; i++) trainer.step(x, y, 4);
    });
    expect(made).toBe(0);
    // the counted steps did train: the noise moved the weights
    const weightsAfter = net.layers[0].weights.readSync();
    expect(weightsAfter.some((w, i) => w !== weightsBefore[i])).toBe(true);
  });

  it('counts the arrays a fresh batch size needs (the counter sees allocation)', () => {
    const backend = createCpuBackend({ kernels, threads: 1 });
    backends.push(backend);
    const net = createNetwork(backend, {
      rng: new Rng(1),
      layers: [{ in: 2, out: 2, activation: 'linear' }],
    });
    const trainer = createTrainer(net, nodePerturbation(), {
      loss: 'mse',
      learningRate: 0.01,
      rng: new Rng(2),
    });
    const x = new Float32Array(6);
    const made = countTypedArrays(() => trainer.step(x, x, 3));
    expect(made).toBeGreaterThan(0);
  });
});
