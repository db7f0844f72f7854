import { gemmDirect } from './gemm-direct.js';
import { PackedGemm } from './gemm-packed.js';

/** Products with fewer multiply-adds than this, or a side thinner than 4, skip packing. */
const PACK_MIN_WORK = 32 * 32 * 32;

/** C = alpha · op(A) · op(B) + beta · C on row-major float32 storage. */
export class GemmKernel {
  private packed = new PackedGemm();

  run(
    c: Float32Array,
    a: Float32Array,
    b: Float32Array,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
    alpha: number,
    beta: number,
  ): void {
    const size = m * n;
    if (beta === 0) c.fill(0, 0, size);
    else if (beta !== 1) for (let i = 0; i < size; i++) c[i] *= beta;
    if (k === 0 || alpha === 0) return;
    if (m < 4 || n < 4 || k < 4 || m * n * k < PACK_MIN_WORK)
      gemmDirect(c, a, b, m, n, k, transA, transB, alpha);
    else this.packed.run(c, a, b, m, n, k, transA, transB, alpha);
  }
}
