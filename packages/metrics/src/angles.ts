import { LengthError } from '@rfa/tensor';
import { checkMatrix, type HostArray } from './host-array.js';
import { stridedAngleDegrees } from './strided-angle.js';

/**
 * Angle between two vectors in degrees, `arccos(a·b / (|a||b|))`, in [0, 180].
 * Matrices are compared flattened, e.g. `delta_FA` against `delta_BP` for a whole batch
 * (see `rowAngles` for one angle per example). If either vector is all zeros (or
 * empty, or holds NaN) the angle is undefined and the result is NaN.
 * Accumulates in float64 with a formula accurate near 0° and 180° (see README).
 *
 * @example
 * angleDegrees([1, 0], [1, 1]); // 45
 */
export function angleDegrees(a: HostArray, b: HostArray): number {
  if (a.length !== b.length) {
    throw new LengthError(`angleDegrees: a has ${a.length} values but b has ${b.length}`);
  }
  return stridedAngleDegrees(a, 0, 1, b, 0, 1, a.length);
}

/**
 * One angle per row between two row-major rows × cols matrices, written into `out`
 * (allocated when omitted). For a batch of hidden signals this is the angle between
 * `delta_FA` and `delta_BP` for each example; a zero row gives NaN.
 *
 * @example
 * rowAngles([1, 0, 0, 1], [0, 1, 0, 2], 2, 2); // Float64Array [90, 0]
 */
export function rowAngles(
  a: HostArray,
  b: HostArray,
  rows: number,
  cols: number,
  out: Float64Array = new Float64Array(rows),
): Float64Array {
  checkMatrix('rowAngles', 'a', a, rows, cols);
  checkMatrix('rowAngles', 'b', b, rows, cols);
  if (out.length !== rows) throw new LengthError(`rowAngles: out has ${out.length} entries but rows=${rows}`);
  for (let t = 0; t < rows; t++) out[t] = stridedAngleDegrees(a, t * cols, 1, b, t * cols, 1, cols);
  return out;
}
