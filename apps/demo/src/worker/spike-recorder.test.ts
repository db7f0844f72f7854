import { createCpuBackend } from '@rfa/backend-cpu';
import { createSpikingNetwork } from '@rfa/spiking';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { SpikeRecorder } from './spike-recorder.js';

describe('SpikeRecorder', () => {
  it('records one frame per training step with the sampled units that spiked and the traced unit’s signals', async () => {
    const net = createSpikingNetwork(createCpuBackend(), {
      layers: [784, 30, 40],
      classes: 10,
      unitsPerClass: 4,
      parallel: 2,
      rng: new Rng(2),
    });
    const recorder = new SpikeRecorder({ hiddenUnits: 20, outputPerClass: 2 });
    expect(recorder.outputUnits(net)).toEqual([
      0, 1, 4, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24, 25, 28, 29, 32, 33, 36, 37,
    ]);
    net.onStep = recorder.record;
    const x = new Float32Array(2 * 784).fill(0.9);
    net.trainExample(x, [3, 7]);
    const frames = recorder.drain();
    expect(frames).toHaveLength(net.options.stepsPerExample);
    // the last frame's hidden spikes are the network's, for the first image
    const spikes = await net.layers[0].spikes.read();
    const expected = Array.from(spikes.subarray(0, 20).keys()).filter((i) => spikes[i] > 0);
    expect(frames.at(-1)!.hidden).toEqual(expected);
    expect(frames.some((f) => f.hidden.length > 0)).toBe(true);
    expect(frames.every((f) => Number.isFinite(f.potential) && Number.isFinite(f.feedback))).toBe(true);
    expect(recorder.drain()).toEqual([]);
    net.dispose();
  });
});
