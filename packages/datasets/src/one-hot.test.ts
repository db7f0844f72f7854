import { LengthError, OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('puts a single 1 at each label', () => {
    expect(Array.from(oneHot([2, 0], 3))).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('population-codes k units per class, and every row sums to k', () => {
    const labels = [0, 3, 1, 3];
    const out = oneHot(labels, 4, { unitsPerClass: 5 });
    expect(out.length).toBe(4 * 20);
    labels.forEach((label, t) => {
      const row = out.subarray(t * 20, (t + 1) * 20);
      for (let u = 0; u < 20; u++) expect(row[u]).toBe(Math.floor(u / 5) === label ? 1 : 0);
    });
  });

  it('clears and reuses an `into` block', () => {
    const into = new Float32Array(6).fill(7);
    expect(oneHot([1, 1], 3, { into })).toBe(into);
    expect(Array.from(into)).toEqual([0, 1, 0, 0, 1, 0]);
    expect(() => oneHot([1], 3, { into })).toThrow(LengthError);
  });

  it('refuses labels outside the classes and bad options', () => {
    expect(() => oneHot([0, 3], 3)).toThrow(/label 3 at index 1 is outside 0..2/);
    expect(() => oneHot([0], 3, { unitsPerClass: 0 })).toThrow(OptionError);
  });
});
