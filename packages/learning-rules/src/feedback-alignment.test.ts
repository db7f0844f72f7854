import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, type Network, uniformInit } from '@rfa/layers';
import { type Activation, Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import type { Loss } from './loss.js';
import { backprop } from './rules/backprop.js';
import { directFeedbackAlignment } from './rules/direct-feedback-alignment.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { transpose } from './testing/reference-network.js';
import { createTrainer, type Trainer } from './trainer.js';

const backend = createCpuBackend();

function makeNet(seed: number, sizes: number[], hidden: Activation, output: Activation): Network {
  return createNetwork(backend, {
    rng: new Rng(seed),
    init: uniformInit(0.5),
    layers: sizes
      .slice(1)
      .map((out, i) => ({ in: sizes[i], out, activation: i === sizes.length - 2 ? output : hidden })),
  });
}

/** Writes Wᵀ of every layer above the first into FA's feedback matrices. */
function syncFeedbackToTranspose(trainer: Trainer): void {
  for (const fb of trainer.rule.feedback()) {
    const w = trainer.network.layers[fb.layer].weights;
    backend.write(fb.tensor, transpose(w.readSync(), w.shape[0], w.shape[1]));
  }
}

describe('feedback alignment with B = Wᵀ kept in sync is backprop', () => {
  const cases: [Activation, Activation, Loss][] = [
    ['tanh', 'linear', 'mse'],
    ['logistic', 'logistic', 'mse'],
    ['relu', 'softmax', 'softmax-ce'],
  ];
  for (const [hidden, output, loss] of cases) {
    it(`${hidden}/${output}/${loss}, 4 layers, 20 steps of batch 4`, () => {
      const sizes = [12, 9, 7, 6, 5];
      const bpNet = makeNet(7, sizes, hidden, output);
      const faNet = makeNet(7, sizes, hidden, output);
      const bp = createTrainer(bpNet, backprop(), {
        loss,
        learningRate: 0.1,
        weightDecay: 1e-3,
        rng: new Rng(1),
      });
      const fa = createTrainer(faNet, feedbackAlignment(), {
        loss,
        learningRate: 0.1,
        weightDecay: 1e-3,
        rng: new Rng(1),
      });
      const data = new Rng(99);
      for (let s = 0; s < 20; s++) {
        const x = randomArray(data, [4, 12]);
        const y =
          loss === 'mse'
            ? randomArray(data, [4, 5], 0, 1)
            : new Float32Array(20).map((_, i) => (i % 5 === s % 5 ? 1 : 0));
        syncFeedbackToTranspose(fa);
        bp.step(x, y, 4);
        fa.step(x, y, 4);
      }
      bpNet.layers.forEach((layer, l) => {
        expectClose(
          faNet.layers[l].weights.readSync(),
          layer.weights.readSync(),
          { atol: 1e-6, rtol: 1e-5 },
          `W${l}`,
        );
        expectClose(
          faNet.layers[l].bias.readSync(),
          layer.bias.readSync(),
          { atol: 1e-6, rtol: 1e-5 },
          `b${l}`,
        );
      });
      // and without the sync the two part ways: the test can fail
      const fa2 = createTrainer(makeNet(7, sizes, hidden, output), feedbackAlignment(), {
        loss,
        learningRate: 0.1,
        rng: new Rng(1),
      });
      const x = randomArray(data, [4, 12]);
      const y = randomArray(data, [4, 5], 0, 1);
      bp.step(x, loss === 'mse' ? y : new Float32Array(20).map((_, i) => (i % 5 === 0 ? 1 : 0)), 4);
      fa2.step(x, loss === 'mse' ? y : new Float32Array(20).map((_, i) => (i % 5 === 0 ? 1 : 0)), 4);
      const d1 = fa2.lastStep.deltas[0]!.readSync();
      const d2 = bp.lastStep.deltas[0]!.readSync();
      expect(d1.some((v, i) => Math.abs(v - d2[i]) > 1e-4)).toBe(true);
    });
  }
});

describe('direct feedback alignment equals FA with one hidden layer', () => {
  it('same feedback matrix → same deltas and weights', () => {
    const sizes = [10, 8, 4];
    const faNet = makeNet(3, sizes, 'tanh', 'linear');
    const dfaNet = makeNet(3, sizes, 'tanh', 'linear');
    const fa = createTrainer(faNet, feedbackAlignment(), {
      loss: 'mse',
      learningRate: 0.05,
      rng: new Rng(5),
    });
    const dfa = createTrainer(dfaNet, directFeedbackAlignment(), {
      loss: 'mse',
      learningRate: 0.05,
      rng: new Rng(6),
    });
    // FA's B_1 is [hidden, out]; DFA's D_0 is [hidden, outputs]: the same matrix
    backend.copy(dfa.rule.feedback()[0].tensor, fa.rule.feedback()[0].tensor);
    const data = new Rng(4);
    for (let s = 0; s < 10; s++) {
      const x = randomArray(data, [3, 10]);
      const y = randomArray(data, [3, 4]);
      fa.step(x, y, 3);
      dfa.step(x, y, 3);
      expectClose(
        dfa.lastStep.deltas[0]!.readSync(),
        fa.lastStep.deltas[0]!.readSync(),
        { atol: 0, rtol: 0 },
        `delta step ${s}`,
      );
    }
    faNet.layers.forEach((layer, l) => {
      expectClose(
        dfaNet.layers[l].weights.readSync(),
        layer.weights.readSync(),
        { atol: 0, rtol: 0 },
        `W${l}`,
      );
    });
  });

  it('differs from FA with two hidden layers (the error skips the layer between)', () => {
    const sizes = [10, 8, 6, 4];
    const fa = createTrainer(makeNet(3, sizes, 'tanh', 'linear'), feedbackAlignment(), {
      loss: 'mse',
      learningRate: 0.05,
      rng: new Rng(5),
    });
    const dfa = createTrainer(makeNet(3, sizes, 'tanh', 'linear'), directFeedbackAlignment(), {
      loss: 'mse',
      learningRate: 0.05,
      rng: new Rng(5),
    });
    expect(dfa.rule.feedback().map((f) => f.tensor.shape)).toEqual([
      [8, 4],
      [6, 4],
    ]);
    expect(fa.rule.feedback().map((f) => f.tensor.shape)).toEqual([
      [8, 6],
      [6, 4],
    ]);
  });
});
