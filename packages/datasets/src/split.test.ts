import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { createDataset, type Dataset } from './dataset.js';
import { permuteRowsInPlace } from './permute-rows.js';
import { splitValidation } from './split.js';

// Row t: inputs [t, 100 + t], target [-t], label t % 10: every field tells its row.
function numbered(count: number): Dataset {
  const inputs = new Float32Array(count * 2);
  const targets = new Float32Array(count);
  const labels = new Uint8Array(count);
  for (let t = 0; t < count; t++) {
    inputs.set([t, 100 + t], 2 * t);
    targets[t] = -t;
    labels[t] = t % 10;
  }
  return createDataset({ inputs, targets, labels, inputSize: 2, targetSize: 1 });
}

function rowsOf(d: Dataset): number[] {
  return Array.from({ length: d.count }, (_, r) => {
    const t = d.inputs[2 * r];
    expect([d.inputs[2 * r + 1], d.targets[r], d.labels![r]]).toEqual([100 + t, -t, t % 10]);
    return t;
  });
}

describe('splitValidation', () => {
  it('without an rng takes the last rows, as views', () => {
    const d = numbered(10);
    const { train, validation } = splitValidation(d, { fraction: 0.3 });
    expect(rowsOf(train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rowsOf(validation)).toEqual([7, 8, 9]);
    expect(validation.inputs.buffer).toBe(d.inputs.buffer);
  });

  it('with an rng picks rows by rng.shuffle, copying by default and in place on request, with equal results', () => {
    const order = Array.from({ length: 50 }, (_, i) => i);
    new Rng(4).shuffle(order);
    const d = numbered(50);
    const copied = splitValidation(d, { size: 12, rng: new Rng(4) });
    expect(rowsOf(copied.train)).toEqual(order.slice(0, 38));
    expect(rowsOf(copied.validation)).toEqual(order.slice(38));
    expect(rowsOf(d)).toEqual(Array.from({ length: 50 }, (_, i) => i)); // input untouched
    const inPlace = splitValidation(d, { size: 12, rng: new Rng(4), inPlace: true });
    expect(rowsOf(inPlace.train)).toEqual(order.slice(0, 38));
    expect(rowsOf(inPlace.validation)).toEqual(order.slice(38));
    expect(inPlace.validation.inputs.buffer).toBe(d.inputs.buffer);
  });

  it('refuses sizes that leave either set empty, and ambiguous options', () => {
    const d = numbered(10);
    expect(() => splitValidation(d, { size: 10 })).toThrow(OptionError);
    expect(() => splitValidation(d, { size: 0 })).toThrow(/integer in \[1, 9\]/);
    expect(() => splitValidation(d, { fraction: 1.5 })).toThrow(/fraction must lie in \(0, 1\)/);
    expect(() => splitValidation(d, { size: 2, fraction: 0.2 })).toThrow(/exactly one of size and fraction/);
  });
});

describe('permuteRowsInPlace', () => {
  it('matches a copying permutation on random orders with long and trivial cycles', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const order = Array.from({ length: 97 }, (_, i) => i);
      rng.shuffle(order);
      const data = new Float32Array(97 * 3).map((_, k) => k);
      const expected = order.flatMap((from) => [3 * from, 3 * from + 1, 3 * from + 2]);
      permuteRowsInPlace([{ data, width: 3 }], order);
      expect(Array.from(data)).toEqual(expected);
    }
  });
});
