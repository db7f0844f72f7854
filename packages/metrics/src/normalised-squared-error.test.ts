import { LengthError, ShapeError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { normalisedSquaredError } from './normalised-squared-error.js';
import { uniformArray } from './test-helpers.js';

/** Column means, then the two sums in row-major order: a different loop from the package's. */
function referenceNse(
  prediction: ArrayLike<number>,
  target: ArrayLike<number>,
  rows: number,
  cols: number,
): number {
  const means = new Float64Array(cols);
  for (let t = 0; t < rows; t++) for (let i = 0; i < cols; i++) means[i] += target[t * cols + i] / rows;
  let error = 0;
  let spread = 0;
  for (let t = 0; t < rows; t++) {
    for (let i = 0; i < cols; i++) {
      error += (target[t * cols + i] - prediction[t * cols + i]) ** 2;
      spread += (target[t * cols + i] - means[i]) ** 2;
    }
  }
  return error / spread;
}

function columnMeanPredictor(target: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < cols; i++) {
    let sum = 0;
    for (let t = 0; t < rows; t++) sum += target[t * cols + i];
    for (let t = 0; t < rows; t++) out[t * cols + i] = sum / rows;
  }
  return out;
}

describe('normalisedSquaredError', () => {
  const rows = 16;
  const cols = 10;
  const target = uniformArray(3, rows * cols, -3, 3);

  it('is exactly 1 for the per-unit batch-mean predictor and 0 for a perfect one', () => {
    expect(normalisedSquaredError(columnMeanPredictor(target, rows, cols), target, rows, cols)).toBe(1);
    expect(normalisedSquaredError(target, target, rows, cols)).toBe(0);
  });

  it('matches a float64 reference loop on random float32 and float64 data', () => {
    const prediction = uniformArray(4, rows * cols, -3, 3);
    const expected = referenceNse(prediction, target, rows, cols);
    expect(expected).toBeGreaterThan(1); // an unrelated guess is worse than the mean
    expect(normalisedSquaredError(prediction, target, rows, cols)).toBeCloseTo(expected, 12);
    const prediction32 = Float32Array.from(prediction);
    const target32 = Float32Array.from(target);
    expect(normalisedSquaredError(prediction32, target32, rows, cols)).toBeCloseTo(
      referenceNse(prediction32, target32, rows, cols),
      12,
    );
  });

  it('normalises per output unit: a constant offset on one unit changes the denominator not at all', () => {
    const prediction = uniformArray(5, rows * cols, -3, 3);
    const shiftedTarget = Float64Array.from(target);
    const shiftedPrediction = Float64Array.from(prediction);
    for (let t = 0; t < rows; t++) {
      shiftedTarget[t * cols + 2] += 100;
      shiftedPrediction[t * cols + 2] += 100;
    }
    expect(normalisedSquaredError(shiftedPrediction, shiftedTarget, rows, cols)).toBeCloseTo(
      normalisedSquaredError(prediction, target, rows, cols),
      10,
    );
  });

  it('gives Infinity for one example (zero spread) and rejects bad shapes', () => {
    expect(normalisedSquaredError([1, 2], [0, 0], 1, 2)).toBe(Infinity);
    expect(() => normalisedSquaredError([1, 2, 3], [1, 2, 3, 4], 2, 2)).toThrow(LengthError);
    expect(() => normalisedSquaredError([], [], 0, 2)).toThrow(ShapeError);
  });
});
