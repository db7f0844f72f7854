import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { createSpikingNetwork } from './spiking-network.js';

// The paper's gamma = 1e-8 is kept as the default, but in float32 it changes nothing: a weight
// w and (1 − 1e-8)·w are the same float32 (the gap, 1e-8·|w|, is below half the spacing of
// float32 values near w, at least 2^−24·|w| ≈ 6e-8·|w|), and 1 − 1e-8 itself rounds to 1.
const options = (weightDecay: number) => ({
  layers: [784, 60, 50, 100],
  classes: 10,
  unitsPerClass: 10,
  parallel: 10,
  biases: true,
  learningRate: 0.05,
  weightDecay,
  rng: new Rng(21),
});
const data = new Rng(5);
const x = Float32Array.from({ length: 7840 }, () => (data.uniform() < 0.3 ? data.uniform() : 0));
const labels = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

async function trained(weightDecay: number, learningRate?: number) {
  const net = createSpikingNetwork(createCpuBackend(), options(weightDecay));
  net.trainExample(x, labels);
  if (learningRate !== undefined) net.setLearningRate(learningRate);
  net.trainExample(x, labels);
  const state = await net.getState();
  net.dispose();
  return state.layerStates.map((l) => [l.weights, l.bias]);
}

describe("the spiking network's weight decay at the paper's gamma = 1e-8", () => {
  it('rounds away in float32: the factor 1 − 1e-8 is 1, and (1 − 1e-8)·w is w for weights near 0.05', () => {
    expect(Math.fround(1 - 1e-8)).toBe(1);
    for (const w of [0.05, -0.05, 0.0123, 0.049999, 1e-3])
      expect(Math.fround(Math.fround(w) * (1 - 1e-8))).toBe(Math.fround(w));
  });

  it('trains to the same weights and biases, bit for bit, as no decay at all', async () => {
    expect(await trained(1e-8)).toEqual(await trained(0));
  });

  it('a decay float32 can resolve does change them (the comparison can fail)', async () => {
    // at rate 0 only the decay acts in the second presentation: 1e-3 shrinks every weight
    expect(await trained(1e-3, 0)).not.toEqual(await trained(0, 0));
  });
});
