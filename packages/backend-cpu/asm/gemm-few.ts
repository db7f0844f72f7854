// Unpacked gemm for products with a few rows (m ≤ ~16) or a short inner dimension
// (k ≤ ~16) and large other sides: the spiking network's steps with 10 images side
// by side. Packing copies a panel of the large matrix before any arithmetic on it,
// for only 10 uses of each weight; these read it where it lies, so its loads overlap
// the multiply-adds. Tiles keep eight accumulators, as the packed kernel does (more
// make V8 spill). They apply beta themselves (β = 0 never reads C); C has `ldc`
// floats a row. Rows missing from a last tile of four repeat its last row and are
// not stored.

import { madd } from './madd';

@inline
function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

@inline
function put(q: usize, s: f32, alpha: f32, beta: f32): void {
  store<f32>(q, beta === 0 ? alpha * s : beta * load<f32>(q) + alpha * s);
}


/**
 * C = alpha·A·op(B) + beta·C with A's rows contiguous (csA = 1) and op(B)'s columns
 * contiguous (rsB = 1), as in x·Wᵀ: a tile of 4 rows × 2 columns of C is eight dot
 * products k long, each step loading two weight vectors and four input vectors for
 * eight multiply-adds. Columns outermost, so the two weight rows stay in L1 while the
 * row groups pass over them and W is read from memory once.
 */
export function gemmFewDots(
  c: usize,
  ldc: i32,
  a: usize,
  rsA: i32,
  b: usize,
  csB: i32,
  m: i32,
  n: i32,
  k: i32,
  alpha: f32,
  beta: f32,
): void {
  const kv = k & ~3;
  const bStride = (<usize>csB) << 2;
  const aStride = (<usize>rsA) << 2;
  const row = (<usize>ldc) << 2;
  for (let j = 0; j < n; j += 2) {
    const two = j + 1 < n;
    const b0 = b + <usize>j * bStride;
    const b1 = two ? b0 + bStride : b0; // a lone last column computes itself twice, stores once
    for (let i0 = 0; i0 < m; i0 += 4) {
      const rows = min(4, m - i0);
      const a0 = a + <usize>i0 * aStride;
      const a1 = a + <usize>(i0 + min(1, rows - 1)) * aStride;
      const a2 = a + <usize>(i0 + min(2, rows - 1)) * aStride;
      const a3 = a + <usize>(i0 + min(3, rows - 1)) * aStride;
      let s00 = f32x4.splat(0),
        s01 = f32x4.splat(0),
        s10 = f32x4.splat(0),
        s11 = f32x4.splat(0),
        s20 = f32x4.splat(0),
        s21 = f32x4.splat(0),
        s30 = f32x4.splat(0),
        s31 = f32x4.splat(0);
      for (let p = 0; p < kv; p += 4) {
        const o = (<usize>p) << 2;
        const w0 = v128.load(b0 + o);
        const w1 = v128.load(b1 + o);
        let x = v128.load(a0 + o);
        s00 = madd(x, w0, s00);
        s01 = madd(x, w1, s01);
        x = v128.load(a1 + o);
        s10 = madd(x, w0, s10);
        s11 = madd(x, w1, s11);
        x = v128.load(a2 + o);
        s20 = madd(x, w0, s20);
        s21 = madd(x, w1, s21);
        x = v128.load(a3 + o);
        s30 = madd(x, w0, s30);
        s31 = madd(x, w1, s31);
      }
      let t00 = hsum(s00),
        t01 = hsum(s01),
        t10 = hsum(s10),
        t11 = hsum(s11),
        t20 = hsum(s20),
        t21 = hsum(s21),
        t30 = hsum(s30),
        t31 = hsum(s31);
      for (let p = kv; p < k; p++) {
        const o = (<usize>p) << 2;
        const w0 = load<f32>(b0 + o);
        const w1 = load<f32>(b1 + o);
        t00 += load<f32>(a0 + o) * w0;
        t01 += load<f32>(a0 + o) * w1;
        t10 += load<f32>(a1 + o) * w0;
        t11 += load<f32>(a1 + o) * w1;
        t20 += load<f32>(a2 + o) * w0;
        t21 += load<f32>(a2 + o) * w1;
        t30 += load<f32>(a3 + o) * w0;
        t31 += load<f32>(a3 + o) * w1;
      }
      const q = c + ((<usize>i0 * ldc + j) << 2);
      put(q, t00, alpha, beta);
      if (two) put(q + 4, t01, alpha, beta);
      if (rows > 1) {
        put(q + row, t10, alpha, beta);
        if (two) put(q + row + 4, t11, alpha, beta);
      }
      if (rows > 2) {
        put(q + 2 * row, t20, alpha, beta);
        if (two) put(q + 2 * row + 4, t21, alpha, beta);
      }
      if (rows > 3) {
        put(q + 3 * row, t30, alpha, beta);
        if (two) put(q + 3 * row + 4, t31, alpha, beta);
      }
    }
  }
}

