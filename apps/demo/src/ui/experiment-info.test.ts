import type { Experiment } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { formatInUnit, plotReferences, plotUnit } from './experiment-info.js';

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

describe('plotUnit and plotReferences', () => {
  const exp = {
    paper: { a: { testError: 0.024 }, b: { testError: 0.021, nse: 0.1 } },
    plots: [],
  } as unknown as Experiment;

  it('reads a unit the plot names; else an error is a percentage and an angle is in degrees', () => {
    const base = { title: 't', yTitle: 'y' };
    expect(plotUnit({ ...base, metric: 'testError' })).toBe('percent');
    expect(plotUnit({ ...base, metric: 'deltaAngle' })).toBe('degrees');
    expect(plotUnit({ ...base, metric: 'nse' })).toBe('plain');
    expect(plotUnit({ ...base, metric: 'nse', unit: 'degrees' } as never)).toBe('degrees');
  });

  it('takes the plot’s own reference values, else the paper table’s for the rules that run', () => {
    const plot = { metric: 'testError', title: 't', yTitle: 'y' };
    expect(plotReferences(exp, plot, ['a', 'b'])).toEqual([
      { value: 0.024, label: 'paper, a' },
      { value: 0.021, label: 'paper, b' },
    ]);
    expect(plotReferences(exp, plot, ['b'])).toEqual([{ value: 0.021, label: 'paper, b' }]);
    const own = { ...plot, reference: [{ value: 90, label: 'chance' }] };
    expect(plotReferences(exp, own as never, ['a'])).toEqual([{ value: 90, label: 'chance' }]);
  });
});
