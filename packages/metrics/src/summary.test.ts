import { LengthError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { mean, sampleVariance, standardDeviation, summarize } from './summary.js';
import { normalArray } from './test-helpers.js';

describe('mean, standardDeviation, summarize', () => {
  it('give known values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    // Σ(x - 5)² = 32 over n - 1 = 7
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(summarize(Float32Array.of(1, 3))).toEqual({ mean: 2, sd: Math.SQRT2, n: 2 });
  });

  it('stay accurate with a large offset (two-pass variance)', () => {
    const values = normalArray(60, 1000, 1e9, 1);
    const shifted = values.map((v) => v - 1e9);
    // the shift is exact-ish in float64; the one-pass Σx² - n·m² formula would lose every digit here
    expect(sampleVariance(values)).toBeCloseTo(sampleVariance(shifted), 5);
    expect(standardDeviation(shifted)).toBeGreaterThan(0.9);
    expect(standardDeviation(shifted)).toBeLessThan(1.1);
  });

  it('give NaN s.d. for one value and throw on empty input', () => {
    expect(summarize([4])).toEqual({ mean: 4, sd: Number.NaN, n: 1 });
    expect(() => mean([])).toThrow(LengthError);
    expect(() => standardDeviation([])).toThrow(LengthError);
  });
});
