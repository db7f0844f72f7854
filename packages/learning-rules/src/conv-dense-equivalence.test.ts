import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, type NetworkLayerConfig, normalInit, uniformInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import type { RuleFactory } from './rule.js';
import { backprop } from './rules/backprop.js';
import { directFeedbackAlignment } from './rules/direct-feedback-alignment.js';
import { directRandomTargetProjection } from './rules/direct-random-target-projection.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { kolenPollack } from './rules/kolen-pollack.js';
import { nodePerturbation } from './rules/node-perturbation.js';
import { shallow } from './rules/shallow.js';
import { signConcordant } from './rules/sign-concordant.js';
import { signSymmetry } from './rules/sign-symmetry.js';
import { weightMirror } from './rules/weight-mirror.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend({ kernels: 'js' });

/**
 * A 1×1 convolution on a 1×1 image with c channels is a dense layer on c inputs: the same W
 * ([out, 1·1·c] = [out, in]), the same bias, one window position, im2col and col2im copies.
 * So every rule must take exactly the steps it takes on the dense network, feedback included.
 */
const RULES: [string, () => RuleFactory][] = [
  ['backprop', () => backprop()],
  ['feedback alignment', () => feedbackAlignment({ init: uniformInit(0.5) })],
  ["feedback alignment, the paper's form", () => feedbackAlignment({ form: 'paper' })],
  ['direct feedback alignment', () => directFeedbackAlignment()],
  ['uSF', () => signConcordant({ magnitude: 'uniform', scale: 0.5 })],
  ['brSF', () => signConcordant({ magnitude: 'batchwise' })],
  ['frSF', () => signConcordant({ magnitude: 'fixed' })],
  ['sign symmetry', () => signSymmetry()],
  ['Kolen–Pollack', () => kolenPollack({ decayReading: 'extra' })],
  ['weight mirror', () => weightMirror({ mirrorBatch: 5 })],
  ['DRTP', () => directRandomTargetProjection()],
  ['shallow', () => shallow()],
  ['node perturbation', () => nodePerturbation({ perturb: 'all', sigma: 0.05 })],
];

const CONV: NetworkLayerConfig[] = [
  { type: 'conv', out: 5, kernel: 1, activation: 'tanh' },
  { type: 'conv', out: 4, kernel: 1, activation: 'relu' },
  { type: 'flatten' },
  { out: 3, activation: 'softmax' },
];
const DENSE: NetworkLayerConfig[] = [
  { in: 6, out: 5, activation: 'tanh' },
  { out: 4, activation: 'relu' },
  { out: 3, activation: 'softmax' },
];

async function train(layers: NetworkLayerConfig[], image: boolean, rule: () => RuleFactory) {
  const net = createNetwork(backend, {
    rng: new Rng(11),
    ...(image ? { inputShape: [1, 1, 6] as [number, number, number] } : {}),
    init: normalInit(0.6),
    biasInit: normalInit(0.1),
    layers,
  });
  const trainer = createTrainer(net, rule(), {
    loss: 'softmax-ce',
    learningRate: 0.1,
    weightDecay: 1e-3,
    rng: new Rng(12),
  });
  const data = new Rng(13);
  for (let s = 0; s < 4; s++) {
    const x = randomArray(data, [4, 6]);
    const y = new Float32Array(12);
    for (let r = 0; r < 4; r++) y[r * 3 + data.int(3)] = 1;
    trainer.step(x, y, 4);
  }
  const result = {
    weights: net.layers.map((l) => l.weights.readSync()),
    biases: net.layers.map((l) => l.bias.readSync()),
    feedback: trainer.rule
      .feedback()
      .map((f) => ({ layer: f.layer, layout: f.layout, values: f.tensor.readSync() })),
    deltas: trainer.lastStep.deltas.map((d) => d?.readSync() ?? null),
    kinds: net.layers.map((l) => l.kind),
  };
  trainer.dispose();
  net.dispose();
  return result;
}

describe('every rule through a 1×1 conv on a 1×1 image takes the dense network’s steps', () => {
  for (const [name, rule] of RULES) {
    it(name, async () => {
      const conv = await train(CONV, true, rule);
      const dense = await train(DENSE, false, rule);
      expect(conv.kinds).toEqual(['conv', 'conv', 'dense']);
      const tol = { atol: 1e-6, rtol: 1e-5 };
      for (const [l, w] of conv.weights.entries()) expectClose(w, dense.weights[l], tol, `${name}: W${l}`);
      for (const [l, b] of conv.biases.entries()) expectClose(b, dense.biases[l], tol, `${name}: b${l}`);
      conv.deltas.forEach((d, l) => {
        // shallow leaves the hidden layers' signals unset (null) on both
        expect(d === null).toBe(dense.deltas[l] === null);
        if (d) expectClose(d, dense.deltas[l]!, tol, `${name}: δ${l}`);
      });
      expect(conv.feedback.map((f) => [f.layer, f.layout])).toEqual(
        dense.feedback.map((f) => [f.layer, f.layout]),
      );
      for (const [i, f] of conv.feedback.entries())
        expectClose(f.values, dense.feedback[i].values, tol, `${name}: feedback ${i}`);
      // the steps did something: the first layer moved away from its initial draw (shallow excepted)
      if (name !== 'shallow') {
        const first = await train(CONV, true, () => shallow());
        expect(Math.max(...conv.weights[0].map((v, i) => Math.abs(v - first.weights[0][i])))).toBeGreaterThan(
          1e-4,
        );
      }
    });
  }
});
