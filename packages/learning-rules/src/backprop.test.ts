import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, normalInit } from '@rfa/layers';
import { type Activation, Rng } from '@rfa/tensor';
import { checkGradient, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import type { Loss } from './loss.js';
import { backprop } from './rules/backprop.js';
import { type RefLayer, refLoss } from './testing/reference-network.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend();

/** Backprop's analytic gradient, −mean(deltaᵀ x), against float64 finite differences of the loss. */
async function gradientError(
  hidden: Activation,
  output: Activation,
  loss: Loss,
  seed: number,
): Promise<number> {
  const rng = new Rng(seed);
  const sizes = [5, 4, 3, 3];
  const batch = 3;
  const net = createNetwork(backend, {
    rng,
    init: normalInit(0.8),
    biasInit: normalInit(0.3),
    layers: [
      { in: sizes[0], out: sizes[1], activation: hidden },
      { out: sizes[2], activation: hidden },
      { out: sizes[3], activation: output },
    ],
  });
  const x = randomArray(rng, [batch, sizes[0]], -1, 1);
  const y =
    loss === 'mse' ? randomArray(rng, [batch, sizes[3]], -0.5, 0.5) : new Float32Array(batch * sizes[3]);
  if (loss !== 'mse') for (let r = 0; r < batch; r++) y[r * sizes[3] + rng.int(sizes[3])] = 1;
  const ref: RefLayer[] = net.layers.map((l) => ({
    w: Float64Array.from(l.weights.readSync()),
    b: Float64Array.from(l.bias.readSync()),
    in: l.inputSize,
    out: l.outputSize,
    activation: l.activation,
  }));
  const trainer = createTrainer(net, backprop(), { loss, learningRate: 1e-9, rng });
  trainer.step(x, y, batch);
  const deltas = trainer.lastStep.deltas;
  const cache = trainer.lastStep.cache;
  let worst = 0;
  for (let l = 0; l < net.layers.length; l++) {
    const d = deltas[l]!.readSync();
    const input = cache.layerInput(l).readSync();
    const { in: nIn, out: nOut } = ref[l];
    const analytic = new Float64Array(nOut * nIn + nOut);
    for (let r = 0; r < batch; r++) {
      for (let i = 0; i < nOut; i++) {
        for (let j = 0; j < nIn; j++) analytic[i * nIn + j] -= (d[r * nOut + i] * input[r * nIn + j]) / batch;
        analytic[nOut * nIn + i] -= d[r * nOut + i] / batch;
      }
    }
    const params = new Float64Array([...ref[l].w, ...ref[l].b]);
    const lossAt = (p: Float64Array) => {
      ref[l].w = p.subarray(0, nOut * nIn);
      ref[l].b = p.subarray(nOut * nIn);
      return refLoss(ref, x, y, batch, loss);
    };
    const result = checkGradient(lossAt, params, analytic, { h: 1e-6, floor: 1e-6 });
    lossAt(params);
    worst = Math.max(worst, result.maxRelativeError);
  }
  trainer.dispose();
  net.dispose();
  return worst;
}

describe('backprop: finite-difference gradient checks (CPU backend)', () => {
  const cases: [Activation, Activation, Loss][] = [
    ['logistic', 'logistic', 'mse'],
    ['tanh', 'linear', 'mse'],
    ['relu', 'tanh', 'mse'],
    ['linear', 'linear', 'mse'],
    ['tanh', 'softmax', 'softmax-ce'],
    ['logistic', 'softmax', 'softmax-ce'],
    ['relu', 'softmax', 'softmax-ce'],
    ['logistic', 'logistic', 'sigmoid-ce'],
    ['tanh', 'logistic', 'sigmoid-ce'],
  ];
  for (const [hidden, output, loss] of cases) {
    it(`${hidden} hidden, ${output} output, ${loss}`, async () => {
      for (const seed of [1, 2, 3]) {
        // float32 network vs float64 differences: agreement to ~1e-4 relative is float32's limit here
        expect(await gradientError(hidden, output, loss, seed)).toBeLessThan(2e-3);
      }
    });
  }
});
