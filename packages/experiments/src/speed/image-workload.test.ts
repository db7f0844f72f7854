import { createCpuBackend } from '@rfa/backend-cpu';
import { afterAll, describe, expect, it } from 'vitest';
import { lenetDefaults, lenetLayers } from '../definitions/lenet.js';
import { makeExampleBlock } from './example-block.js';
import { lenetWorkload } from './image-workload.js';
import { RfaSpeedTrainer } from './speed-trainer.js';

const backend = createCpuBackend({ threads: 1 });
afterAll(() => backend.dispose());

describe('lenetWorkload', () => {
  it("is the LeNet experiments' layer list, and the speed trainer builds it with their weight shapes", async () => {
    const image = lenetWorkload();
    expect(image.layers).toEqual(lenetLayers(lenetDefaults.hiddenActivation));
    expect(image.inputShape).toEqual([28, 28, 1]);
    const block = makeExampleBlock(784, 10, 16, 1);
    const trainer = new RfaSpeedTrainer('rfa-cpu', backend, {
      sizes: [784, 10],
      image,
      rule: 'bp',
      batch: 8,
      learningRate: 0.1,
      block,
      seed: 3,
    });
    const state = await trainer.initialState();
    // [out, kH·kW·in] per conv, [out, in] per dense: 6×25, 16×150, 120×256, 84×120, 10×84
    expect(state.weights.map((w) => w.length)).toEqual([6 * 25, 16 * 150, 120 * 256, 84 * 120, 10 * 84]);
    trainer.step(true);
    const loss = await trainer.loss();
    // softmax cross-entropy of 10 classes from He-normal weights: a few nats, not ln 10 exactly
    expect(loss).toBeGreaterThan(0.5);
    expect(loss).toBeLessThan(10);
    trainer.dispose();
  });
});
