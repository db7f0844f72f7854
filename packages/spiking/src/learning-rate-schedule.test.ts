import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it, vi } from 'vitest';
import { createSpikingNetwork } from './spiking-network.js';

// large enough for the CPU backend's fused path (updateThenProject on 10 rows)
const options = (fusedUpdates: boolean, testSteps?: number) => ({
  layers: [784, 60, 50, 100],
  classes: 10,
  unitsPerClass: 10,
  parallel: 10,
  biases: true,
  learningRate: 0.05,
  rng: new Rng(21),
  fusedUpdates,
  testSteps,
});
const data = new Rng(5);
const x = Float32Array.from({ length: 7840 }, () => (data.uniform() < 0.3 ? data.uniform() : 0));
const labels = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

describe('setLearningRate', () => {
  it('applies the update still pending at the old rate, then trains at the new one: fused equals apart bit for bit', async () => {
    const states = [];
    for (const fused of [true, false]) {
      const net = createSpikingNetwork(createCpuBackend(), options(fused));
      net.trainExample(x, labels);
      net.setLearningRate(0.01);
      net.trainExample(x, labels);
      net.setLearningRate(0);
      expect(net.options.learningRate).toBe(0);
      states.push(await net.getState());
      net.dispose();
    }
    expect(states[0]).toEqual(states[1]);
  });

  it('at rate 0 (and no decay) the weights stop changing; a changed rate changes the next update', async () => {
    const net = createSpikingNetwork(createCpuBackend(), { ...options(true), weightDecay: 0 });
    net.trainExample(x, labels);
    net.setLearningRate(0);
    const frozen = (await net.getState()).layerStates.map((l) => l.weights);
    net.trainExample(x, labels);
    expect((await net.getState()).layerStates.map((l) => l.weights)).toEqual(frozen);
    net.setLearningRate(0.05);
    net.trainExample(x, labels);
    expect((await net.getState()).layerStates[0].weights).not.toEqual(frozen[0]);
    net.dispose();
  });

  it('refuses a negative or non-finite rate by name', () => {
    const net = createSpikingNetwork(createCpuBackend(), options(true));
    expect(() => net.setLearningRate(-1)).toThrow(OptionError);
    expect(() => net.setLearningRate(Number.NaN)).toThrow(/learningRate/);
    net.dispose();
  });
});

describe('testSteps', () => {
  it('predict runs testSteps forward steps, apart from stepsPerExample (training is unchanged)', async () => {
    for (const testSteps of [1, 5, 12]) {
      const backend = createCpuBackend();
      const net = createSpikingNetwork(backend, options(true, testSteps));
      net.trainExample(x, labels);
      // one spike count per output step: the readout adds the output spikes once a step
      const adds = vi.spyOn(backend, 'add');
      await net.predict(x);
      const countAdds = adds.mock.calls.filter(([out]) => out === net.tensors.spikeCount).length;
      expect(countAdds).toBe(testSteps);
      net.dispose();
    }
  });

  it('must be a positive integer', () => {
    expect(() => createSpikingNetwork(createCpuBackend(), options(true, 0))).toThrow(/testSteps/);
  });
});
