import { LengthError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { arccosAngle, uniformArray } from './test-helpers.js';
import { matrixAngleToTranspose, perNeuronAngles } from './weight-angles.js';

function transpose(m: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = m[i * cols + j];
  return out;
}

describe('matrixAngleToTranspose', () => {
  const out = 10;
  const hidden = 20;
  const W = uniformArray(40, out * hidden);
  const B = uniformArray(41, hidden * out, -0.5, 0.5);

  it('is 0 for B = Wᵀ and 180 for B = -Wᵀ', () => {
    const Wt = transpose(W, out, hidden);
    expect(matrixAngleToTranspose(W, Wt, out, hidden)).toBeLessThan(1e-12);
    expect(
      matrixAngleToTranspose(
        W,
        Wt.map((v) => -3 * v),
        out,
        hidden,
      ),
    ).toBeCloseTo(180, 12);
    expect(matrixAngleToTranspose([1, 2, 3, 4, 5, 6], [1, 4, 2, 5, 3, 6], 2, 3)).toBe(0);
  });

  it('matches arccos between flattened W and an explicit transpose of B', () => {
    const expected = arccosAngle(W, transpose(B, hidden, out));
    expect(expected).toBeGreaterThan(60); // independent random matrices sit near 90°
    expect(expected).toBeLessThan(120);
    expect(matrixAngleToTranspose(W, B, out, hidden)).toBeCloseTo(expected, 9);
    // comparing W with B itself (no transpose) is a different number
    expect(Math.abs(arccosAngle(W, B) - expected)).toBeGreaterThan(1e-3);
  });

  it('rejects B with the wrong size', () => {
    expect(() => matrixAngleToTranspose(W, B.subarray(1), out, hidden)).toThrow(LengthError);
  });
});

describe('perNeuronAngles', () => {
  const out = 7;
  const hidden = 12;
  const W = uniformArray(50, out * hidden);
  const B = uniformArray(51, hidden * out);

  it('matches a direct loop over column j of W and row j of B', () => {
    const angles = perNeuronAngles(W, B, out, hidden);
    expect(angles).toHaveLength(hidden);
    for (let j = 0; j < hidden; j++) {
      const column = new Float64Array(out);
      for (let i = 0; i < out; i++) column[i] = W[i * hidden + j];
      const row = B.subarray(j * out, (j + 1) * out);
      expect(angles[j]).toBeCloseTo(arccosAngle(column, row), 9);
    }
  });

  it('is 0 for every unit when B = Wᵀ, and NaN for a unit with no outgoing weights', () => {
    const Wt = transpose(W, out, hidden);
    for (const angle of perNeuronAngles(W, Wt, out, hidden)) expect(angle).toBeLessThan(1e-12);
    const silent = Float64Array.from(W);
    for (let i = 0; i < out; i++) silent[i * hidden + 3] = 0;
    const angles = perNeuronAngles(silent, Wt, out, hidden, new Float64Array(hidden));
    expect(angles[3]).toBeNaN();
    expect(angles[4]).toBeLessThan(1e-12);
  });

  it('checks the output buffer', () => {
    expect(() => perNeuronAngles(W, B, out, hidden, new Float64Array(out))).toThrow(LengthError);
  });
});
