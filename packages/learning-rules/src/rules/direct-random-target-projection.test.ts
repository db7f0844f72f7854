import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { stepW0, TINY_TARGET, TINY_W1, TINY_X, tinyForward, tinyNet } from '../testing/tiny-net.js';
import { xorTaskError } from '../testing/xor-task.js';
import { createTrainer } from '../trainer.js';
import { directRandomTargetProjection } from './direct-random-target-projection.js';

const backend = createCpuBackend();
const ETA = 0.1;

describe('DRTP: one hand-worked step on a 2-3-2 net', () => {
  it('the hidden layer learns from D y* alone; the output layer from its error', () => {
    const trainer = createTrainer(tinyNet(backend), directRandomTargetProjection(), {
      loss: 'mse',
      learningRate: ETA,
      rng: new Rng(13),
    });
    trainer.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);
    // D ([3, 2]) ~ U[-0.5, 0.5] from the rule's rng; y* = [1, 0] picks D's first column
    const rng = new Rng(13);
    const d = Array.from({ length: 6 }, () => Math.fround(-0.5 + rng.uniform()));
    const { h, e, derivative } = tinyForward();
    const delta0 = [0, 1, 2].map(
      (i) => (d[2 * i] * TINY_TARGET[0] + d[2 * i + 1] * TINY_TARGET[1]) * derivative[i],
    );
    expectClose(trainer.network.layers[0].weights.readSync(), stepW0(delta0, ETA), {
      atol: 1e-7,
      rtol: 1e-6,
    });
    const w1 = TINY_W1.map((w, idx) => w + ETA * e[Math.floor(idx / 3)] * h[idx % 3]);
    expectClose(trainer.network.layers[1].weights.readSync(), w1, { atol: 1e-7, rtol: 1e-6 });
  });

  it('no error path: other output weights leave the hidden step unchanged', () => {
    const hiddenStep = (scaleW1: number) => {
      const net = tinyNet(backend);
      backend.write(
        net.layers[1].weights,
        TINY_W1.map((w) => w * scaleW1),
      );
      const t = createTrainer(net, directRandomTargetProjection(), {
        loss: 'mse',
        learningRate: ETA,
        rng: new Rng(2),
      });
      t.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);
      return Array.from(net.layers[0].weights.readSync());
    };
    expect(hiddenStep(-3)).toEqual(hiddenStep(1));
  });
});

describe('DRTP', () => {
  it('learns the two-XOR task (error well under chance, 0.75)', () => {
    expect(xorTaskError(backend, directRandomTargetProjection())).toBeLessThan(0.55);
  });
});
