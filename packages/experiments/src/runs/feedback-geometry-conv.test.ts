import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, normalInit } from '@rfa/layers';
import { feedbackAlignment, kolenPollack } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { feedbackGeometry } from './feedback-geometry.js';

const backend = createCpuBackend({ kernels: 'js' });

const convNet = () =>
  createNetwork(backend, {
    rng: new Rng(5),
    inputShape: [6, 6, 2],
    init: normalInit(0.5),
    layers: [
      { type: 'conv', out: 3, kernel: 3, activation: 'relu' },
      { type: 'conv', out: 4, kernel: 2, activation: 'relu' },
      { type: 'maxPool', size: 3 },
      { out: 2, activation: 'linear' },
    ],
  });

/** Row-major transpose of a rows × cols matrix. */
const transpose = (m: Float32Array, rows: number, cols: number) =>
  Float32Array.from({ length: rows * cols }, (_, k) => m[(k % rows) * cols + Math.floor(k / rows)]);

describe('per-layer feedback geometry of a conv layer (its kernel matrix [outC, kH·kW·inC])', () => {
  it("FA's B [kH·kW·inC, outC]: 0° and ratio 1 when B = Wᵀ, 180° when B = −Wᵀ, and the angle read from B otherwise", async () => {
    const net = convNet();
    const rule = feedbackAlignment().bind(net, new Rng(6));
    const b = rule.feedback().find((f) => f.layer === 1)!;
    const w = net.layers[1].weights;
    expect([w.shape, b.tensor.shape]).toEqual([
      [4, 12],
      [12, 4],
    ]);
    const wt = transpose(w.readSync(), 4, 12);
    backend.write(b.tensor, wt);
    const same = await feedbackGeometry(net, rule.feedback(), 1);
    expect(same.angle).toBeCloseTo(0, 2);
    expect(same.normRatio).toBeCloseTo(1, 6);
    backend.write(
      b.tensor,
      wt.map((v) => -2 * v),
    );
    const opposite = await feedbackGeometry(net, rule.feedback(), 1);
    expect(opposite.angle).toBeCloseTo(180, 2);
    expect(opposite.normRatio).toBeCloseTo(2, 5);
    // a B that is Wᵀ in one column and 0 elsewhere: cos = ‖W's row 0‖ / ‖W‖
    const wv = w.readSync();
    const row0 = Math.hypot(...wv.subarray(0, 12));
    const oneColumn = wt.map((v, k) => (k % 4 === 0 ? v : 0));
    backend.write(b.tensor, oneColumn);
    const partial = await feedbackGeometry(net, rule.feedback(), 1);
    expect(partial.angle).toBeCloseTo((Math.acos(row0 / Math.hypot(...wv)) * 180) / Math.PI, 3);
    rule.dispose();
    net.dispose();
  });

  it("Kolen–Pollack's K is kernel-shaped (W's layout) and compared with W itself", async () => {
    const net = convNet();
    const rule = kolenPollack().bind(net, new Rng(6));
    const k = rule.feedback().find((f) => f.layer === 1)!;
    expect([k.layout, k.tensor.shape]).toEqual(['forward', [4, 12]]);
    backend.copy(k.tensor, net.layers[1].weights);
    expect((await feedbackGeometry(net, rule.feedback(), 1)).angle).toBeCloseTo(0, 2);
    rule.dispose();
    net.dispose();
  });
});
