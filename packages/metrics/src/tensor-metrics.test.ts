import { createCpuBackend } from '@rfa/backend-cpu';
import { ShapeError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { angleDegrees } from './angles.js';
import { classificationError } from './classification-error.js';
import { normalisedSquaredError } from './normalised-squared-error.js';
import {
  tensorAngle,
  tensorClassificationError,
  tensorMatrixAngleToTranspose,
  tensorNormalisedSquaredError,
  tensorPerNeuronAngles,
} from './tensor-metrics.js';
import { uniformArray } from './test-helpers.js';
import { matrixAngleToTranspose, perNeuronAngles } from './weight-angles.js';

describe('tensor conveniences on the CPU backend', () => {
  const backend = createCpuBackend();
  // float32 copies, so the host functions see exactly what the tensors hold
  const W = Float32Array.from(uniformArray(80, 10 * 20));
  const B = Float32Array.from(uniformArray(81, 20 * 10));
  const prediction = Float32Array.from(uniformArray(82, 8 * 10));
  const target = Float32Array.from(uniformArray(83, 8 * 10));

  it('give the host functions’ numbers', async () => {
    const w = backend.fromArray(W, [10, 20]);
    const b = backend.fromArray(B, [20, 10]);
    const p = backend.fromArray(prediction, [8, 10]);
    const y = backend.fromArray(target, [8, 10]);
    expect(await tensorAngle(p, y)).toBe(angleDegrees(prediction, target));
    expect(await tensorNormalisedSquaredError(p, y)).toBe(normalisedSquaredError(prediction, target, 8, 10));
    const labels = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(await tensorClassificationError(p, labels)).toBe(classificationError(prediction, labels, 8, 10));
    expect(await tensorMatrixAngleToTranspose(w, b)).toBe(matrixAngleToTranspose(W, B, 10, 20));
    expect(Array.from(await tensorPerNeuronAngles(w, b))).toEqual(Array.from(perNeuronAngles(W, B, 10, 20)));
    for (const t of [w, b, p, y]) t.dispose();
  });

  it('reject mismatched shapes with ShapeError naming both', async () => {
    const w = backend.fromArray(W, [10, 20]);
    const wrong = backend.fromArray(B, [10, 20]);
    await expect(tensorMatrixAngleToTranspose(w, wrong)).rejects.toThrow(ShapeError);
    await expect(tensorPerNeuronAngles(w, wrong)).rejects.toThrow(/W \[10,20\] and B \[10,20\]/);
    const flat = backend.fromArray(W, [200]);
    await expect(tensorAngle(w, flat)).rejects.toThrow(/\[10,20\] vs \[200\]/);
    for (const t of [w, wrong, flat]) t.dispose();
  });
});
