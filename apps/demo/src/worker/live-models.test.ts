import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, normalInit } from '@rfa/layers';
import { backprop, createTrainer } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { LiveModels } from './live-models.js';

const backend = createCpuBackend({ kernels: 'js' });

describe('LiveModels with a conv network (LeNet-style)', () => {
  it('shows the first conv layer’s 5×5 kernels as tiles, and keeps a frozen copy that guesses as the live one did', async () => {
    const net = createNetwork(backend, {
      rng: new Rng(1),
      inputShape: [28, 28, 1],
      init: normalInit(0.3),
      layers: [
        { type: 'conv', out: 6, kernel: 5, activation: 'tanh' },
        { type: 'maxPool', size: 2 },
        { type: 'conv', out: 4, kernel: 5, activation: 'tanh' },
        { type: 'maxPool', size: 2 },
        { out: 10, activation: 'softmax' },
      ],
    });
    const trainer = createTrainer(net, backprop(), {
      loss: 'softmax-ce',
      learningRate: 0.1,
      rng: new Rng(2),
    });
    const models = new LiveModels();
    models.set('bp', { kind: 'trainer', trainer });
    const [tiles] = await models.tiles(4);
    expect(tiles.kind).toBe('conv');
    expect([tiles.rule, tiles.units, tiles.tileW, tiles.tileH, tiles.pixels.length]).toEqual([
      'bp',
      4,
      5,
      5,
      100,
    ]);
    expect(Array.from(tiles.pixels)).toEqual(Array.from(net.layers[0].weights.readSync().subarray(0, 100)));
    const digit = Float32Array.from({ length: 784 }, (_, i) => ((i * 37) % 11) / 10);
    const [live] = await models.guess(digit);
    models.set('bp', null); // the run ended: a frozen copy of the conv network takes over
    trainer.dispose();
    net.dispose();
    const [frozen] = await models.guess(digit);
    expect(frozen.outputs).toEqual(live.outputs);
    expect((await models.tiles(6))[0].units).toBe(6);
    models.clear();
  });
});
