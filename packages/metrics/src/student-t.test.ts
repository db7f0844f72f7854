import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.js';
import { studentTCdf, studentTTwoSidedP } from './student-t.js';

/** CDF by Simpson integration of the t density from 0 to t (an independent route). */
function integratedCdf(t: number, df: number, steps = 4000): number {
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  const density = (x: number) => Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((x * x) / df));
  const h = t / steps;
  let sum = density(0) + density(t);
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * density(k * h);
  return 0.5 + (sum * h) / 3;
}

describe('Student t distribution', () => {
  it('hits textbook two-sided critical values', () => {
    // quantiles t_{1-p/2, df} from standard tables
    expect(studentTTwoSidedP(12.706204736, 1)).toBeCloseTo(0.05, 9);
    expect(studentTTwoSidedP(4.032142984, 5)).toBeCloseTo(0.01, 9);
    expect(studentTTwoSidedP(2.228138852, 10)).toBeCloseTo(0.05, 9);
    expect(studentTTwoSidedP(2.84533971, 20)).toBeCloseTo(0.01, 9);
    expect(studentTTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSidedP(2.845, 20)).toBeCloseTo(0.01, 4);
    // large df tends to the normal: 2(1 - Φ(1.959963985)) = 0.05
    expect(studentTTwoSidedP(1.959963985, 1e7)).toBeCloseTo(0.05, 7);
    expect(studentTTwoSidedP(1.96, 1e6)).toBeCloseTo(0.05, 3);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    for (const t of [-30, -2.5, -0.4, 0, 0.1, 1, 3.3, 80]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it('matches numerical integration of the density for fractional df', () => {
    for (const df of [3.7, 17.776, 150.2]) {
      for (const t of [0.3, 1.5, 2.9, -1.1]) {
        expect(studentTCdf(t, df)).toBeCloseTo(integratedCdf(t, df), 10);
      }
    }
  });

  it('is symmetric and keeps tiny tails positive', () => {
    expect(studentTTwoSidedP(-2.1, 9)).toBe(studentTTwoSidedP(2.1, 9));
    expect(studentTTwoSidedP(0, 9)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 9)).toBe(0);
    // df = 1: P(|T| >= t) = 1 - (2/π) atan(t) = (2/π) atan(1/t); for t = 1e8 about 6.366e-9
    expect(studentTTwoSidedP(1e8, 1) / ((2 / Math.PI) * Math.atan(1e-8))).toBeCloseTo(1, 10);
    const tail = studentTTwoSidedP(40, 30);
    expect(tail).toBeGreaterThan(0);
    expect(tail).toBeLessThan(1e-25);
  });

  it('rejects non-positive or infinite df', () => {
    expect(() => studentTCdf(1, 0)).toThrow(OptionError);
    expect(() => studentTTwoSidedP(1, Infinity)).toThrow(OptionError);
  });
});