@inline
function putv(q: usize, s: v128, va: v128, vb: v128, beta: f32): void {
  v128.store(q, beta === 0 ? f32x4.mul(va, s) : madd(vb, v128.load(q), f32x4.mul(va, s)));
}

/**
 * One 4×8 tile of C = alpha·op(A)·B + beta·C at rows i0.. (`rows` of them) and columns
 * j..j+8: op(A)(i, p) at a + (i·rsA + p·csA)·4, B's row p at b + p·ldb·4 (B already
 * offset to column j). Per p: two vectors of B and four scalars of A, eight multiply-adds.
 */
@inline
function tile4x8(
  c: usize,
  ldc: i32,
  a: usize,
  rsA: i32,
  csA: i32,
  b: usize,
  ldb: i32,
  i0: i32,
  rows: i32,
  k: i32,
  va: v128,
  vb: v128,
  beta: f32,
): void {
  const aRow = (<usize>rsA) << 2;
  const aStep = (<usize>csA) << 2;
  const bStep = (<usize>ldb) << 2;
  let a0 = a + <usize>i0 * aRow;
  let a1 = a + <usize>(i0 + min(1, rows - 1)) * aRow;
  let a2 = a + <usize>(i0 + min(2, rows - 1)) * aRow;
  let a3 = a + <usize>(i0 + min(3, rows - 1)) * aRow;
  let s00 = f32x4.splat(0),
    s01 = f32x4.splat(0),
    s10 = f32x4.splat(0),
    s11 = f32x4.splat(0),
    s20 = f32x4.splat(0),
    s21 = f32x4.splat(0),
    s30 = f32x4.splat(0),
    s31 = f32x4.splat(0);
  let bp = b;
  for (let p = 0; p < k; p++) {
    const w0 = v128.load(bp);
    const w1 = v128.load(bp, 16);
    let x = v128.load32_splat(a0);
    s00 = madd(x, w0, s00);
    s01 = madd(x, w1, s01);
    x = v128.load32_splat(a1);
    s10 = madd(x, w0, s10);
    s11 = madd(x, w1, s11);
    x = v128.load32_splat(a2);
    s20 = madd(x, w0, s20);
    s21 = madd(x, w1, s21);
    x = v128.load32_splat(a3);
    s30 = madd(x, w0, s30);
    s31 = madd(x, w1, s31);
    a0 += aStep;
    a1 += aStep;
    a2 += aStep;
    a3 += aStep;
    bp += bStep;
  }
  const row = (<usize>ldc) << 2;
  const q = c + ((<usize>i0 * ldc) << 2);
  putv(q, s00, va, vb, beta);
  putv(q + 16, s01, va, vb, beta);
  if (rows > 1) {
    putv(q + row, s10, va, vb, beta);
    putv(q + row + 16, s11, va, vb, beta);
  }
  if (rows > 2) {
    putv(q + 2 * row, s20, va, vb, beta);
    putv(q + 2 * row + 16, s21, va, vb, beta);
  }
  if (rows > 3) {
    putv(q + 3 * row, s30, va, vb, beta);
    putv(q + 3 * row + 16, s31, va, vb, beta);
  }
}

