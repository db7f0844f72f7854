import { createCpuBackend } from '@rfa/backend-cpu';
import { LengthError, OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { createSpikingNetwork } from './spiking-network.js';
import { decodeSpikingState, encodeSpikingState } from './state-bytes.js';

describe('encodeSpikingState / decodeSpikingState', () => {
  const backend = createCpuBackend({ kernels: 'js' });
  const make = () =>
    createSpikingNetwork(backend, {
      layers: [6, 5, 4],
      classes: 2,
      unitsPerClass: 2,
      parallel: 3,
      biases: true,
      rng: new Rng(4),
    });

  it('round-trips every array, the generator and the metadata; the restored net continues identically', async () => {
    const a = make();
    const x = Float32Array.from({ length: 18 }, (_, i) => (i % 7) / 7);
    a.trainExample(x, [0, 1, 1]);
    const bytes = encodeSpikingState(await a.getState(), { epoch: 3, order: [2, 0, 1] });
    const { state, metadata } = decodeSpikingState(bytes);
    expect(metadata).toEqual({ epoch: 3, order: [2, 0, 1] });
    const b = make();
    b.setState(state);
    a.trainExample(x, [1, 0, 1]);
    b.trainExample(x, [1, 0, 1]);
    const [sa, sb] = [await a.getState(), await b.getState()];
    expect(sb.rng).toEqual(sa.rng);
    sa.layerStates.forEach((layer, l) => {
      expect(sb.layerStates[l].weights).toEqual(layer.weights);
      expect(sb.layerStates[l].bias).toEqual(layer.bias);
      expect(sb.layerStates[l].potential).toEqual(layer.potential);
    });
  });

  it('refuses foreign and truncated bytes, naming what is wrong', async () => {
    expect(() => decodeSpikingState(new Uint8Array(20))).toThrow(OptionError);
    const bytes = encodeSpikingState(await make().getState());
    expect(() => decodeSpikingState(bytes.subarray(0, bytes.length - 8))).toThrow(LengthError);
  });
});
