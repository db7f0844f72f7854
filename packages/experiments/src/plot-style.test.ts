import { describe, expect, it } from 'vitest';
import { axisTitle, formatInUnit } from './plot-style.js';

describe('formatInUnit', () => {
  it('shows a fraction as percent and an angle in degrees, with about three significant digits', () => {
    expect(formatInUnit(0.021, 'percent')).toBe('2.1%');
    expect(formatInUnit(0.12345, 'percent')).toBe('12.3%');
    expect(formatInUnit(45.234, 'degrees')).toBe('45.2°');
    expect(formatInUnit(90, 'degrees', 2)).toBe('90°');
    expect(formatInUnit(1234.5, 'plain')).toBe('1235');
    expect(formatInUnit(0.000012, 'plain')).toBe('1.2e-5');
    expect(formatInUnit(0, 'percent')).toBe('0%');
  });

  it('writes a missing or non-finite value as –', () => {
    expect(formatInUnit(Number.NaN, 'plain')).toBe('–');
    expect(formatInUnit(Number.POSITIVE_INFINITY, 'percent')).toBe('–');
    expect(formatInUnit(null, 'degrees')).toBe('–');
    expect(formatInUnit(undefined, 'plain')).toBe('–');
  });
});

describe('axisTitle', () => {
  it('names the unit: a fraction in %, an angle in °, plain as it is', () => {
    expect(axisTitle({ yTitle: 'test error (fraction)', unit: 'percent' })).toBe('test error (%)');
    expect(axisTitle({ yTitle: 'degrees', unit: 'degrees' })).toBe('angle (°)');
    expect(axisTitle({ yTitle: 'δ angle to backprop', unit: 'degrees' })).toBe('δ angle to backprop (°)');
    expect(axisTitle({ yTitle: 'normalised squared error', unit: 'plain' })).toBe('normalised squared error');
  });
});
