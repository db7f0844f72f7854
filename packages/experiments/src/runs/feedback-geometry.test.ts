import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { createTrainer, directFeedbackAlignment, kolenPollack } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { AlignmentProbe } from './alignment-probe.js';
import { feedbackGeometry } from './feedback-geometry.js';

const backend = createCpuBackend({ kernels: 'js' });
const LEARNING_RATE = 0.5;
const WEIGHT_DECAY = 0.1;

const degrees = (a: number[], b: number[]) => {
  const dot = a.reduce((s, v, i) => s + v * b[i], 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return (Math.acos(dot / (norm(a) * norm(b))) * 180) / Math.PI;
};
const normRatio = (b: number[], w: number[]) =>
  Math.sqrt(b.reduce((s, x) => s + x * x, 0)) / Math.sqrt(w.reduce((s, x) => s + x * x, 0));

function kpTrainer() {
  const net = createNetwork(backend, {
    rng: new Rng(7),
    init: uniformInit(0.8),
    layers: [
      { in: 3, out: 4, activation: 'tanh' },
      { out: 2, activation: 'linear' },
    ],
  });
  const trainer = createTrainer(net, kolenPollack({ init: uniformInit(0.8) }), {
    loss: 'mse',
    learningRate: LEARNING_RATE,
    weightDecay: WEIGHT_DECAY,
    rng: new Rng(8),
    trackBackprop: true,
  });
  return { net, trainer };
}

describe('per-layer feedback geometry read from the current feedback', () => {
  it('Kolen–Pollack after two steps: W–K angle and ‖K‖/‖W‖ against a float64 reference of K', async () => {
    const { net, trainer } = kpTrainer();
    const top = net.layers[1];
    const k = trainer.rule.feedback().find((f) => f.layer === 1)!;
    expect(k.layout).toBe('forward');
    const w0 = Array.from(await top.weights.read());
    const k0 = Array.from(await k.tensor.read());
    const probe = new AlignmentProbe(() => false);
    const before = await probe.point(trainer);
    expect(before.weightAngle).toBeCloseTo(degrees(w0, k0), 4);
    expect(before.normRatio).toBeCloseTo(normRatio(k0, w0), 6);

    trainer.step(Float32Array.from([0.5, -1, 0.25]), Float32Array.from([1, -0.5]), 1);
    trainer.step(Float32Array.from([-0.3, 0.8, 1]), Float32Array.from([-1, 0.75]), 1);
    // Kolen–Pollack ('shared'): K and W get the same update and both shrink by (1 − ηλ) a step,
    // so K − W = (1 − ηλ)² (K₀ − W₀) after two steps, whatever the updates were
    const w2 = Array.from(await top.weights.read());
    const shrink = (1 - LEARNING_RATE * WEIGHT_DECAY) ** 2;
    const kReference = w2.map((w, i) => w + shrink * (k0[i] - w0[i]));
    const after = await probe.point(trainer);
    expect(after.weightAngle).toBeCloseTo(degrees(w2, kReference), 3);
    expect(after.normRatio).toBeCloseTo(normRatio(kReference, w2), 5);
    // K moved: the step-0 reading would be wrong now
    expect(Math.abs(after.weightAngle - before.weightAngle)).toBeGreaterThan(0.5);
    expect(Number.isNaN(after.weightAngle1)).toBe(true);
    trainer.dispose();
    net.dispose();
  });

  it("DFA: the top hidden layer's D is compared with the output W's transpose; lower layers have none", async () => {
    const net = createNetwork(backend, {
      rng: new Rng(3),
      init: uniformInit(0.5),
      layers: [
        { in: 2, out: 3, activation: 'tanh' },
        { out: 2, activation: 'tanh' },
        { out: 2, activation: 'linear' },
      ],
    });
    const rule = directFeedbackAlignment().bind(net, new Rng(4));
    const d1 = rule.feedback().find((f) => f.layer === 1)!;
    expect(d1.layout).toBe('direct');
    // D1 [units 2, outputs 2] = [[1, 2], [3, 4]]; W2 [2, 2] = [[1, 0], [0, 1]] → Wᵀ flattened (1, 0, 0, 1)
    backend.write(d1.tensor, [1, 2, 3, 4]);
    backend.write(net.layers[2].weights, [1, 0, 0, 1]);
    const top = await feedbackGeometry(net, rule.feedback(), 2);
    expect(top.angle).toBeCloseTo(degrees([1, 0, 0, 1], [1, 2, 3, 4]), 4);
    expect(top.normRatio).toBeCloseTo(Math.sqrt(30) / Math.SQRT2, 6);
    const below = await feedbackGeometry(net, rule.feedback(), 1);
    expect(Number.isNaN(below.angle) && Number.isNaN(below.normRatio)).toBe(true);
    rule.dispose();
    net.dispose();
  });
});
