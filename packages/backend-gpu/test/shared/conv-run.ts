// One seeded conv-net training run, the same code in Node and in the browser page: a small
// conv net (conv 3×3 'same' → max pool 2 → flatten → dense softmax) on 8×8×2 images, trained
// CONV_STEPS steps from fixed seeds. The GPU tests compare its weights, step by step, with the
// CPU backend's.
import { createNetwork, normalInit, uniformInit } from '@rfa/layers';
import { backprop, createTrainer, feedbackAlignment } from '@rfa/learning-rules';
import { type Backend, Rng } from '@rfa/tensor';
import { randomArray } from '@rfa/testkit';

export const CONV_STEPS = 6;
const BATCH = 4;

export type ConvRunRule = 'bp' | 'fa';

export interface ConvRun {
  /** Every layer's W then b, one flat list, before the first step. */
  start: number[];
  /** The same after each step. */
  steps: number[][];
}

const rules = {
  bp: () => backprop(),
  fa: () => feedbackAlignment({ init: uniformInit(0.5) }),
};

export async function convRun(backend: Backend, rule: ConvRunRule): Promise<ConvRun> {
  const net = createNetwork(backend, {
    rng: new Rng(21),
    inputShape: [8, 8, 2],
    init: normalInit(0.4),
    biasInit: normalInit(0.1),
    layers: [
      { type: 'conv', out: 3, kernel: 3, padding: 'same', activation: 'tanh' },
      { type: 'maxPool', size: 2 },
      { type: 'flatten' },
      { out: 4, activation: 'softmax' },
    ],
  });
  const trainer = createTrainer(net, rules[rule](), {
    loss: 'softmax-ce',
    learningRate: 0.2,
    rng: new Rng(22),
  });
  const data = new Rng(23);
  // read back through the async path: WebGPU has no synchronous read
  const read = async () => {
    const all: number[] = [];
    for (const l of net.layers) all.push(...(await l.weights.read()), ...(await l.bias.read()));
    return all;
  };
  const start = await read();
  const steps: number[][] = [];
  for (let s = 0; s < CONV_STEPS; s++) {
    const x = randomArray(data, [BATCH, 8 * 8 * 2]);
    const y = new Float32Array(BATCH * 4);
    for (let r = 0; r < BATCH; r++) y[r * 4 + data.int(4)] = 1;
    trainer.step(x, y, BATCH);
    steps.push(await read());
  }
  trainer.dispose();
  net.dispose();
  return { start, steps };
}
