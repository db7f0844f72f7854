import { describe, expect, it } from 'vitest';
import { formatNumber, formatStat } from './dom.js';

describe('formatNumber', () => {
  it('keeps four significant digits, exponent form for the very small and large, a dash for none', () => {
    expect(formatNumber(28.6123)).toBe('28.61');
    expect(formatNumber(1.76e-14)).toBe('1.760e-14');
    expect(formatNumber(12345)).toBe('1.235e+4');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatStat', () => {
  it('writes mean ± s.d. (n), the mean alone for one seed', () => {
    expect(formatStat({ mean: 2, sd: 1, n: 3 })).toBe('2.000 ± 1.000 (n = 3)');
    expect(formatStat({ mean: 0.5, sd: 0, n: 1 })).toBe('0.5000 (n = 1)');
  });
});
