import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { expect, it } from 'vitest';
import { sigmoid64 } from './fixtures/reference.js';
import { emitSpikes } from './simulation-step.js';
import { createSpikingNetwork } from './spiking-network.js';

/**
 * The bound: each frequency is a mean of N independent Bernoulli(p) draws, so
 * its standard deviation is sqrt(p(1−p)/N). We allow 5 of them (a correct
 * sampler fails a given check with probability < 6e-7; the draw is seeded, so
 * the test is deterministic). With N = 20,000, 5σ ≤ 0.018, far below the gap a
 * wrong probability would leave (sigmoid(V/2) vs sigmoid(V) differ by 0.15 at V = 2).
 */
const fiveSigma = (p: number, n: number) => 5 * Math.sqrt((p * (1 - p)) / n);

it('spikes are 0/1, fire at sigmoid(V) on a fixed potential, and are drawn anew each step', () => {
  const backend = createCpuBackend();
  const values = [-4, -2, -0.5, 0, 0.5, 1, 2, 4];
  const [rows, cols, draws] = [50, 80, 40];
  const v = Float32Array.from({ length: rows * cols }, (_, i) => values[i % values.length]);
  const potential = backend.fromArray(v, [rows, cols]);
  const probability = backend.zeros([rows, cols]);
  const spikes = backend.zeros([rows, cols]);
  const rng = new Rng(99);
  const fired = new Float64Array(values.length);
  let bothAtZero = 0;
  let previous: Float32Array | null = null;
  for (let d = 0; d < draws; d++) {
    emitSpikes(backend, spikes, probability, potential, { rng });
    const s = spikes.readSync();
    expect(s.every((x) => x === 0 || x === 1)).toBe(true);
    for (let i = 0; i < s.length; i++) fired[i % values.length] += s[i];
    if (previous) for (let i = 3; i < s.length; i += values.length) bothAtZero += s[i] * previous[i];
    previous = s;
  }
  expect(potential.readSync()).toEqual(v); // the potential is not touched
  const perValue = (rows * cols * draws) / values.length;
  values.forEach((value, k) => {
    const p = sigmoid64(value);
    expect(Math.abs(fired[k] / perValue - p)).toBeLessThan(fiveSigma(p, perValue));
  });
  // successive draws are independent: P(spike at t and t+1 | V = 0) = 1/4
  const pairs = (rows * cols * (draws - 1)) / values.length;
  expect(Math.abs(bothAtZero / pairs - 0.25)).toBeLessThan(fiveSigma(0.25, pairs));
});

it('input units spike with probability min(x, inputClamp): 0.95 for white, 0 for black, x in between', () => {
  const rng = new Rng(3);
  const parallel = 40;
  const net = createSpikingNetwork(createCpuBackend(), {
    layers: [4, 3, 2],
    classes: 2,
    unitsPerClass: 1,
    parallel,
    rng,
  });
  const pixels = [1, 0, 0.3, 0.97];
  const expected = [0.95, 0, 0.3, 0.95];
  net.present(
    Float32Array.from({ length: parallel * 4 }, (_, i) => pixels[i % 4]),
    new Uint8Array(parallel),
  );
  const steps = 250;
  const fired = new Float64Array(4);
  for (let t = 0; t < steps; t++) {
    net.step(false);
    const s = net.tensors.inputSpikes.readSync();
    for (let i = 0; i < s.length; i++) fired[i % 4] += s[i];
  }
  const n = parallel * steps; // 10,000 draws per pixel value
  expect(fired[1]).toBe(0);
  expected.forEach((p, k) => {
    expect(Math.abs(fired[k] / n - p)).toBeLessThanOrEqual(fiveSigma(p, n));
  });
  net.dispose();
});