/** Columns from j0 on of C = alpha·op(A)·B + beta·C, one scalar at a time (the ragged edge). */
function edgeColumns(
  c: usize,
  ldc: i32,
  a: usize,
  rsA: i32,
  csA: i32,
  b: usize,
  ldb: i32,
  m: i32,
  j0: i32,
  n: i32,
  k: i32,
  alpha: f32,
  beta: f32,
): void {
  for (let j = j0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let s: f32 = 0;
      for (let p = 0; p < k; p++)
        s +=
          load<f32>(a + ((<usize>i * rsA + <usize>p * csA) << 2)) * load<f32>(b + ((<usize>p * ldb + j) << 2));
      put(c + ((<usize>i * ldc + j) << 2), s, alpha, beta);
    }
  }
}

/**
 * C = alpha·op(A)·B + beta·C with B's rows contiguous (ldb floats apart) and few rows
 * of C, as in the feedback φ(U)·B: 4×8 tiles, column blocks outermost, so the row
 * groups re-read a block of B (k × 32 bytes) from cache, not memory.
 */
export function gemmFewAxpy(
  c: usize,
  ldc: i32,
  a: usize,
  rsA: i32,
  csA: i32,
  b: usize,
  ldb: i32,
  m: i32,
  n: i32,
  k: i32,
  alpha: f32,
  beta: f32,
): void {
  const va = f32x4.splat(alpha);
  const vb = f32x4.splat(beta);
  const nv = n & ~7;
  for (let j = 0; j < nv; j += 8) {
    const cj = c + ((<usize>j) << 2);
    const bj = b + ((<usize>j) << 2);
    for (let i0 = 0; i0 < m; i0 += 4) tile4x8(cj, ldc, a, rsA, csA, bj, ldb, i0, min(4, m - i0), k, va, vb, beta);
  }
  edgeColumns(c, ldc, a, rsA, csA, b, ldb, m, nv, n, k, alpha, beta);
}

/**
 * The same for a short k (a rank-10 weight update ΔW = δᵀ·s with its decay in beta):
 * rows outermost, so each 4-row band of C (W) is read and written once, in full lines.
 */
export function gemmSmallK(
  c: usize,
  a: usize,
  rsA: i32,
  csA: i32,
  b: usize,
  ldb: i32,
  m: i32,
  n: i32,
  k: i32,
  alpha: f32,
  beta: f32,
): void {
  const va = f32x4.splat(alpha);
  const vb = f32x4.splat(beta);
  const nv = n & ~7;
  for (let i0 = 0; i0 < m; i0 += 4) {
    const rows = min(4, m - i0);
    for (let j = 0; j < nv; j += 8)
      tile4x8(c + ((<usize>j) << 2), n, a, rsA, csA, b + ((<usize>j) << 2), ldb, i0, rows, k, va, vb, beta);
  }
  edgeColumns(c, n, a, rsA, csA, b, ldb, m, nv, n, k, alpha, beta);
}

/**
 * W ← beta·W + alpha·Dᵀ·S, then Y ← beta2·Y + alpha2·X·Wᵀ through the new W, for W's rows
 * j0..j1, four at a time: a band is updated and read by the product while it sits in L1,
 * so W crosses memory once a step instead of twice. Every entry gets the operations of
 * the two products apart (gemmSmallK, then gemmFewDots), in the same order.
 * W [n, m], D [p, n], S [p, m], X [q, m], Y [q, n], all row-major.
 */
export function gemmUpdateDots(
  w: usize,
  d: usize,
  s: usize,
  x: usize,
  y: usize,
  n: i32,
  m: i32,
  p: i32,
  q: i32,
  j0: i32,
  j1: i32,
  alpha: f32,
  beta: f32,
  alpha2: f32,
  beta2: f32,
): void {
  for (let j = j0; j < j1; j += 4) {
    const rows = min(4, j1 - j);
    const band = w + ((<usize>j * m) << 2);
    gemmSmallK(band, d + ((<usize>j) << 2), 1, n, s, m, rows, m, p, alpha, beta);
    gemmFewDots(y + ((<usize>j) << 2), n, x, m, band, m, q, rows, m, alpha2, beta2);
  }
}
