import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { checkLoss, lossValue } from './loss.js';

describe('lossValue', () => {
  it('sigmoid-ce: −Σ [t log y + (1 − t) log(1 − y)] per row, averaged (hand-worked)', () => {
    // row 1: −(ln 0.8 + ln 0.7) = 0.579818…; row 2: −(ln 0.4 + ln 0.9) = 1.021651…
    const expected = (-(Math.log(0.8) + Math.log(0.7)) - (Math.log(0.4) + Math.log(0.9))) / 2;
    expect(lossValue([0.8, 0.3, 0.4, 0.1], [1, 0, 1, 0], 2, 2, 'sigmoid-ce')).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.800735, 5);
  });

  it('sigmoid-ce takes soft targets and stays finite at a saturated output', () => {
    // t = 0.5, y = 0.5: −ln 0.5
    expect(lossValue([0.5], [0.5], 1, 1, 'sigmoid-ce')).toBeCloseTo(Math.LN2, 12);
    expect(Number.isFinite(lossValue([1, 0], [0, 1], 1, 2, 'sigmoid-ce'))).toBe(true);
  });

  it('mse and softmax-ce keep their values', () => {
    expect(lossValue([0.8, 0.3], [1, 0], 1, 2, 'mse')).toBeCloseTo(0.5 * (0.04 + 0.09), 12);
    expect(lossValue([0.8, 0.2], [1, 0], 1, 2, 'softmax-ce')).toBeCloseTo(-Math.log(0.8), 12);
  });
});

describe('checkLoss', () => {
  it('sigmoid-ce needs a logistic output, and names what it got', () => {
    expect(() => checkLoss('sigmoid-ce', 'logistic')).not.toThrow();
    expect(() => checkLoss('sigmoid-ce', 'tanh')).toThrow(/needs a logistic output layer, got 'tanh'/);
    expect(() => checkLoss('sigmoid-ce', 'softmax')).toThrow(OptionError);
  });

  it('refuses an unknown loss, listing the known ones', () => {
    expect(() => checkLoss('hinge' as never, 'logistic')).toThrow(/mse, softmax-ce, sigmoid-ce, got 'hinge'/);
  });
});
