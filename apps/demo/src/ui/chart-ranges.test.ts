import { describe, expect, it } from 'vitest';
import { LOG_FLOOR, linearRange, logRange } from './chart-ranges.js';

describe('linearRange', () => {
  it('adds 5% of the span on each side', () => {
    expect(linearRange(10, 30)).toEqual([9, 31]);
    expect(linearRange(-2, 2)).toEqual([-2.2, 2.2]);
  });
  it('treats a flat series, or one flat but for float64 rounding, as flat: 5% of the value, 1 around 0', () => {
    expect(linearRange(90, 90)).toEqual([85.5, 94.5]);
    const [lo, hi] = linearRange(0.9999999999999999, 1);
    expect(lo).toBeCloseTo(0.95, 12);
    expect(hi).toBeCloseTo(1.05, 12);
    expect(linearRange(0, 0)).toEqual([-1, 1]);
    // a real but small span is kept: 1e-9 of the value is well above rounding
    const [a, b] = linearRange(1, 1 + 1e-9);
    expect(b - a).toBeCloseTo(1.1e-9, 15);
  });
  it('gives [0, 1] when there is no data to range', () => {
    expect(linearRange(Number.NaN, 1)).toEqual([0, 1]);
    expect(linearRange(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toEqual([0, 1]);
  });
});

describe('logRange', () => {
  it('spans whole powers of ten around the data', () => {
    expect(logRange(0.0107, 1.0023)).toEqual([0.01, 10]);
    expect(logRange(3e-7, 2)).toEqual([1e-7, 10]);
    const [lo, hi] = logRange(0.5, 0.5);
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    for (const v of [lo, hi]) expect(Math.log10(v)).toBeCloseTo(Math.round(Math.log10(v)), 12);
  });
  it('goes no lower than about LOG_FLOOR, whatever the data (0, NaN, 1e-25)', () => {
    for (const [a, b] of [
      [1e-25, 1],
      [0, 1],
      [Number.NaN, Number.NaN],
      [1e-30, 1e-28],
    ]) {
      const [lo, hi] = logRange(a, b);
      expect(lo).toBeGreaterThanOrEqual(LOG_FLOOR / 10);
      expect(hi).toBeGreaterThan(lo);
    }
  });
});
