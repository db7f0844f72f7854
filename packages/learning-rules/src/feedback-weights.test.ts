import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import type { RuleFactory } from './rule.js';
import { backprop } from './rules/backprop.js';
import { directFeedbackAlignment } from './rules/direct-feedback-alignment.js';
import { feedbackAlignment } from './rules/feedback-alignment.js';
import { kolenPollack } from './rules/kolen-pollack.js';
import { nodePerturbation } from './rules/node-perturbation.js';
import { shallow } from './rules/shallow.js';
import { signSymmetry } from './rules/sign-symmetry.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend({ kernels: 'js' });

/** The rule's feedbackWeights, and whether any feedback matrix changed over 3 training steps. */
function feedbackChange(factory: RuleFactory) {
  const rng = new Rng(5);
  const net = createNetwork(backend, {
    rng,
    init: uniformInit(0.3),
    layers: [
      { in: 3, out: 4, activation: 'tanh' },
      { out: 4, activation: 'tanh' },
      { out: 2, activation: 'linear' },
    ],
  });
  const trainer = createTrainer(net, factory, { loss: 'mse', learningRate: 0.1, rng });
  const before = trainer.rule.feedback().map((f) => f.tensor.readSync().slice());
  const data = new Rng(8);
  for (let s = 0; s < 3; s++)
    trainer.step(
      Float32Array.from({ length: 3 }, () => data.uniformIn(-1, 1)),
      Float32Array.from({ length: 2 }, () => data.uniformIn(-1, 1)),
      1,
    );
  const after = trainer.rule.feedback().map((f) => f.tensor.readSync());
  const changed = after.some((a, i) => a.some((v, j) => v !== before[i][j]));
  return { kind: trainer.rule.feedbackWeights, matrices: after.length, changed, trainer };
}

describe('feedbackWeights: what feedback a rule has', () => {
  it.each([
    ['feedback alignment', feedbackAlignment()],
    ['direct feedback alignment', directFeedbackAlignment()],
  ])("%s: 'fixed', matrices that never change", (_, factory) => {
    const r = feedbackChange(factory);
    expect(r).toMatchObject({ kind: 'fixed', changed: false });
    expect(r.matrices).toBeGreaterThan(0);
  });

  it("Kolen–Pollack: 'adapted', matrices that learn", () => {
    expect(feedbackChange(kolenPollack())).toMatchObject({ kind: 'adapted', changed: true });
  });

  it("sign symmetry: 'adapted', sign(W) of the current weights after every step", () => {
    const { kind, trainer } = feedbackChange(signSymmetry());
    expect(kind).toBe('adapted');
    // flip every weight of the top layer: one more step and the feedback flips with it
    const top = trainer.network.layers[2];
    const w = top.weights.readSync();
    backend.write(
      top.weights,
      w.map((v) => -v),
    );
    trainer.step(Float32Array.of(0.1, -0.2, 0.3), Float32Array.of(0.5, -0.5), 1);
    const fb = trainer.rule.feedback().find((f) => f.layer === 2) as { tensor: { readSync(): Float32Array } };
    const now = top.weights.readSync();
    expect(Array.from(fb.tensor.readSync())).toEqual(Array.from(now, (v) => Math.sign(v)));
    expect(Math.sign(now[0])).toBe(-Math.sign(w[0]));
  });

  it.each([
    ['backprop', backprop()],
    ['shallow', shallow()],
    ['node perturbation', nodePerturbation()],
  ])("%s: 'none', no feedback matrices", (_, factory) => {
    expect(feedbackChange(factory)).toMatchObject({ kind: 'none', matrices: 0, changed: false });
  });
});
