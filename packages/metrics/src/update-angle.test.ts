import { LengthError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { angleDegrees } from './angles.js';
import { arccosAngle, uniformArray } from './test-helpers.js';
import { updateAngle } from './update-angle.js';

/** The update `pᵀX` (units × inputSize) formed outright, the reference the Gram route must match. */
function outerSum(
  p: ArrayLike<number>,
  x: ArrayLike<number>,
  rows: number,
  units: number,
  inputSize: number,
) {
  const out = new Float64Array(units * inputSize);
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < units; k++)
      for (let j = 0; j < inputSize; j++) out[k * inputSize + j] += p[r * units + k] * x[r * inputSize + j];
  return out;
}

describe('updateAngle', () => {
  it('is the angle between the signals for one example, whatever the input', () => {
    // ΔA = [1, 0]ᵀ[3, 4], ΔB = [1, 1]ᵀ[3, 4]: cos = (1·1 + 0·1)·25 / (1 · √2 · 25) → 45°
    expect(updateAngle([1, 0], [1, 1], [3, 4], 1, 2, 2)).toBeCloseTo(45, 12);
    expect(updateAngle([2, -1, 0.5], [2, -1, 0.5], [0.3, -7], 1, 3, 2)).toBe(0);
    expect(updateAngle([2, -1, 0.5], [-4, 2, -1], [0.3, -7], 1, 3, 2)).toBeCloseTo(180, 10);
  });

  it('weighs the examples through their inputs (hand-worked, two examples)', () => {
    // one unit; a = [1, 0], b = [0, 1] (each example teaches in one signal only)
    // orthogonal inputs: ΔA = 1·[1, 0] = [1, 0], ΔB = 1·[0, 1] = [0, 1] → 90°
    expect(updateAngle([1, 0], [0, 1], [1, 0, 0, 1], 2, 1, 2)).toBeCloseTo(90, 12);
    // the same input twice: ΔA = ΔB = [1, 0] → 0° although the signals are orthogonal
    expect(updateAngle([1, 0], [0, 1], [1, 0, 1, 0], 2, 1, 2)).toBe(0);
    // inputs [1, 0] and [1, 1]: ΔA = [1, 0], ΔB = [1, 1] → 45°
    expect(updateAngle([1, 0], [0, 1], [1, 0, 1, 1], 2, 1, 2)).toBeCloseTo(45, 12);
  });

  it('matches the angle of the updates formed outright (batch 16, 7 units, 11 inputs)', () => {
    const [rows, units, inputSize] = [16, 7, 11];
    for (const seed of [1, 2, 3]) {
      const a = uniformArray(seed, rows * units);
      const b = uniformArray(seed + 10, rows * units);
      const x = uniformArray(seed + 20, rows * inputSize, 0, 1);
      const [dA, dB] = [outerSum(a, x, rows, units, inputSize), outerSum(b, x, rows, units, inputSize)];
      const got = updateAngle(a, b, x, rows, units, inputSize);
      expect(got).toBeCloseTo(angleDegrees(dA, dB), 10);
      expect(got).toBeCloseTo(arccosAngle(dA, dB), 8);
      expect(got).toBeGreaterThan(1);
    }
  });

  it('is NaN when an update is zero (zero signal, or zero inputs)', () => {
    expect(updateAngle([0, 0], [1, 1], [3, 4], 1, 2, 2)).toBeNaN();
    expect(updateAngle([1, 2], [1, 1], [0, 0], 1, 2, 2)).toBeNaN();
  });

  it('throws LengthError naming the argument whose size is wrong', () => {
    expect(() => updateAngle([1, 2, 3], [1, 1], [3, 4], 1, 2, 2)).toThrow(LengthError);
    expect(() => updateAngle([1, 2], [1, 1], [3, 4, 5], 1, 2, 2)).toThrow(/inputs has 3 values/);
  });
});
