import { OptionError } from '@rfa/tensor';
import { checkMatrix, type HostArray } from './host-array.js';

/**
 * The Moore–Penrose pseudoinverse of a rows × cols matrix with full column rank
 * (rows ≥ cols, as FA's B is: hidden × outputs), `B⁺ = (BᵀB)⁻¹ Bᵀ` (cols × rows), in
 * float64 through a Cholesky factorisation of BᵀB. The paper's Supplementary Notes 13–14:
 * W tends to align with B⁺ as well as with Bᵀ. Throws OptionError when BᵀB is not
 * positive definite (B has dependent columns).
 * @example
 * pseudoInverse([1, 0, 0, 2, 0, 0], 3, 2); // [1, 0, 0, 0, 0.5, 0]
 */
export function pseudoInverse(b: HostArray, rows: number, cols: number): Float64Array {
  checkMatrix('pseudoInverse', 'b', b, rows, cols);
  if (rows < cols) throw new OptionError(`pseudoInverse: needs rows ≥ cols, got ${rows} × ${cols}`);
  // G = BᵀB (cols × cols), then its Cholesky factor L (G = L Lᵀ)
  const g = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += b[r * cols + i] * b[r * cols + j];
      g[i * cols + j] = s;
      g[j * cols + i] = s;
    }
  const l = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++)
    for (let j = 0; j <= i; j++) {
      let s = g[i * cols + j];
      for (let k = 0; k < j; k++) s -= l[i * cols + k] * l[j * cols + k];
      if (i === j) {
        if (!(s > 0)) throw new OptionError('pseudoInverse: BᵀB is singular (B has dependent columns)');
        l[i * cols + i] = Math.sqrt(s);
      } else l[i * cols + j] = s / l[j * cols + j];
    }
  // each column r of B⁺ solves G x = (row r of B)ᵀ: forward then back substitution
  const out = new Float64Array(cols * rows);
  const y = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < cols; i++) {
      let s = b[r * cols + i];
      for (let k = 0; k < i; k++) s -= l[i * cols + k] * y[k];
      y[i] = s / l[i * cols + i];
    }
    for (let i = cols - 1; i >= 0; i--) {
      let s = y[i];
      for (let k = i + 1; k < cols; k++) s -= l[k * cols + i] * out[k * rows + r];
      out[i * rows + r] = s / l[i * cols + i];
    }
  }
  return out;
}
