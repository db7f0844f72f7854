import { LengthError } from '@rfa/tensor';
import { checkMatrix, type HostArray } from './host-array.js';
import { angleFromSums, stridedAngleDegrees, usableNorms } from './strided-angle.js';

/**
 * Angle in degrees between forward weights `W` (rows × cols, e.g. out × hidden) and the
 * transpose of feedback weights `B` (cols × rows, the shape of Wᵀ), both flattened:
 * `W[i][j]` is paired with `B[j][i]`. 0° when `B = Wᵀ` (backprop); ~90° for unrelated
 * random matrices. NaN when either is all zeros. No transpose is materialised.
 *
 * @example
 * matrixAngleToTranspose([1, 2, 3, 4, 5, 6], [1, 4, 2, 5, 3, 6], 2, 3); // 0
 */
export function matrixAngleToTranspose(W: HostArray, B: HostArray, rows: number, cols: number): number {
  checkMatrix('matrixAngleToTranspose', 'W', W, rows, cols);
  checkMatrix('matrixAngleToTranspose', 'B', B, cols, rows);
  let ww = 0;
  let bb = 0;
  for (let k = 0; k < rows * cols; k++) {
    ww += W[k] * W[k];
    bb += B[k] * B[k];
  }
  if (!usableNorms(ww, bb)) return Number.NaN;
  const scaleW = 1 / Math.sqrt(ww);
  const scaleB = 1 / Math.sqrt(bb);
  let diff = 0;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const u = W[i * cols + j] * scaleW;
      const v = B[j * rows + i] * scaleB;
      diff += (u - v) * (u - v);
      sum += (u + v) * (u + v);
    }
  }
  return angleFromSums(diff, sum);
}

/**
 * Per-neuron forward/feedback alignment (the paper's Fig. 5a): for hidden unit j, the
 * angle in degrees between column j of `W` (outSize × hiddenSize, the unit's outgoing
 * forward weights) and row j of `B` (hiddenSize × outSize, the unit's feedback weights).
 * Writes into `out` (allocated when omitted); a unit with all-zero weights gives NaN.
 *
 * @example
 * perNeuronAngles(W, B, 10, 20); // Float64Array(20) of degrees
 */
export function perNeuronAngles(
  W: HostArray,
  B: HostArray,
  outSize: number,
  hiddenSize: number,
  out: Float64Array = new Float64Array(hiddenSize),
): Float64Array {
  checkMatrix('perNeuronAngles', 'W', W, outSize, hiddenSize);
  checkMatrix('perNeuronAngles', 'B', B, hiddenSize, outSize);
  if (out.length !== hiddenSize) {
    throw new LengthError(`perNeuronAngles: out has ${out.length} entries but hiddenSize=${hiddenSize}`);
  }
  for (let j = 0; j < hiddenSize; j++) {
    out[j] = stridedAngleDegrees(W, j, hiddenSize, B, j * outSize, 1, outSize);
  }
  return out;
}
