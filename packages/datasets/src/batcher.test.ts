import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { Batcher, batches } from './batcher.js';
import { createDataset } from './dataset.js';

// Row t: inputs [t, t + 0.5, t + 0.25], target [2t], label t % 10.
function numbered(count: number) {
  const inputs = new Float32Array(count * 3).map((_, k) => Math.floor(k / 3) + [0, 0.5, 0.25][k % 3]);
  const targets = new Float32Array(count).map((_, t) => 2 * t);
  const labels = new Uint8Array(count).map((_, t) => t % 10);
  return createDataset({ inputs, targets, labels, inputSize: 3, targetSize: 1 });
}

describe('Batcher', () => {
  it('yields the rows of rng.shuffle order, each batch matching its indices', () => {
    const data = numbered(23);
    const expected = Array.from({ length: 23 }, (_, i) => i);
    new Rng(9).shuffle(expected);
    const seen: number[] = [];
    const sizes: number[] = [];
    for (const batch of batches(data, { batchSize: 5, rng: new Rng(9) })) {
      sizes.push(batch.size);
      for (let r = 0; r < batch.size; r++) {
        const t = batch.indices[r];
        seen.push(t);
        expect(Array.from(batch.inputs.subarray(3 * r, 3 * r + 3))).toEqual([t, t + 0.5, t + 0.25]);
        expect([batch.targets[r], batch.labels![r]]).toEqual([2 * t, t % 10]);
      }
      expect(batch.inputs.length).toBe(batch.size * 3);
    }
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    expect(seen).toEqual(expected);
  });

  it('draws a new order each epoch, the same for the same seed, and reuses its buffers', () => {
    const data = numbered(40);
    const orders = (seed: number) => {
      const batcher = new Batcher(data, { batchSize: 8, rng: new Rng(seed), dropLast: true });
      const buffers = new Set<Float32Array>();
      const epochs = [0, 1].map(() => {
        const order: number[] = [];
        for (const batch of batcher.epoch()) {
          buffers.add(batch.inputs);
          order.push(...batch.indices);
        }
        return order;
      });
      expect(buffers.size).toBe(1);
      return epochs;
    };
    const [a0, a1] = orders(3);
    const [b0, b1] = orders(3);
    expect(a0).toEqual(b0);
    expect(a1).toEqual(b1);
    expect(a1).not.toEqual(a0);
    expect([...a1].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(orders(4)[0]).not.toEqual(a0);
  });

  it('keeps dataset order without an rng, drops the short batch on request, and does online steps', () => {
    const data = numbered(7);
    const plain = [...new Batcher(data, { batchSize: 3 }).epoch()].map((b) => b.size);
    expect(plain).toEqual([3, 3, 1]);
    const dropped = new Batcher(data, { batchSize: 3, dropLast: true });
    expect(dropped.batchesPerEpoch).toBe(2);
    const online: number[] = [];
    for (const b of batches(data, { batchSize: 1 })) online.push(b.indices[0]);
    expect(online).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('refuses bad options', () => {
    expect(() => new Batcher(numbered(3), { batchSize: 0 })).toThrow(OptionError);
    expect(() => new Batcher(numbered(3), { batchSize: 2, shuffle: true })).toThrow(/shuffle needs an rng/);
  });
});

describe('Batcher state', () => {
  it('resumes a shuffled run with exactly the same batches after getState/setState', () => {
    const n = 23;
    const ds = createDataset({
      inputs: Float32Array.from({ length: n * 2 }, (_, i) => i),
      targets: new Float32Array(n),
      inputSize: 2,
      targetSize: 1,
    });
    const a = new Batcher(ds, { batchSize: 4, rng: new Rng(5) });
    [...a.epoch()];
    const saved = JSON.parse(JSON.stringify(a.getState()));
    const next = [...a.epoch()].map((b) => Array.from(b.indices));
    const b = new Batcher(ds, { batchSize: 4, rng: new Rng(999) });
    b.setState(saved);
    expect([...b.epoch()].map((x) => Array.from(x.indices))).toEqual(next);
    expect(() => b.setState({ order: [1, 2], rng: null })).toThrow(/23 rows/);
  });
});
