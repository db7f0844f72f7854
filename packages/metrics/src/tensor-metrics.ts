import { formatShape, rowsCols, ShapeError, sameShape, type Tensor } from '@rfa/tensor';
import { angleDegrees } from './angles.js';
import { classificationError } from './classification-error.js';
import type { HostArray } from './host-array.js';
import { normalisedSquaredError } from './normalised-squared-error.js';
import { matrixAngleToTranspose, perNeuronAngles } from './weight-angles.js';

// Each helper reads its tensors back to the host (one copy each) and calls the host
// function; the tensors stay owned by the caller.

function checkSame(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new ShapeError(`${op}: shapes differ, ${formatShape(a.shape)} vs ${formatShape(b.shape)}`);
  }
}

function checkTransposed(op: string, W: Tensor, B: Tensor): [number, number] {
  const [rows, cols] = rowsCols(W.shape);
  if (W.shape.length !== 2 || B.shape.length !== 2 || B.shape[0] !== cols || B.shape[1] !== rows) {
    throw new ShapeError(
      `${op}: B must have the shape of Wᵀ, got W ${formatShape(W.shape)} and B ${formatShape(B.shape)}`,
    );
  }
  return [rows, cols];
}

/**
 * Angle in degrees between two same-shaped tensors, flattened (see `angleDegrees`).
 *
 * @example
 * await tensorAngle(deltaFA, deltaBP);
 */
export async function tensorAngle(a: Tensor, b: Tensor): Promise<number> {
  checkSame('tensorAngle', a, b);
  const [hostA, hostB] = await Promise.all([a.read(), b.read()]);
  return angleDegrees(hostA, hostB);
}

/**
 * Normalised squared error of a [batch, units] prediction against its target (see `normalisedSquaredError`).
 *
 * @example
 * await tensorNormalisedSquaredError(output, target);
 */
export async function tensorNormalisedSquaredError(prediction: Tensor, target: Tensor): Promise<number> {
  checkSame('tensorNormalisedSquaredError', prediction, target);
  const [rows, cols] = rowsCols(prediction.shape);
  const [hostPrediction, hostTarget] = await Promise.all([prediction.read(), target.read()]);
  return normalisedSquaredError(hostPrediction, hostTarget, rows, cols);
}

/**
 * Classification error of [batch, classes] scores against host labels (see `classificationError`).
 *
 * @example
 * await tensorClassificationError(output, labels);
 */
export async function tensorClassificationError(scores: Tensor, labels: HostArray): Promise<number> {
  const [rows, cols] = rowsCols(scores.shape);
  return classificationError(await scores.read(), labels, rows, cols);
}

/**
 * Angle between W [out, hidden] and Bᵀ, for B [hidden, out] (see `matrixAngleToTranspose`).
 *
 * @example
 * await tensorMatrixAngleToTranspose(W, B);
 */
export async function tensorMatrixAngleToTranspose(W: Tensor, B: Tensor): Promise<number> {
  const [rows, cols] = checkTransposed('tensorMatrixAngleToTranspose', W, B);
  const [hostW, hostB] = await Promise.all([W.read(), B.read()]);
  return matrixAngleToTranspose(hostW, hostB, rows, cols);
}

/**
 * Per-hidden-unit angles between W [out, hidden] columns and B [hidden, out] rows (see `perNeuronAngles`).
 *
 * @example
 * await tensorPerNeuronAngles(W, B); // Float64Array(hidden)
 */
export async function tensorPerNeuronAngles(W: Tensor, B: Tensor): Promise<Float64Array> {
  const [outSize, hiddenSize] = checkTransposed('tensorPerNeuronAngles', W, B);
  const [hostW, hostB] = await Promise.all([W.read(), B.read()]);
  return perNeuronAngles(hostW, hostB, outSize, hiddenSize);
}
