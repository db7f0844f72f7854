import { LengthError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { studentTTwoSidedP } from './student-t.js';
import { normalArray } from './test-helpers.js';
import { welchTTest } from './welch-t-test.js';

/** t and df straight from the textbook formulas, float64. */
function referenceWelch(a: ArrayLike<number>, b: ArrayLike<number>): { t: number; df: number } {
  const stats = (x: ArrayLike<number>) => {
    let m = 0;
    for (let k = 0; k < x.length; k++) m += x[k];
    m /= x.length;
    let s = 0;
    for (let k = 0; k < x.length; k++) s += (x[k] - m) ** 2;
    return { m, v: s / (x.length - 1), n: x.length };
  };
  const A = stats(a);
  const B = stats(b);
  const se2 = A.v / A.n + B.v / B.n;
  const df = se2 ** 2 / ((A.v / A.n) ** 2 / (A.n - 1) + (B.v / B.n) ** 2 / (B.n - 1));
  return { t: (A.m - B.m) / Math.sqrt(se2), df };
}

describe('welchTTest', () => {
  it("reproduces R's t.test on the sleep data (t = -1.8608, df = 17.776, p = 0.07939)", () => {
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const { t, df, p } = welchTTest(group1, group2);
    expect(t).toBeCloseTo(-1.8608, 4);
    expect(df).toBeCloseTo(17.776, 3);
    expect(p).toBeCloseTo(0.07939, 5);
  });

  it('matches the direct formulas on unequal-size, unequal-variance samples', () => {
    const a = normalArray(70, 12, 1, 0.5);
    const b = normalArray(71, 25, 1.4, 2);
    const result = welchTTest(a, b);
    const reference = referenceWelch(a, b);
    expect(result.t).toBeCloseTo(reference.t, 12);
    expect(result.df).toBeCloseTo(reference.df, 10);
    expect(result.df).toBeGreaterThan(Math.min(a.length, b.length) - 1);
    expect(result.df).toBeLessThan(a.length + b.length - 2);
    expect(result.p).toBe(studentTTwoSidedP(reference.t, result.df));
  });

  it('is antisymmetric in t and symmetric in p when the samples swap', () => {
    const a = normalArray(72, 20, 0, 1);
    const b = normalArray(73, 15, 0.6, 1.5);
    const forward = welchTTest(a, b);
    const backward = welchTTest(b, a);
    expect(backward.t).toBe(-forward.t);
    expect(backward.df).toBeCloseTo(forward.df, 12);
    expect(backward.p).toBeCloseTo(forward.p, 14);
    expect(forward.p).toBeGreaterThan(0);
    expect(forward.p).toBeLessThan(1);
  });

  it('gives p < 1e-10 for two well-separated samples of 20', () => {
    const { t, p } = welchTTest(normalArray(74, 20, 0, 1), normalArray(75, 20, 5, 1));
    expect(t).toBeLessThan(-10);
    expect(p).toBeLessThan(1e-10);
    expect(p).toBeGreaterThan(0);
  });

  it('handles zero variance and rejects samples of one', () => {
    expect(welchTTest([1, 1], [2, 2])).toEqual({ t: -Infinity, df: Number.NaN, p: 0 });
    expect(welchTTest([1, 1], [1, 1])).toEqual({ t: Number.NaN, df: Number.NaN, p: Number.NaN });
    // one constant sample: df falls back to the other's n - 1
    expect(welchTTest([1, 1, 1], [0, 2, 4, 6]).df).toBeCloseTo(3, 12);
    expect(() => welchTTest([1], [1, 2])).toThrow(LengthError);
    expect(() => welchTTest([1, 2], [])).toThrow(/sample b has 0 values/);
  });
});
