import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.js';

describe('logGamma', () => {
  it('matches log((n-1)!) for integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 25; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 11);
      factorial *= n;
    }
  });

  it('matches Γ(1/2) = √π, Γ(3/2) = √π/2 and the recurrence Γ(x+1) = xΓ(x)', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    for (const x of [0.01, 0.3, 0.77, 2.5, 13.2, 250.4, 1e5 + 0.3]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 9);
    }
  });

  it('follows Stirling for large x', () => {
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(logGamma(x) / stirling).toBeCloseTo(1, 14);
  });

  it('rejects x <= 0', () => {
    expect(() => logGamma(0)).toThrow(OptionError);
    expect(() => logGamma(Number.NaN)).toThrow(OptionError);
  });
});
