/**
 * Cache-blocked gemm in plain JavaScript: op(A) and op(B) are packed into
 * contiguous 4-row and 4-column micro-panels (so transposes cost nothing in the
 * inner loop), and a 4×4 register-blocked micro-kernel accumulates each tile.
 * Block sizes keep a packed B panel (KC×NC floats) in L2 and an A micro-panel in L1.
 * Computes C += alpha · op(A) · op(B); the caller has already applied beta.
 */
const MR = 4;
const NR = 4;
const KC = 256;
const MC = 64;
const NC = 512;

export class PackedGemm {
  private packA = new Float32Array(MC * KC);
  private packB = new Float32Array(KC * NC);
  private tile = new Float64Array(MR * NR);

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
  ): void {
    for (let jc = 0; jc < n; jc += NC) {
      const nc = Math.min(NC, n - jc);
      for (let pc = 0; pc < k; pc += KC) {
        const kc = Math.min(KC, k - pc);
        this.packPanelB(b, k, n, transB, pc, kc, jc, nc);
        for (let ic = 0; ic < m; ic += MC) {
          const mc = Math.min(MC, m - ic);
          this.packPanelA(a, m, k, transA, ic, mc, pc, kc);
          this.macroKernel(c, n, ic, mc, jc, nc, kc, alpha);
        }
      }
    }
  }

  /** op(B)[pc:pc+kc, jc:jc+nc] → panels of NR columns, each kc×NR, zero-padded. */
  private packPanelB(
    b: Float32Array,
    k: number,
    n: number,
    transB: boolean,
    pc: number,
    kc: number,
    jc: number,
    nc: number,
  ) {
    const dst = this.packB;
    let o = 0;
    for (let j0 = 0; j0 < nc; j0 += NR) {
      const w = Math.min(NR, nc - j0);
      for (let p = 0; p < kc; p++) {
        for (let jj = 0; jj < NR; jj++) {
          if (jj >= w) {
            dst[o++] = 0;
            continue;
          }
          const row = pc + p;
          const col = jc + j0 + jj;
          dst[o++] = transB ? b[col * k + row] : b[row * n + col];
        }
      }
    }
  }

  /** op(A)[ic:ic+mc, pc:pc+kc] → panels of MR rows, each kc×MR, zero-padded. */
  private packPanelA(
    a: Float32Array,
    m: number,
    k: number,
    transA: boolean,
    ic: number,
    mc: number,
    pc: number,
    kc: number,
  ) {
    const dst = this.packA;
    let o = 0;
    for (let i0 = 0; i0 < mc; i0 += MR) {
      const h = Math.min(MR, mc - i0);
      for (let p = 0; p < kc; p++) {
        for (let ii = 0; ii < MR; ii++) {
          if (ii >= h) {
            dst[o++] = 0;
            continue;
          }
          const row = ic + i0 + ii;
          const col = pc + p;
          dst[o++] = transA ? a[col * m + row] : a[row * k + col];
        }
      }
    }
  }

  private macroKernel(
    c: Float32Array,
    n: number,
    ic: number,
    mc: number,
    jc: number,
    nc: number,
    kc: number,
    alpha: number,
  ) {
    const pa = this.packA;
    const pb = this.packB;
    for (let j0 = 0; j0 < nc; j0 += NR) {
      const w = Math.min(NR, nc - j0);
      const bOff = (j0 / NR) * kc * NR;
      for (let i0 = 0; i0 < mc; i0 += MR) {
        const h = Math.min(MR, mc - i0);
        const aOff = (i0 / MR) * kc * MR;
        let c00 = 0,
          c01 = 0,
          c02 = 0,
          c03 = 0;
        let c10 = 0,
          c11 = 0,
          c12 = 0,
          c13 = 0;
        let c20 = 0,
          c21 = 0,
          c22 = 0,
          c23 = 0;
        let c30 = 0,
          c31 = 0,
          c32 = 0,
          c33 = 0;
        let ap = aOff;
        let bp = bOff;
        for (let p = 0; p < kc; p++, ap += 4, bp += 4) {
          const a0 = pa[ap],
            a1 = pa[ap + 1],
            a2 = pa[ap + 2],
            a3 = pa[ap + 3];
          const b0 = pb[bp],
            b1 = pb[bp + 1],
            b2 = pb[bp + 2],
            b3 = pb[bp + 3];
          c00 += a0 * b0;
          c01 += a0 * b1;
          c02 += a0 * b2;
          c03 += a0 * b3;
          c10 += a1 * b0;
          c11 += a1 * b1;
          c12 += a1 * b2;
          c13 += a1 * b3;
          c20 += a2 * b0;
          c21 += a2 * b1;
          c22 += a2 * b2;
          c23 += a2 * b3;
          c30 += a3 * b0;
          c31 += a3 * b1;
          c32 += a3 * b2;
          c33 += a3 * b3;
        }
        const base = (ic + i0) * n + jc + j0;
        if (h === MR && w === NR) {
          let r = base;
          c[r] += alpha * c00;
          c[r + 1] += alpha * c01;
          c[r + 2] += alpha * c02;
          c[r + 3] += alpha * c03;
          r += n;
          c[r] += alpha * c10;
          c[r + 1] += alpha * c11;
          c[r + 2] += alpha * c12;
          c[r + 3] += alpha * c13;
          r += n;
          c[r] += alpha * c20;
          c[r + 1] += alpha * c21;
          c[r + 2] += alpha * c22;
          c[r + 3] += alpha * c23;
          r += n;
          c[r] += alpha * c30;
          c[r + 1] += alpha * c31;
          c[r + 2] += alpha * c32;
          c[r + 3] += alpha * c33;
        } else {
          const tile = this.tile;
          tile[0] = c00;
          tile[1] = c01;
          tile[2] = c02;
          tile[3] = c03;
          tile[4] = c10;
          tile[5] = c11;
          tile[6] = c12;
          tile[7] = c13;
          tile[8] = c20;
          tile[9] = c21;
          tile[10] = c22;
          tile[11] = c23;
          tile[12] = c30;
          tile[13] = c31;
          tile[14] = c32;
          tile[15] = c33;
          for (let ii = 0; ii < h; ii++)
            for (let jj = 0; jj < w; jj++) c[base + ii * n + jj] += alpha * tile[ii * 4 + jj];
        }
      }
    }
  }
}
