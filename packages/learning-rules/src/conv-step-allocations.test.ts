import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork } from '@rfa/layers';
import { type Backend, Rng } from '@rfa/tensor';
import { countTypedArrays, randomArray } from '@rfa/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { RuleFactory } from './rule.js';
import { backprop } from './rules/backprop.js';
import { directFeedbackAlignment } from './rules/direct-feedback-alignment.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { kolenPollack } from './rules/kolen-pollack.js';
import { signConcordant } from './rules/sign-concordant.js';
import { weightMirror } from './rules/weight-mirror.js';
import { createTrainer } from './trainer.js';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.dispose();
});

const RULES: [string, () => RuleFactory][] = [
  ['backprop', () => backprop()],
  ['feedback alignment', () => feedbackAlignment()],
  ['direct feedback alignment', () => directFeedbackAlignment()],
  ['brSF', () => signConcordant({ magnitude: 'batchwise' })],
  ['Kolen–Pollack', () => kolenPollack()],
  ['weight mirror', () => weightMirror({ mirrorBatch: 4 })],
];

describe.each(['js', 'wasm'] as const)('a conv network’s training step on the %s kernels', (kernels) => {
  it.each(RULES)(
    '%s: allocates no typed array and no tensor once the batch size has been seen',
    (_, rule) => {
      const backend = createCpuBackend({ kernels, threads: 1 });
      backends.push(backend);
      const net = createNetwork(backend, {
        rng: new Rng(1),
        inputShape: [8, 8, 2],
        layers: [
          { type: 'conv', out: 3, kernel: 3, padding: 'same', activation: 'relu' },
          { type: 'maxPool', size: 2 },
          { type: 'conv', out: 4, kernel: 2, activation: 'tanh' },
          { type: 'avgPool', size: 3 },
          { out: 3, activation: 'softmax' },
        ],
      });
      const trainer = createTrainer(net, rule(), {
        loss: 'softmax-ce',
        learningRate: 0.01,
        rng: new Rng(2),
        trackBackprop: true,
      });
      const x = randomArray(new Rng(3), [4, 8 * 8 * 2]);
      const y = new Float32Array(12);
      for (let r = 0; r < 4; r++) y[r * 3 + (r % 3)] = 1;
      trainer.step(x, y, 4); // the first step makes the buffers and row views
      const memory = backend.memory();
      expect(
        countTypedArrays(() => {
          for (let i = 0; i < 3; i++) trainer.step(x, y, 4);
        }),
      ).toBe(0);
      expect(backend.memory()).toEqual(memory);
      trainer.dispose();
      net.dispose();
    },
  );
});
