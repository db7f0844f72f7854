import { LengthError, ShapeError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { meanSquaredErrorLoss, sumSquaredError } from './squared-error.js';
import { uniformArray } from './test-helpers.js';

describe('sumSquaredError and meanSquaredErrorLoss', () => {
  it('match a float64 loop on random data', () => {
    const rows = 7;
    const cols = 5;
    const prediction = Float32Array.from(uniformArray(1, rows * cols));
    const target = uniformArray(2, rows * cols);
    let reference = 0;
    for (let t = 0; t < rows; t++) {
      for (let i = 0; i < cols; i++) reference += (target[t * cols + i] - prediction[t * cols + i]) ** 2;
    }
    expect(sumSquaredError(prediction, target, rows, cols)).toBeCloseTo(reference, 12);
    expect(meanSquaredErrorLoss(prediction, target, rows, cols)).toBeCloseTo(reference / (2 * rows), 12);
  });

  it('uses L = ½ Σ e² averaged over examples', () => {
    expect(meanSquaredErrorLoss([0, 0, 0, 0], [1, 1, 2, 0], 2, 2)).toBe(1.5);
  });

  it('rejects wrong lengths and an empty batch', () => {
    expect(() => sumSquaredError([1, 2, 3], [1, 2], 1, 3)).toThrow(LengthError);
    expect(() => sumSquaredError([1, 2, 3], [1, 2], 1, 3)).toThrow(/target has 2 values but 1x3 needs 3/);
    expect(() => meanSquaredErrorLoss([], [], 0, 3)).toThrow(ShapeError);
    expect(() => sumSquaredError([1], [1], 1.5, 1)).toThrow(ShapeError);
  });
});
