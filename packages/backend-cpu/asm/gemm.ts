// Packed, cache-blocked SIMD gemm (AssemblyScript → wasm, 128-bit SIMD).
// Matrices are addressed by element strides so every transpose case is one code
// path: op(A)[i,p] = a[i*rsA + p*csA], op(B)[p,j] = b[p*rsB + j*csB].
// All pointers are byte offsets into the imported memory; the host owns allocation.
// Computes C = alpha·op(A)·op(B) + beta·C with C row-major (ldc = n).

import { madd } from './madd';

const MR = 4; // rows of the register tile
const NR = 8; // columns of the register tile (two f32x4)

/** C[0:m*n] *= beta (beta 0 writes zeros, so NaN in C is ignored). */
export function scaleC(c: usize, size: i32, beta: f32): void {
  if (beta === 1) return;
  if (beta === 0) {
    memory.fill(c, 0, (<usize>size) << 2);
    return;
  }
  const vb = f32x4.splat(beta);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const p = c + ((<usize>i) << 2);
    v128.store(p, f32x4.mul(v128.load(p), vb));
  }
  for (; i < size; i++) {
    const p = c + ((<usize>i) << 2);
    store<f32>(p, load<f32>(p) * beta);
  }
}

/**
 * Four rows (`stride` bytes apart), four consecutive entries each, transposed:
 * stores column q = [r0[q], r1[q], r2[q], r3[q]] at dst + q·step bytes. Packing a
 * row-major operand whose panel runs across rows takes 8 shuffles per 16 floats
 * instead of 16 scalar loads and stores.
 */
@inline
function transpose4(dst: usize, step: usize, src: usize, stride: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + stride);
  const r2 = v128.load(src + 2 * stride);
  const r3 = v128.load(src + 3 * stride);
  const t0 = f32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = f32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t2 = f32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t3 = f32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(dst, f32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(dst + step, f32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * step, f32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * step, f32x4.shuffle(t1, t3, 2, 3, 6, 7));
}

/** op(A)[ic:ic+mc, pc:pc+kc] → MR-row micro-panels, each kc×MR floats, zero-padded. */
function packA(dst: usize, a: usize, rs: i32, cs: i32, ic: i32, mc: i32, pc: i32, kc: i32): void {
  let o = dst;
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const h = min(MR, mc - i0);
    const base = a + ((<usize>(ic + i0) * rs + <usize>pc * cs) << 2);
    if (h === MR && rs === 1) {
      // transposed A: the MR rows of one column are contiguous
      for (let p = 0; p < kc; p++, o += MR << 2) v128.store(o, v128.load(base + ((<usize>p * cs) << 2)));
      continue;
    }
    if (h === MR && cs === 1) {
      // plain A: each row is contiguous in p, so transpose 4×4 blocks
      const stride = (<usize>rs) << 2;
      let p = 0;
      for (; p + 4 <= kc; p += 4, o += (4 * MR) << 2) transpose4(o, MR << 2, base + ((<usize>p) << 2), stride);
      for (; p < kc; p++, o += MR << 2)
        for (let ii = 0; ii < MR; ii++) store<f32>(o + ((<usize>ii) << 2), load<f32>(base + ii * stride + ((<usize>p) << 2)));
      continue;
    }
    for (let p = 0; p < kc; p++) {
      const col = base + ((<usize>p * cs) << 2);
      for (let ii = 0; ii < MR; ii++, o += 4)
        store<f32>(o, ii < h ? load<f32>(col + ((<usize>ii * rs) << 2)) : 0);
    }
  }
}

