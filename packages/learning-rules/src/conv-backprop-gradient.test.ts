import { createCpuBackend } from '@rfa/backend-cpu';
import { type ConvLayer, createNetwork, type NetworkLayerConfig, normalInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';
import { checkGradient, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import type { Loss } from './loss.js';
import { backprop } from './rules/backprop.js';
import { refConvLoss, referenceLayers } from './testing/reference-conv-network.js';
import { createTrainer } from './trainer.js';

const backend = createCpuBackend();

// conv 3×3 'same' → max pool 2 (drops the last column) → conv 2×2 → avg pool [2, 1] with stride 1 (overlapping windows) → dense
const LAYERS = (output: 'softmax' | 'tanh'): NetworkLayerConfig[] => [
  { type: 'conv', out: 3, kernel: 3, padding: 'same', activation: 'tanh' },
  { type: 'maxPool', size: 2 },
  { type: 'conv', out: 4, kernel: 2, activation: 'logistic' },
  { type: 'avgPool', size: [2, 1], stride: 1 },
  { type: 'flatten' },
  { out: 3, activation: output },
];

/**
 * rfa's float32 backprop gradient of every layer ([W, b], from the last step's teaching signals
 * through the layers' own weightGradient and biasGradient) beside float64 finite differences of a
 * direct-loop reference network, with a `permute` applied to the first conv's kernel gradient.
 */
function gradients(loss: Loss, seed: number, permute = (g: Float64Array) => g) {
  const rng = new Rng(seed);
  const batch = 3;
  const net = createNetwork(backend, {
    rng,
    inputShape: [8, 7, 2],
    init: normalInit(0.7),
    biasInit: normalInit(0.2),
    layers: LAYERS(loss === 'mse' ? 'tanh' : 'softmax'),
  });
  const x = randomArray(rng, [batch, 8 * 7 * 2], -1, 1);
  const y = loss === 'mse' ? randomArray(rng, [batch, 3], -0.5, 0.5) : new Float32Array(batch * 3);
  if (loss === 'softmax-ce') for (let r = 0; r < batch; r++) y[r * 3 + rng.int(3)] = 1;
  const ref = referenceLayers(net);
  const trainer = createTrainer(net, backprop(), { loss, learningRate: 1e-9, rng });
  trainer.step(x, y, batch);
  const { deltas, cache } = trainer.lastStep;
  const results = net.layers.map((layer, l) => {
    const gw = backend.zeros(layer.weights.shape);
    const gb = backend.zeros(layer.bias.shape);
    // −∂L/∂W is the mean over the batch of Σ δ ⊗ input: the gradient is its negative
    layer.weightGradient(gw, deltas[l]!, cache.layerInput(l), cache.workspaces[l], -1 / batch, 0);
    layer.biasGradient(gb, deltas[l]!);
    const weightPart = Float64Array.from(gw.readSync());
    const analytic = new Float64Array([
      ...(l === 0 ? permute(weightPart) : weightPart),
      ...Float64Array.from(gb.readSync(), (v) => -v / batch),
    ]);
    gw.dispose();
    gb.dispose();
    const nW = layer.weights.size;
    const saved = { w: ref[l].w, b: ref[l].b };
    const params = new Float64Array([...ref[l].w, ...ref[l].b]);
    const lossAt = (p: Float64Array) => {
      ref[l].w = p.subarray(0, nW);
      ref[l].b = p.subarray(nW);
      return refConvLoss(ref, x, y, batch, loss);
    };
    const result = checkGradient(lossAt, params, analytic, { h: 1e-6, floor: 1e-6 });
    Object.assign(ref[l], saved);
    return result.maxRelativeError;
  });
  trainer.dispose();
  net.dispose();
  return results;
}

/** The first conv's 3×3×2 kernel gradient with ky and kx swapped: what a transposed index would give. */
function swapKyKx(g: Float64Array): Float64Array {
  const out = new Float64Array(g.length);
  const [k, c] = [3, 2];
  for (let o = 0; o < g.length / (k * k * c); o++)
    for (let ky = 0; ky < k; ky++)
      for (let kx = 0; kx < k; kx++)
        for (let ch = 0; ch < c; ch++)
          out[o * k * k * c + (kx * k + ky) * c + ch] = g[o * k * k * c + (ky * k + kx) * c + ch];
  return out;
}

describe('backprop through conv, max pool and avg pool: finite-difference gradient checks', () => {
  for (const loss of ['mse', 'softmax-ce'] as const) {
    it(`every layer's W and b match float64 differences (${loss})`, () => {
      for (const seed of [1, 2, 3]) {
        const errors = gradients(loss, seed);
        // float32 network vs float64 differences: ~1e-4 relative is float32's limit here
        for (const e of errors) expect(e).toBeLessThan(2e-3);
      }
    });
  }

  it('the same tolerance rejects a kernel gradient with ky and kx swapped', () => {
    for (const seed of [1, 2, 3]) {
      const [first] = gradients('mse', seed, swapKyKx);
      expect(first).toBeGreaterThan(0.05);
    }
  });

  it('the network is the one meant: two conv layers, pooled to [2, 2, 4] before the dense layer', () => {
    const net = createNetwork(backend, { rng: new Rng(1), inputShape: [8, 7, 2], layers: LAYERS('tanh') });
    const [c1, c2] = net.layers as ConvLayer[];
    expect([c1.units, c1.outputShape, c2.units, c2.outputShape]).toEqual([168, [4, 3, 3], 24, [2, 2, 4]]);
    net.dispose();
  });
});
