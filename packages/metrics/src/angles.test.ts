import { LengthError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { angleDegrees, rowAngles } from './angles.js';
import { arccosAngle, uniformArray } from './test-helpers.js';

describe('angleDegrees', () => {
  it('gives the angles of known vectors', () => {
    expect(angleDegrees([1, 0, 0], [0, 2, 0])).toBeCloseTo(90, 12);
    expect(angleDegrees([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 12);
    expect(angleDegrees([1, 2, 3], [-0.5, -1, -1.5])).toBeCloseTo(180, 12);
    expect(angleDegrees([1, 0], [3, 3])).toBeCloseTo(45, 12);
    expect(angleDegrees([1, 0], [1, Math.sqrt(3)])).toBeCloseTo(60, 12);
    expect(angleDegrees([2, 2], [2, 2])).toBe(0);
  });

  it('matches the arccos formula on random float32 and float64 vectors', () => {
    for (let seed = 10; seed < 20; seed++) {
      const a = uniformArray(seed, 50);
      const b = Float32Array.from(uniformArray(seed + 100, 50));
      expect(angleDegrees(a, b)).toBeCloseTo(arccosAngle(a, b), 9);
    }
  });

  it('resolves tiny angles that arccos rounds to 0', () => {
    // tan θ = 1e-10 exactly; arccos(cos θ) reads 0 because cos θ rounds to 1
    const expected = (Math.atan(1e-10) * 180) / Math.PI;
    expect(arccosAngle([1, 0], [1, 1e-10])).toBe(0);
    expect(angleDegrees([1, 0], [1, 1e-10])).toBeCloseTo(expected, 20);
    expect(angleDegrees([1, 0], [1, 1e-10]) / expected).toBeCloseTo(1, 12);
  });

  it('is NaN when a vector is zero or empty, and rejects unequal lengths', () => {
    expect(angleDegrees([0, 0], [1, 2])).toBeNaN();
    expect(angleDegrees([], [])).toBeNaN();
    expect(angleDegrees([1, Number.NaN], [1, 2])).toBeNaN();
    expect(() => angleDegrees([1, 2], [1, 2, 3])).toThrow(LengthError);
  });
});

describe('rowAngles', () => {
  it('gives one angle per example, matching a per-row reference', () => {
    const rows = 8;
    const cols = 20;
    const a = uniformArray(30, rows * cols);
    const b = uniformArray(31, rows * cols);
    const out = rowAngles(a, b, rows, cols);
    for (let t = 0; t < rows; t++) {
      const range = [t * cols, (t + 1) * cols] as const;
      expect(out[t]).toBeCloseTo(arccosAngle(a.subarray(...range), b.subarray(...range)), 9);
    }
    expect(Array.from(rowAngles([1, 0, 0, 1], [0, 1, 0, 2], 2, 2))).toEqual([90, 0]);
  });

  it('writes into a caller buffer and checks its length', () => {
    const out = new Float64Array(2);
    expect(rowAngles([1, 0, 0, 1], [1, 1, 0, 1], 2, 2, out)).toBe(out);
    expect(out[0]).toBeCloseTo(45, 12);
    expect(() => rowAngles([1, 0, 0, 1], [1, 1, 0, 1], 2, 2, new Float64Array(3))).toThrow(LengthError);
  });
});
