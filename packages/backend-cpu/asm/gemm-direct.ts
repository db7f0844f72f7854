// Unpacked gemm for thin products (batch 1, rank-1 updates, tiny layers), where
// packing would cost as much as the arithmetic. Same stride addressing as
// gemm.ts; C row-major (ldc = n); the caller has applied beta already.

import { madd } from './madd';

/** C[i,:] += alpha·op(A)[i,p]·B[p,:] with B's rows contiguous (csB = 1): f32x4 across each row. */
export function gemmRowAxpy(
  c: usize,
  a: usize,
  rsA: i32,
  csA: i32,
  b: usize,
  rsB: i32,
  m: i32,
  n: i32,
  k: i32,
  alpha: f32,
  beta: f32,
): void {
  const vbeta = f32x4.splat(beta);
  for (let i = 0; i < m; i++) {
    const crow = c + ((<usize>i * n) << 2);
    for (let p = 0; p < k; p++) {
      const av = alpha * load<f32>(a + ((<usize>i * rsA + <usize>p * csA) << 2));
      const brow = b + ((<usize>p * rsB) << 2);
      const vav = f32x4.splat(av);
      let j = 0;
      if (p === 0 && beta !== 1) {
        // β folded into the first pass: a weight update with decay reads and writes W once
        // β = 0 must not read C (it may hold NaN)
        for (; j + 4 <= n; j += 4) {
          const q = crow + ((<usize>j) << 2);
          const ab = f32x4.mul(vav, v128.load(brow + ((<usize>j) << 2)));
          v128.store(q, beta === 0 ? ab : f32x4.add(f32x4.mul(vbeta, v128.load(q)), ab));
        }
        for (; j < n; j++) {
          const q = crow + ((<usize>j) << 2);
          const ab = av * load<f32>(brow + ((<usize>j) << 2));
          store<f32>(q, beta === 0 ? ab : beta * load<f32>(q) + ab);
        }
        continue;
      }
      if (av === 0) continue; // sparse activations (relu, dropout) skip whole rows
      for (; j + 8 <= n; j += 8) {
        const q = crow + ((<usize>j) << 2);
        const r = brow + ((<usize>j) << 2);
        v128.store(q, madd(vav, v128.load(r), v128.load(q)));
        v128.store(q, madd(vav, v128.load(r, 16), v128.load(q, 16)), 16);
      }
      for (; j < n; j++) {
        const q = crow + ((<usize>j) << 2);
        store<f32>(q, load<f32>(q) + av * load<f32>(brow + ((<usize>j) << 2)));
      }
    }
  }
}

/** Σ of each of four f32x4 as the four lanes of one: a 4×4 transpose folded into the adds. */
@inline
function laneSums(s0: v128, s1: v128, s2: v128, s3: v128): v128 {
  const a = f32x4.add(f32x4.shuffle(s0, s1, 0, 4, 1, 5), f32x4.shuffle(s0, s1, 2, 6, 3, 7));
  const b = f32x4.add(f32x4.shuffle(s2, s3, 0, 4, 1, 5), f32x4.shuffle(s2, s3, 2, 6, 3, 7));
  return f32x4.add(f32x4.shuffle(a, b, 0, 1, 4, 5), f32x4.shuffle(a, b, 2, 3, 6, 7));
}

/**
 * Four dot products of one row of A (contiguous) with four columns of op(B)
 * (contiguous, `stride` bytes apart), k long: two accumulators per column so eight
 * add chains run at once, and A's row is loaded once for all four.
 */