/** op(B)[pc:pc+kc, jc:jc+nc] → NR-column micro-panels, each kc×NR floats, zero-padded. */
function packB(dst: usize, b: usize, rs: i32, cs: i32, pc: i32, kc: i32, jc: i32, nc: i32): void {
  let o = dst;
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const w = min(NR, nc - j0);
    const base = b + ((<usize>pc * rs + <usize>(jc + j0) * cs) << 2);
    if (w === NR && cs === 1) {
      // plain B: the NR columns of one row are contiguous
      for (let p = 0; p < kc; p++, o += NR << 2) {
        const row = base + ((<usize>p * rs) << 2);
        v128.store(o, v128.load(row));
        v128.store(o, v128.load(row, 16), 16);
      }
      continue;
    }
    if (w === NR && rs === 1) {
      // transposed B (a weight matrix W in x·Wᵀ): each of the NR columns is a row of W,
      // contiguous in p; transpose two 4×4 blocks per 4 values of p
      const stride = (<usize>cs) << 2;
      let p = 0;
      for (; p + 4 <= kc; p += 4, o += (4 * NR) << 2) {
        const src = base + ((<usize>p) << 2);
        transpose4(o, NR << 2, src, stride);
        transpose4(o + 16, NR << 2, src + 4 * stride, stride);
      }
      for (; p < kc; p++, o += NR << 2)
        for (let jj = 0; jj < NR; jj++) store<f32>(o + ((<usize>jj) << 2), load<f32>(base + jj * stride + ((<usize>p) << 2)));
      continue;
    }
    for (let p = 0; p < kc; p++) {
      const row = base + ((<usize>p * rs) << 2);
      for (let jj = 0; jj < NR; jj++, o += 4)
        store<f32>(o, jj < w ? load<f32>(row + ((<usize>jj * cs) << 2)) : 0);
    }
  }
}

const OVERWRITE = 0; // beta 0: C is written, never read (NaN in C is ignored)
const ACCUMULATE = 1; // beta 1
const SCALE = 2; // any other beta

/** C[p:p+4] = alpha·acc + beta·C[p:p+4], in the form `mode` picks. */
@inline
function update(p: usize, acc: v128, va: v128, vb: v128, mode: i32): void {
  const t = f32x4.mul(va, acc);
  if (mode === OVERWRITE) v128.store(p, t);
  else if (mode === ACCUMULATE) v128.store(p, f32x4.add(v128.load(p), t));
  else v128.store(p, f32x4.add(f32x4.mul(vb, v128.load(p)), t));
}

/**
 * C[ic:ic+mc, jc:jc+nc] = alpha · packedA · packedB + beta · C, MR×NR tiles of f32x4
 * accumulators (8 v128 locals); `tile` is MR·NR floats of scratch for edge tiles.
 * beta is applied here, on the first k-block, so C is not swept an extra time.
 */
