import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { createSpikingNetwork } from './spiking-network.js';

const options = { layers: [6, 5, 4, 6], classes: 3, unitsPerClass: 2, parallel: 3, rng: new Rng(8) };

describe('onStep', () => {
  it('is called after every training step with the network, its spikes readable then; predict does not call it', async () => {
    const backend = createCpuBackend();
    const net = createSpikingNetwork(backend, options);
    const seen: Float32Array[] = [];
    net.onStep = (n) => seen.push(n.layers[0].spikes.readSync());
    const x = new Float32Array(18).fill(0.9);
    net.trainExample(x, [0, 1, 2]);
    expect(seen).toHaveLength(net.options.stepsPerExample);
    expect(seen.every((s) => s.length === 15 && s.every((v) => v === 0 || v === 1))).toBe(true);
    // the last recorded spikes are the network's spikes after the last step
    expect(Array.from(seen.at(-1)!)).toEqual(Array.from(await net.layers[0].spikes.read()));
    await net.predict(x);
    expect(seen).toHaveLength(net.options.stepsPerExample);
    net.dispose();
  });

  it('observing does not change the simulation', async () => {
    const run = async (observe: boolean) => {
      const net = createSpikingNetwork(createCpuBackend(), { ...options, rng: new Rng(3) });
      if (observe) net.onStep = (n) => n.layers[2].potential.readSync();
      net.trainExample(new Float32Array(18).fill(0.7), [2, 0, 1]);
      const w = await net.layers[1].weights.read();
      net.dispose();
      return Array.from(w);
    };
    expect(await run(true)).toEqual(await run(false));
  });
});