@inline
function dots4(arow: usize, b0: usize, stride: usize, k: i32): v128 {
  const b1 = b0 + stride;
  const b2 = b1 + stride;
  const b3 = b2 + stride;
  let s0 = f32x4.splat(0),
    t0 = f32x4.splat(0);
  let s1 = f32x4.splat(0),
    t1 = f32x4.splat(0);
  let s2 = f32x4.splat(0),
    t2 = f32x4.splat(0);
  let s3 = f32x4.splat(0),
    t3 = f32x4.splat(0);
  let p = 0;
  for (; p + 8 <= k; p += 8) {
    const o = (<usize>p) << 2;
    const x = v128.load(arow + o);
    const y = v128.load(arow + o, 16);
    s0 = madd(x, v128.load(b0 + o), s0);
    t0 = madd(y, v128.load(b0 + o, 16), t0);
    s1 = madd(x, v128.load(b1 + o), s1);
    t1 = madd(y, v128.load(b1 + o, 16), t1);
    s2 = madd(x, v128.load(b2 + o), s2);
    t2 = madd(y, v128.load(b2 + o, 16), t2);
    s3 = madd(x, v128.load(b3 + o), s3);
    t3 = madd(y, v128.load(b3 + o, 16), t3);
  }
  for (; p + 4 <= k; p += 4) {
    const o = (<usize>p) << 2;
    const x = v128.load(arow + o);
    s0 = madd(x, v128.load(b0 + o), s0);
    s1 = madd(x, v128.load(b1 + o), s1);
    s2 = madd(x, v128.load(b2 + o), s2);
    s3 = madd(x, v128.load(b3 + o), s3);
  }
  let sums = laneSums(f32x4.add(s0, t0), f32x4.add(s1, t1), f32x4.add(s2, t2), f32x4.add(s3, t3));
  for (; p < k; p++) {
    const o = (<usize>p) << 2;
    const x = f32x4.splat(load<f32>(arow + o));
    const col = f32x4(load<f32>(b0 + o), load<f32>(b1 + o), load<f32>(b2 + o), load<f32>(b3 + o));
    sums = f32x4.add(sums, f32x4.mul(x, col));
  }
  return sums;
}

/**
 * C[i,j] += alpha·Σ_p op(A)[i,p]·op(B)[p,j] as dot products: four columns at a time
 * on f32x4 when both operands are contiguous in p (x·Wᵀ: a batch-1 forward, or a
 * layer with few outputs), one at a time with scalar loads otherwise.
 */
export function gemmDots(
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
): void {
  const contiguous = csA === 1 && rsB === 1;
  const va = f32x4.splat(alpha);
  for (let i = 0; i < m; i++) {
    const arow = a + ((<usize>i * rsA) << 2);
    const crow = c + ((<usize>i * n) << 2);
    let j = 0;
    if (contiguous) {
      const stride = (<usize>csB) << 2;
      for (; j + 4 <= n; j += 4) {
        const q = crow + ((<usize>j) << 2);
        const sums = dots4(arow, b + <usize>j * stride, stride, k);
        v128.store(q, f32x4.add(v128.load(q), f32x4.mul(va, sums)));
      }
    }
    for (; j < n; j++) {
      const bcol = b + ((<usize>j * csB) << 2);
      let s: f32 = 0;
      let p = 0;
      if (contiguous) {
        let s0 = f32x4.splat(0);
        let s1 = f32x4.splat(0);
        for (; p + 8 <= k; p += 8) {
          const o = (<usize>p) << 2;
          s0 = madd(v128.load(arow + o), v128.load(bcol + o), s0);
          s1 = madd(v128.load(arow + o, 16), v128.load(bcol + o, 16), s1);
        }
        const t = f32x4.add(s0, s1);
        s = f32x4.extract_lane(t, 0) + f32x4.extract_lane(t, 1) + f32x4.extract_lane(t, 2) + f32x4.extract_lane(t, 3);
      }
      for (; p < k; p++)
        s += load<f32>(arow + ((<usize>p * csA) << 2)) * load<f32>(bcol + ((<usize>p * rsB) << 2));
      const q = crow + ((<usize>j) << 2);
      store<f32>(q, load<f32>(q) + alpha * s);
    }
  }
}
