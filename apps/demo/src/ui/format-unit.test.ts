import { describe, expect, it } from 'vitest';
import { formatInUnit } from './format-unit.js';

describe('formatInUnit', () => {
  it('shows fractions as percent, angles in degrees, to about three significant digits', () => {
    expect(formatInUnit(0.021, 'percent')).toBe('2.1%');
    expect(formatInUnit(0.12345, 'percent')).toBe('12.3%');
    expect(formatInUnit(45.234, 'degrees')).toBe('45.2°');
    expect(formatInUnit(90, 'degrees', 2)).toBe('90°');
    expect(formatInUnit(0.000012, 'plain')).toBe('1.2e-5');
    expect(formatInUnit(0, 'percent')).toBe('0%');
    expect(formatInUnit(Number.NaN, 'plain')).toBe('–');
    expect(formatInUnit(null, 'degrees')).toBe('–');
  });
});
