import { createCpuBackend } from '@rfa/backend-cpu';
import {
  type ImageWorkload,
  makeExampleBlock,
  RfaSpeedTrainer,
  type TrainSetup,
} from '@rfa/experiments/internal';
import { heInit } from '@rfa/layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TfjsConvSpeedTrainer } from './conv-trainer.js';
import { TfjsSpeedTrainer } from './dense-trainer.js';
import { TfjsLoadError } from './errors.js';
import { TfjsGemmContender } from './gemm-contender.js';
import { loadTfjs } from './load-tfjs.js';
import type { TfjsRuntime, TfModule } from './peer.js';
import { tfjsTrainers } from './peer-trainers.js';

const backend = createCpuBackend({ kernels: 'js' });
let tfjs: TfjsRuntime;
beforeAll(async () => {
  tfjs = await loadTfjs();
});
afterAll(() => backend.dispose());

const image: ImageWorkload = {
  name: 'tiny',
  inputShape: [6, 6, 1],
  layers: [
    { type: 'conv', out: 2, kernel: 3, activation: 'tanh' },
    { type: 'flatten' },
    { out: 3, activation: 'softmax' },
  ],
  loss: 'softmax-ce',
  init: heInit(),
};
const dense = (rule: string): TrainSetup => ({
  sizes: [8, 6, 3],
  rule,
  batch: 2,
  learningRate: 0.1,
  block: makeExampleBlock(8, 3, 4, 1),
  seed: 2,
});
const conv = (rule: string): TrainSetup => ({
  ...dense(rule),
  sizes: [36, 3],
  image,
  block: makeExampleBlock(36, 3, 4, 1),
});

/** What tfjsTrainers makes for `setup`: each trainer's class and implementation name. */
async function made(setup: TrainSetup) {
  const rfa = new RfaSpeedTrainer('rfa-cpu', backend, setup);
  const state = await rfa.initialState();
  rfa.dispose();
  const trainers = await tfjsTrainers(tfjs.tf, tfjs.peers, setup, state);
  const out = trainers.map((t) => [t.constructor, t.impl]);
  for (const t of trainers) t.dispose();
  return out;
}

describe('tfjsTrainers', () => {
  it('a dense setup gets the dense trainer on every peer, for bp and fa', async () => {
    for (const rule of ['bp', 'fa'])
      expect(await made(dense(rule))).toEqual([
        [TfjsSpeedTrainer, 'tfjs-cpu'],
        [TfjsSpeedTrainer, 'tfjs-wasm'],
      ]);
  });

  it('an image setup gets the conv trainer, for bp only', async () => {
    expect(await made(conv('bp'))).toEqual([
      [TfjsConvSpeedTrainer, 'tfjs-cpu'],
      [TfjsConvSpeedTrainer, 'tfjs-wasm'],
    ]);
    expect(await made(conv('fa'))).toEqual([]);
  });

  it('a rule the peers do not write gets none', async () => {
    for (const rule of ['dfa', 'kolen-pollack']) expect(await made(dense(rule))).toEqual([]);
  });
});

describe('a peer whose backend does not start', () => {
  /** tfjs with a switch: while `failing`, setBackend answers false as for a backend that did not start. */
  function flakyTf() {
    const state = { failing: false };
    const tf: TfModule = {
      ...tfjs.tf,
      setBackend: async (name: string) => (state.failing ? false : tfjs.tf.setBackend(name)),
    };
    return { tf, state };
  }

  it('a trainer: create and activate throw TfjsLoadError naming the peer, never train on another backend', async () => {
    const rfa = new RfaSpeedTrainer('rfa-cpu', backend, dense('bp'));
    const state = await rfa.initialState();
    rfa.dispose();
    const { tf, state: flaky } = flakyTf();
    const peer = tfjs.peers[0];
    const trainer = await TfjsSpeedTrainer.create(tf, peer, dense('bp'), state);
    await trainer.activate();
    trainer.step(true);
    expect(await trainer.loss()).toBeGreaterThan(0);
    flaky.failing = true;
    await expect(trainer.activate()).rejects.toThrow(TfjsLoadError);
    await expect(trainer.activate()).rejects.toThrow(
      `${peer.impl}: tfjs backend '${peer.backendName}' did not start`,
    );
    await expect(TfjsSpeedTrainer.create(tf, peer, dense('bp'), state)).rejects.toThrow(TfjsLoadError);
    trainer.dispose();
  });

  it('a gemm contender: the same', async () => {
    const { tf, state: flaky } = flakyTf();
    const peer = tfjs.peers[0];
    const shape = { m: 4, k: 3, n: 2 };
    const gemm = await TfjsGemmContender.create(tf, peer, shape);
    await gemm.activate();
    expect(await gemm.run(0.01)).toBeGreaterThan(0);
    flaky.failing = true;
    await expect(gemm.activate()).rejects.toThrow(TfjsLoadError);
    await expect(TfjsGemmContender.create(tf, peer, shape)).rejects.toThrow(TfjsLoadError);
    gemm.dispose();
  });
});
