import { checkMatrix, type HostArray } from './host-array.js';
import { angleFromSums, usableNorms } from './strided-angle.js';

/** `Σ_{r,s} G[r,s] (p_r · p_s)` = ‖pᵀX‖²_F, through the inputs' Gram matrix `G = X Xᵀ` (rows × rows, symmetric). */
function squaredUpdateNorm(gram: Float64Array, p: HostArray, rows: number, units: number): number {
  let total = 0;
  for (let r = 0; r < rows; r++)
    for (let s = r; s < rows; s++) {
      const g = gram[r * rows + s];
      if (g === 0) continue;
      let dot = 0;
      for (let k = 0; k < units; k++) dot += p[r * units + k] * p[s * units + k];
      total += (r === s ? 1 : 2) * g * dot;
    }
  return total;
}

/**
 * The angle in degrees between two weight updates of one layer made from the same inputs:
 * `ΔA = Σ_r a_r x_rᵀ = aᵀX` and `ΔB = bᵀX` (units × inputSize), where `a` and `b` are two
 * teaching signals for the layer (rows × units, e.g. a rule's δ and backprop's δ on the same
 * state) and `X` the layer's inputs (rows × inputSize). A rule's update angle: how far its
 * step for W turns from backprop's at the same weights, bias aside. The updates are never
 * formed: their products come from the inputs' Gram matrix, so the cost is rows² × (units +
 * inputSize). For one row it is the angle between `a` and `b`. NaN when either update is zero.
 * Accumulates in float64 and uses the same atan2 form as `angleDegrees`.
 *
 * @example
 * // two examples with orthogonal inputs: ΔA = [1, 0], ΔB = [0, 1]
 * updateAngle([1, 0], [0, 1], [1, 0, 0, 1], 2, 1, 2); // 90
 */
export function updateAngle(
  a: HostArray,
  b: HostArray,
  inputs: HostArray,
  rows: number,
  units: number,
  inputSize: number,
): number {
  checkMatrix('updateAngle', 'a', a, rows, units);
  checkMatrix('updateAngle', 'b', b, rows, units);
  checkMatrix('updateAngle', 'inputs', inputs, rows, inputSize);
  const gram = new Float64Array(rows * rows);
  for (let r = 0; r < rows; r++)
    for (let s = r; s < rows; s++) {
      let dot = 0;
      for (let j = 0; j < inputSize; j++) dot += inputs[r * inputSize + j] * inputs[s * inputSize + j];
      gram[r * rows + s] = dot;
      gram[s * rows + r] = dot;
    }
  const aa = squaredUpdateNorm(gram, a, rows, units);
  const bb = squaredUpdateNorm(gram, b, rows, units);
  if (!usableNorms(aa, bb)) return Number.NaN;
  // |Â − B̂|² and |Â + B̂|² of the unit-norm updates, from the signals' scaled difference and sum
  const [scaleA, scaleB] = [1 / Math.sqrt(aa), 1 / Math.sqrt(bb)];
  const difference = new Float64Array(rows * units);
  const total = new Float64Array(rows * units);
  for (let i = 0; i < rows * units; i++) {
    difference[i] = a[i] * scaleA - b[i] * scaleB;
    total[i] = a[i] * scaleA + b[i] * scaleB;
  }
  const diff = squaredUpdateNorm(gram, difference, rows, units);
  const sum = squaredUpdateNorm(gram, total, rows, units);
  return angleFromSums(Math.max(diff, 0), Math.max(sum, 0));
}
