import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from './incomplete-beta.js';

describe('regularizedIncompleteBeta', () => {
  const xs = [0.001, 0.05, 0.2, 0.5, 0.73, 0.95, 0.999];

  it('matches closed forms: I_x(a,1) = x^a, I_x(1,b) = 1-(1-x)^b, I_x(2,2) = 3x²-2x³', () => {
    for (const x of xs) {
      expect(regularizedIncompleteBeta(x, 3.7, 1)).toBeCloseTo(x ** 3.7, 13);
      expect(regularizedIncompleteBeta(x, 1, 0.4)).toBeCloseTo(1 - (1 - x) ** 0.4, 13);
      expect(regularizedIncompleteBeta(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 13);
    }
  });

  it('matches I_x(1/2,1/2) = (2/π) asin(√x) and the symmetry I_x(a,b) = 1 - I_{1-x}(b,a)', () => {
    for (const x of xs) {
      expect(regularizedIncompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 13);
      const direct = regularizedIncompleteBeta(x, 40.5, 0.5);
      expect(direct + regularizedIncompleteBeta(1 - x, 0.5, 40.5)).toBeCloseTo(1, 13);
    }
  });

  it('keeps relative precision deep in the tail', () => {
    // I_x(a,1) = x^a: 1e-40 must come back as 1e-40, not as 0 or rounding noise
    expect(regularizedIncompleteBeta(1e-8, 5, 1) / 1e-40).toBeCloseTo(1, 12);
  });

  it('handles the ends and rejects bad arguments', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.2, 2, 3)).toThrow(OptionError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(OptionError);
  });
});