function macroKernel(
  c: usize,
  ldc: i32,
  pa: usize,
  pb: usize,
  ic: i32,
  mc: i32,
  jc: i32,
  nc: i32,
  kc: i32,
  alpha: f32,
  beta: f32,
  tile: usize,
): void {
  const va = f32x4.splat(alpha);
  const vb = f32x4.splat(beta);
  const mode = beta === 0 ? OVERWRITE : beta === 1 ? ACCUMULATE : SCALE;
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const w = min(NR, nc - j0);
    const bPanel = pb + ((<usize>j0 * kc) << 2);
    for (let i0 = 0; i0 < mc; i0 += MR) {
      const h = min(MR, mc - i0);
      let ap = pa + ((<usize>i0 * kc) << 2);
      let bp = bPanel;
      let c00 = f32x4.splat(0),
        c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0),
        c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0),
        c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0),
        c31 = f32x4.splat(0);
      // (unrolling this loop 2× or 4× made V8 spill accumulators: 27 GFLOP/s instead of 39)
      for (let p = 0; p < kc; p++) {
        const b0 = v128.load(bp);
        const b1 = v128.load(bp, 16);
        let a = v128.load32_splat(ap);
        c00 = madd(a, b0, c00);
        c01 = madd(a, b1, c01);
        a = v128.load32_splat(ap, 4);
        c10 = madd(a, b0, c10);
        c11 = madd(a, b1, c11);
        a = v128.load32_splat(ap, 8);
        c20 = madd(a, b0, c20);
        c21 = madd(a, b1, c21);
        a = v128.load32_splat(ap, 12);
        c30 = madd(a, b0, c30);
        c31 = madd(a, b1, c31);
        ap += MR << 2;
        bp += NR << 2;
      }
      const row = c + ((<usize>(ic + i0) * ldc + <usize>(jc + j0)) << 2);
      const step = (<usize>ldc) << 2;
      if (h === MR && w === NR) {
        let r = row;
        update(r, c00, va, vb, mode);
        update(r + 16, c01, va, vb, mode);
        r += step;
        update(r, c10, va, vb, mode);
        update(r + 16, c11, va, vb, mode);
        r += step;
        update(r, c20, va, vb, mode);
        update(r + 16, c21, va, vb, mode);
        r += step;
        update(r, c30, va, vb, mode);
        update(r + 16, c31, va, vb, mode);
      } else {
        v128.store(tile, c00);
        v128.store(tile, c01, 16);
        v128.store(tile, c10, 32);
        v128.store(tile, c11, 48);
        v128.store(tile, c20, 64);
        v128.store(tile, c21, 80);
        v128.store(tile, c30, 96);
        v128.store(tile, c31, 112);
        for (let ii = 0; ii < h; ii++) {
          for (let jj = 0; jj < w; jj++) {
            const q = row + ((<usize>ii * ldc + <usize>jj) << 2);
            const t = alpha * load<f32>(tile + ((<usize>(ii * NR + jj)) << 2));
            store<f32>(q, mode === OVERWRITE ? t : mode === ACCUMULATE ? load<f32>(q) + t : beta * load<f32>(q) + t);
          }
        }
      }
    }
  }
}

const KC = 256; // a KC×NR micro-panel of packed B (8 KiB) stays in L1
const MC = 128; // an MC×KC block of packed A (128 KiB) stays in L2
const NC = 1024; // the KC×NC packed B panel (1 MiB) stays in L2/L3

/** Splits `total` into equal blocks of at most `max`, each a multiple of `unit`. */
function blockSize(total: i32, max: i32, unit: i32): i32 {
  const blocks = (total + max - 1) / max;
  const even = (total + blocks - 1) / blocks;
  return min(max, ((even + unit - 1) / unit) * unit);
}

/** Bytes of scratch `gemmPanel` needs: packed A block, packed B panel, edge tile. */
export function gemmScratchBytes(): i32 {
  return (MC * KC + KC * NC + MR * NR) << 2;
}

/**
 * C[:, j0:j1] = alpha·op(A)·op(B)[:, j0:j1] + beta·C[:, j0:j1] through packed panels
 * (BLIS loop order jc → pc → ic; beta rides on the first k-block). Column ranges
 * are independent, so threads split by them.
 */
export function gemmPanel(
  c: usize,
  a: usize,
  rsA: i32,
  csA: i32,
  b: usize,
  rsB: i32,
  csB: i32,
  m: i32,
  n: i32,
  k: i32,
  alpha: f32,
  beta: f32,
  j0: i32,
  j1: i32,
  scratch: usize,
): void {
  const pa = scratch;
  const pb = pa + ((<usize>MC * KC) << 2);
  const tile = pb + ((<usize>KC * NC) << 2);
  const kcMax = blockSize(k, KC, 1);
  const mcMax = blockSize(m, MC, MR);
  for (let jc = j0; jc < j1; jc += NC) {
    const nc = min(NC, j1 - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = min(kcMax, k - pc);
      packB(pb, b, rsB, csB, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = min(mcMax, m - ic);
        packA(pa, a, rsA, csA, ic, mc, pc, kc);
        macroKernel(c, n, pa, pb, ic, mc, jc, nc, kc, alpha, pc === 0 ? beta : 1, tile);
      }
    }
  }
}
