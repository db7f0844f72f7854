import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { OptionError, Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { kolenPollack } from './rules/kolen-pollack.js';
import { nodePerturbation } from './rules/node-perturbation.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend();

// Node perturbation overwrites the output layer's signal with its noisy estimate; the
// backprop reference must still start from the true error e = y* − y.
describe('node perturbation with trackBackprop', () => {
  it('the reference output delta is the true error, not the perturbation estimate', () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      init: uniformInit(0.3),
      layers: [
        { in: 5, out: 4, activation: 'linear' },
        { out: 2, activation: 'linear' },
      ],
    });
    const trainer = createTrainer(net, nodePerturbation({ perturb: 'all' }), {
      loss: 'mse',
      learningRate: 1e-9,
      rng: new Rng(2),
      trackBackprop: true,
    });
    const x = randomArray(new Rng(3), [3, 5]);
    const y = randomArray(new Rng(4), [3, 2]);
    const output = trainer.predict(x, 3).readSync().slice();
    trainer.step(x, y, 3);
    expectClose(
      trainer.lastStep.backpropDeltas[1].readSync(),
      Float64Array.from(y, (t, i) => t - output[i]),
      { atol: 1e-6, rtol: 1e-5 },
      'reference δ_out',
    );
  });
});

describe('kolenPollack with momentum', () => {
  it('is refused, since the feedback update is plain SGD', () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      layers: [
        { in: 3, out: 2, activation: 'tanh' },
        { out: 1, activation: 'linear' },
      ],
    });
    expect(() =>
      createTrainer(net, kolenPollack(), { loss: 'mse', learningRate: 0.1, momentum: 0.9, rng: new Rng(1) }),
    ).toThrow(OptionError);
  });
});
