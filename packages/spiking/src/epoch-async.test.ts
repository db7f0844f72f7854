import { createCpuBackend } from '@rfa/backend-cpu';
import { LengthError, OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { evaluate, trainEpoch, trainEpochAsync } from './dataset-loop.js';
import { prototypeTask } from './fixtures/prototype-task.js';
import { createSpikingNetwork } from './spiking-network.js';

const backend = createCpuBackend({ kernels: 'js' });
const task = prototypeTask(new Rng(5), {
  classes: 4,
  inputSize: 16,
  noise: 0.2,
  trainCount: 95,
  testCount: 23,
});
const net = () =>
  createSpikingNetwork(backend, {
    layers: [16, 12, 8],
    classes: 4,
    unitsPerClass: 2,
    parallel: 10,
    learningRate: 1e-2,
    rng: new Rng(11),
  });
const weights = async (n: ReturnType<typeof net>) =>
  (await n.getState()).layerStates.flatMap((l) => Array.from(l.weights));

describe('trainEpochAsync', () => {
  it('trains the same bits as trainEpoch for the same shuffle, and reports every batch', async () => {
    const a = net();
    trainEpoch(a, task.train, { shuffle: new Rng(3) });
    const b = net();
    const seen: string[] = [];
    await trainEpochAsync(b, task.train, {
      shuffle: new Rng(3),
      onBatch: (done, total) => {
        seen.push(`${done}/${total}`);
      },
    });
    expect(await weights(b)).toEqual(await weights(a));
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}/10`));
  });

  it('resumed at a start batch from a saved state, ends where the uninterrupted epoch ends', async () => {
    const order = Uint32Array.from({ length: task.train.count }, (_, i) => (i * 37) % task.train.count);
    const whole = net();
    await trainEpochAsync(whole, task.train, { order });
    const first = net();
    let saved: Awaited<ReturnType<typeof first.getState>> | null = null;
    await trainEpochAsync(first, task.train, {
      order,
      onBatch: async (done) => {
        if (done === 4) {
          saved = await first.getState();
          throw new Error('stop');
        }
      },
    }).catch((e: Error) => expect(e.message).toBe('stop'));
    const resumed = net();
    resumed.setState(saved!);
    await trainEpochAsync(resumed, task.train, { order, startBatch: 4 });
    expect(await weights(resumed)).toEqual(await weights(whole));
    expect(await weights(resumed)).not.toEqual(await weights(net()));
  });

  it('refuses an order with an index outside the set and a start batch past the end', async () => {
    await expect(trainEpochAsync(net(), task.train, { order: [0, 95] })).rejects.toThrow(LengthError);
    await expect(trainEpochAsync(net(), task.train, { startBatch: 11 })).rejects.toThrow(OptionError);
  });

  it('evaluate reports its progress per batch', async () => {
    const seen: number[] = [];
    await evaluate(net(), task.test, task.test.count, { onBatch: (scored) => void seen.push(scored) });
    expect(seen).toEqual([10, 20, 23]);
  });
});
