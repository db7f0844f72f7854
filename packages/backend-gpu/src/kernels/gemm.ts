import type { GemmPlan } from '@rfa/tensor';
import { COL_OF_X, type KernelSpec, ROW_OF_X } from './spec.js';

/**
 * C = α·op(A)·op(B) + β·C, one thread per entry of C, float32 accumulation.
 * β = 0 gets its own kernel that never reads C, so NaN garbage in C is ignored.
 */
export function gemm(p: GemmPlan): KernelSpec {
  const aIndex = p.transA ? 'p * this.constants.m + i' : 'i * this.constants.k + p';
  const bIndex = p.transB ? 'j * this.constants.k + p' : 'p * this.constants.cols + j';
  const tail = p.beta === 0 ? 'return alpha * s;' : 'return alpha * s + beta * c[this.thread.x];';
  return {
    key: `gemm:${p.m}x${p.n}x${p.k}:${p.transA}:${p.transB}:${p.beta === 0}`,
    source: `function (a, b, alpha${p.beta === 0 ? '' : ', beta, c'}) {
      ${ROW_OF_X} ${COL_OF_X}
      let s = 0.0;
      for (let p = 0; p < this.constants.k; p++) { s += a[${aIndex}] * b[${bIndex}]; }
      ${tail}
    }`,
    constants: { m: p.m, cols: p.n, k: p.k },
  };
}
