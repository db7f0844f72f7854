import { createCpuBackend } from '@rfa/backend-cpu';
import {
  type ImageWorkload,
  makeExampleBlock,
  RfaSpeedTrainer,
  type TrainSetup,
} from '@rfa/experiments/internal';
import { heInit } from '@rfa/layers';
import { expectClose } from '@rfa/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TfjsConvSpeedTrainer } from './conv-trainer.js';
import { loadTfjs } from './load-tfjs.js';
import type { TfjsRuntime } from './peer.js';

const backend = createCpuBackend();
let tfjs: TfjsRuntime;
beforeAll(async () => {
  tfjs = await loadTfjs();
});
afterAll(() => backend.dispose());

/** A LeNet in miniature: conv 3×3 → max pool 2 → conv 2×2 → avg pool 2 → flatten → dense → softmax. */
const tiny: ImageWorkload = {
  name: 'tiny',
  inputShape: [10, 10, 2],
  layers: [
    { type: 'conv', out: 3, kernel: 3, activation: 'tanh' },
    { type: 'maxPool', size: 2 },
    { type: 'conv', out: 4, kernel: 2, activation: 'relu' },
    { type: 'avgPool', size: 3 },
    { type: 'flatten' },
    { out: 5, activation: 'tanh' },
    { out: 3, activation: 'softmax' },
  ],
  loss: 'softmax-ce',
  init: heInit(),
};

describe('the TensorFlow.js conv peer trains the same network as rfa', () => {
  const setup: TrainSetup = {
    sizes: [200, 3],
    image: tiny,
    rule: 'bp',
    batch: 4,
    learningRate: 0.2,
    block: makeExampleBlock(200, 3, 16, 7),
    seed: 11,
  };

  it('same first loss and the same weights after the first step (the same gradient), on every tfjs backend', async () => {
    const rfa = new RfaSpeedTrainer('rfa-cpu', backend, setup);
    const start = await rfa.initialState();
    rfa.step(true);
    const firstLoss = await rfa.loss();
    const after = (await rfa.initialState()).weights;
    rfa.dispose();
    // the step moved every layer's weights (a step that did nothing would compare trivially)
    for (const [l, w] of after.entries()) expect(w).not.toEqual(start.weights[l]);
    for (const peer of tfjs.peers) {
      const trainer = await TfjsConvSpeedTrainer.create(tfjs.tf, peer, setup, start);
      // before any step, tfjs holds rfa's start values in rfa's layout (the transposes are right)
      for (const [l, w] of (await trainer.rfaWeights()).entries())
        expectClose(w, start.weights[l], { atol: 1e-9, rtol: 0 }, `${peer.impl} layer ${l} start`);
      trainer.step(true);
      expectClose([await trainer.loss()], [firstLoss], { atol: 1e-6, rtol: 1e-5 }, `${peer.impl} first loss`);
      const got = await trainer.rfaWeights();
      // W₁ − W₀ = −η·∇L: compare the steps themselves, so a close start cannot hide a wrong gradient
      got.forEach((w, l) => {
        const step = w.map((v, i) => v - start.weights[l][i]);
        const want = after[l].map((v, i) => v - start.weights[l][i]);
        expectClose(step, want, { atol: 1e-6, rtol: 1e-4 }, `${peer.impl} layer ${l} first step`);
      });
      trainer.dispose();
    }
  });

  it('same loss every step for 30 steps, and the loss falls', async () => {
    const rfa = new RfaSpeedTrainer('rfa-cpu', backend, setup);
    const state = await rfa.initialState();
    const want: number[] = [];
    for (let i = 0; i < 30; i++) {
      rfa.step(true);
      want.push(await rfa.loss());
    }
    rfa.dispose();
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(want.slice(-4))).toBeLessThan(0.8 * mean(want.slice(0, 4)));
    const peer = tfjs.peers.find((p) => p.impl === 'tfjs-wasm')!;
    const trainer = await TfjsConvSpeedTrainer.create(tfjs.tf, peer, setup, state);
    const got: number[] = [];
    for (let i = 0; i < 30; i++) {
      trainer.step(true);
      got.push(await trainer.loss());
    }
    trainer.dispose();
    expectClose(got, want, { atol: 1e-5, rtol: 1e-4 }, 'tfjs-wasm losses');
  });
});
