import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { stepW0, TINY_TARGET, TINY_W0, TINY_W1, TINY_X, tinyForward, tinyNet } from '../testing/tiny-net.js';
import { createTrainer } from '../trainer.js';
import { type KolenPollackOptions, kolenPollack } from './kolen-pollack.js';

const backend = createCpuBackend();
const [ETA, LAMBDA] = [0.1, 0.05];

/** One step on the tiny net with weight decay λ; W0, W1 and K after it. */
function oneStep(options: KolenPollackOptions) {
  const trainer = createTrainer(tinyNet(backend), kolenPollack(options), {
    loss: 'mse',
    learningRate: ETA,
    weightDecay: LAMBDA,
    rng: new Rng(21),
  });
  trainer.step(Float32Array.from(TINY_X), Float32Array.from(TINY_TARGET), 1);
  const [w0, w1] = trainer.network.layers.map((l) => l.weights.readSync());
  return { w0, w1, k: trainer.rule.feedback()[0].tensor.readSync() };
}

describe('Kolen–Pollack: one hand-worked step on a 2-3-2 net', () => {
  // K ([2, 3], W1's layout) ~ U[-0.5, 0.5] from the rule's rng
  const rng = new Rng(21);
  const k0 = Array.from({ length: 6 }, () => Math.fround(-0.5 + rng.uniform()));
  const { h, e, derivative } = tinyForward();
  const delta0 = [0, 1, 2].map((i) => (k0[i] * e[0] + k0[3 + i] * e[1]) * derivative[i]);
  // the step W1 and K share: η e hᵀ, each with its own weight decay (1 − ηλ)
  const step = (m: number[], shrink: number) =>
    m.map((v, idx) => shrink * ((1 - ETA * LAMBDA) * v + ETA * e[Math.floor(idx / 3)] * h[idx % 3]));
  // W0 has no K above it: only the network's weight decay, in every reading
  const w0 = stepW0(delta0, ETA).map((v, idx) => v - ETA * LAMBDA * TINY_W0[idx]);

  it("'shared' (default): W and K take the same step and the network's weight decay, nothing more", () => {
    const r = oneStep({});
    expectClose(r.w0, w0, { atol: 1e-7, rtol: 1e-6 }, 'W0');
    expectClose(r.w1, step(TINY_W1, 1), { atol: 1e-7, rtol: 1e-6 }, 'W1');
    expectClose(r.k, step(k0, 1), { atol: 1e-7, rtol: 1e-6 }, 'K');
  });

  it("'extra': W and K also shrink by (1 − η λ_KP), λ_KP = 1e-3 unless `decay` says", () => {
    const shrink = 1 - ETA * 1e-3;
    const r = oneStep({ decayReading: 'extra' });
    expectClose(r.w0, w0, { atol: 1e-7, rtol: 1e-6 }, 'W0');
    expectClose(r.w1, step(TINY_W1, shrink), { atol: 1e-7, rtol: 1e-6 }, 'W1');
    expectClose(r.k, step(k0, shrink), { atol: 1e-7, rtol: 1e-6 }, 'K');
    const own = oneStep({ decayReading: 'extra', decay: 0.5 });
    expectClose(own.k, step(k0, 1 - ETA * 0.5), { atol: 1e-7, rtol: 1e-6 }, 'K, decay 0.5');
  });

  it("decayApplies 'feedback': the rule's own decay shrinks K only", () => {
    const r = oneStep({ decay: 0.5, decayApplies: 'feedback' });
    expectClose(r.w1, step(TINY_W1, 1), { atol: 1e-7, rtol: 1e-6 }, 'W1');
    expectClose(r.k, step(k0, 1 - ETA * 0.5), { atol: 1e-7, rtol: 1e-6 }, 'K');
  });

  it('refuses an unknown reading by name', () => {
    expect(() => kolenPollack({ decayReading: 'both' as never })).toThrow(OptionError);
    expect(() => kolenPollack({ decayReading: 'both' as never })).toThrow(
      /decayReading must be 'shared' or 'extra'/,
    );
  });
});
