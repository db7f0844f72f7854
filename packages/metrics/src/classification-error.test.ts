import { LengthError, OptionError, Rng, ShapeError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { classificationError } from './classification-error.js';
import { uniformArray } from './test-helpers.js';

describe('classificationError', () => {
  it('counts argmax misses against a direct loop on random scores', () => {
    const rows = 200;
    const cols = 10;
    const scores = Float32Array.from(uniformArray(6, rows * cols));
    const rng = new Rng(7);
    const labels = new Uint8Array(rows);
    for (let t = 0; t < rows; t++) labels[t] = rng.int(cols);
    let wrong = 0;
    for (let t = 0; t < rows; t++) {
      const row = Array.from(scores.subarray(t * cols, (t + 1) * cols));
      if (row.indexOf(Math.max(...row)) !== labels[t]) wrong++;
    }
    expect(wrong).toBeGreaterThan(100); // random scores: ~90% wrong
    expect(classificationError(scores, labels, rows, cols)).toBe(wrong / rows);
    expect(classificationError(scores, Array.from(labels), rows, cols)).toBe(wrong / rows);
  });

  it('breaks ties towards the first class', () => {
    expect(classificationError([0.5, 0.5, 0.5, 0.5], [0, 1], 2, 2)).toBe(0.5);
    expect(classificationError([1, 3, 3], [1], 1, 3)).toBe(0);
    expect(classificationError([1, 3, 3], [2], 1, 3)).toBe(1);
  });

  it('rejects bad labels and shapes with typed errors', () => {
    expect(() => classificationError([1, 2], [2], 1, 2)).toThrow(OptionError);
    expect(() => classificationError([1, 2], [2], 1, 2)).toThrow(/labels\[0\] = 2/);
    expect(() => classificationError([1, 2], [0.5], 1, 2)).toThrow(OptionError);
    expect(() => classificationError([1, 2, 3, 4], [0], 2, 2)).toThrow(LengthError);
    expect(() => classificationError([], [], 0, 2)).toThrow(ShapeError);
  });
});
