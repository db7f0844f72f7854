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
 * One 4-row × 2-column tile of C = alpha·A·op(B) + beta·C (rows i0.., `rows` of them, a
 * missing row repeating the last; columns j, j+1 unless `two` is false): eight dot
 * products k long, each step loading two weight vectors and four input vectors.
 */
@inline
function dots4x2(
  c: usize,
  ldc: i32,
  a: usize,
  aStride: usize,
  b0: usize,
  b1: usize,
  two: bool,
  i0: i32,
  rows: i32,
  k: i32,
  alpha: f32,
  beta: f32,
): void {
  const kv = k & ~3;
  const row = (<usize>ldc) << 2;
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
  const q = c + <usize>i0 * row;
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

/**
 * Two rows × four columns (j.., `cols` of them, a missing column repeating the last):
 * the same eight dot products per tile for a last pair of rows, which a 4×2 tile
 * would pad to four (m = 10 images: a sixth of the work).
 */
@inline
function dots2x4(
  c: usize,
  ldc: i32,
  a: usize,
  aStride: usize,
  b: usize,
  bStride: usize,
  i0: i32,
  cols: i32,
  k: i32,
  alpha: f32,
  beta: f32,
): void {
  const kv = k & ~3;
  const row = (<usize>ldc) << 2;
  const a0 = a + <usize>i0 * aStride;
  const a1 = a0 + aStride;
  const b0 = b;
  const b1 = b + <usize>min(1, cols - 1) * bStride;
  const b2 = b + <usize>min(2, cols - 1) * bStride;
  const b3 = b + <usize>min(3, cols - 1) * bStride;
  let s00 = f32x4.splat(0),
    s01 = f32x4.splat(0),
    s02 = f32x4.splat(0),
    s03 = f32x4.splat(0),
    s10 = f32x4.splat(0),
    s11 = f32x4.splat(0),
    s12 = f32x4.splat(0),
    s13 = f32x4.splat(0);
  for (let p = 0; p < kv; p += 4) {
    const o = (<usize>p) << 2;
    const x0 = v128.load(a0 + o);
    const x1 = v128.load(a1 + o);
    let w = v128.load(b0 + o);
    s00 = madd(x0, w, s00);
    s10 = madd(x1, w, s10);
    w = v128.load(b1 + o);
    s01 = madd(x0, w, s01);
    s11 = madd(x1, w, s11);
    w = v128.load(b2 + o);
    s02 = madd(x0, w, s02);
    s12 = madd(x1, w, s12);
    w = v128.load(b3 + o);
    s03 = madd(x0, w, s03);
    s13 = madd(x1, w, s13);
  }
  let t00 = hsum(s00),
    t01 = hsum(s01),
    t02 = hsum(s02),
    t03 = hsum(s03),
    t10 = hsum(s10),
    t11 = hsum(s11),
    t12 = hsum(s12),
    t13 = hsum(s13);
  for (let p = kv; p < k; p++) {
    const o = (<usize>p) << 2;
    const x0 = load<f32>(a0 + o);
    const x1 = load<f32>(a1 + o);
    const w0 = load<f32>(b0 + o);
    const w1 = load<f32>(b1 + o);
    const w2 = load<f32>(b2 + o);
    const w3 = load<f32>(b3 + o);
    t00 += x0 * w0;
    t01 += x0 * w1;
    t02 += x0 * w2;
    t03 += x0 * w3;
    t10 += x1 * w0;
    t11 += x1 * w1;
    t12 += x1 * w2;
    t13 += x1 * w3;
  }
  const q = c + <usize>i0 * row;
  put(q, t00, alpha, beta);
  put(q + row, t10, alpha, beta);
  if (cols > 1) {
    put(q + 4, t01, alpha, beta);
    put(q + row + 4, t11, alpha, beta);
  }
  if (cols > 2) {
    put(q + 8, t02, alpha, beta);
    put(q + row + 8, t12, alpha, beta);
  }
  if (cols > 3) {
    put(q + 12, t03, alpha, beta);
    put(q + row + 12, t13, alpha, beta);
  }
}

/**
 * C = alpha·A·op(B) + beta·C with A's rows contiguous (csA = 1) and op(B)'s columns
 * contiguous (rsB = 1), as in x·Wᵀ: 4×2 tiles of dot products k long (a last pair of
 * rows in 2×4 tiles instead of padding). Columns outermost, four at a time, so the four
 * weight rows stay in L1 while the row groups pass over them and W is read from memory
 * once. Every entry is the same sum in the same order whichever tile computes it.
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
  const bStride = (<usize>csB) << 2;
  const aStride = (<usize>rsA) << 2;
  const m4 = m & ~3;
  const rest = m - m4;
  for (let j = 0; j < n; j += 4) {
    const cols = min(4, n - j);
    const cj = c + ((<usize>j) << 2);
    const b0 = b + <usize>j * bStride;
    const b1 = cols > 1 ? b0 + bStride : b0; // a lone last column computes itself twice, stores once
    const b2 = b0 + <usize>min(2, cols - 1) * bStride;
    const b3 = b0 + <usize>min(3, cols - 1) * bStride;
    // rows in groups of four; three left over are one padded group
    const full = rest === 2 ? m4 : m;
    for (let i0 = 0; i0 < full; i0 += 4) {
      const rows = min(4, m - i0);
      dots4x2(cj, ldc, a, aStride, b0, b1, cols > 1, i0, rows, k, alpha, beta);
      if (cols > 2) dots4x2(cj + 8, ldc, a, aStride, b2, b3, cols > 3, i0, rows, k, alpha, beta);
    }
    if (rest === 2) dots2x4(cj, ldc, a, aStride, b0, bStride, m4, cols, k, alpha, beta);
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
 * A tile of 2 rows × 16 columns (a full cache line of each B row) for a last pair of
 * rows, which a 4×8 tile would pad to four: per p, four vectors of B and two scalars of
 * A, eight multiply-adds; each entry summed over p in the order tile4x8 uses.
 */
@inline
function tile2x16(
  c: usize,
  ldc: i32,
  a: usize,
  rsA: i32,
  csA: i32,
  b: usize,
  ldb: i32,
  i0: i32,
  k: i32,
  va: v128,
  vb: v128,
  beta: f32,
): void {
  const aStep = (<usize>csA) << 2;
  const bStep = (<usize>ldb) << 2;
  let a0 = a + ((<usize>i0 * rsA) << 2);
  let a1 = a0 + ((<usize>rsA) << 2);
  let s00 = f32x4.splat(0),
    s01 = f32x4.splat(0),
    s02 = f32x4.splat(0),
    s03 = f32x4.splat(0),
    s10 = f32x4.splat(0),
    s11 = f32x4.splat(0),
    s12 = f32x4.splat(0),
    s13 = f32x4.splat(0);
  let bp = b;
  for (let p = 0; p < k; p++) {
    const w0 = v128.load(bp);
    const w1 = v128.load(bp, 16);
    const w2 = v128.load(bp, 32);
    const w3 = v128.load(bp, 48);
    const x0 = v128.load32_splat(a0);
    const x1 = v128.load32_splat(a1);
    s00 = madd(x0, w0, s00);
    s01 = madd(x0, w1, s01);
    s02 = madd(x0, w2, s02);
    s03 = madd(x0, w3, s03);
    s10 = madd(x1, w0, s10);
    s11 = madd(x1, w1, s11);
    s12 = madd(x1, w2, s12);
    s13 = madd(x1, w3, s13);
    a0 += aStep;
    a1 += aStep;
    bp += bStep;
  }
  const row = (<usize>ldc) << 2;
  const q = c + ((<usize>i0 * ldc) << 2);
  putv(q, s00, va, vb, beta);
  putv(q + 16, s01, va, vb, beta);
  putv(q + 32, s02, va, vb, beta);
  putv(q + 48, s03, va, vb, beta);
  putv(q + row, s10, va, vb, beta);
  putv(q + row + 16, s11, va, vb, beta);
  putv(q + row + 32, s12, va, vb, beta);
  putv(q + row + 48, s13, va, vb, beta);
}

/**
 * C = alpha·op(A)·B + beta·C with B's rows contiguous (ldb floats apart) and few rows
 * of C, as in the feedback φ(U)·B: column blocks of 16 outermost, 4×8 tiles over them
 * and a last pair of rows in one 2×16 tile (not padded to four), so the row groups
 * re-read a block of B (k × 64 bytes) from cache, not memory; then a block of 8, then
 * the ragged edge.
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
  const n16 = n & ~15;
  const nv = n & ~7;
  const m4 = m & ~3;
  const pair = m - m4 === 2;
  const full = pair ? m4 : m; // one or three rows left over: a padded 4-row tile
  for (let j = 0; j < n16; j += 16) {
    const cj = c + ((<usize>j) << 2);
    const bj = b + ((<usize>j) << 2);
    for (let i0 = 0; i0 < full; i0 += 4) {
      tile4x8(cj, ldc, a, rsA, csA, bj, ldb, i0, min(4, m - i0), k, va, vb, beta);
      tile4x8(cj + 32, ldc, a, rsA, csA, bj + 32, ldb, i0, min(4, m - i0), k, va, vb, beta);
    }
    if (pair) tile2x16(cj, ldc, a, rsA, csA, bj, ldb, m4, k, va, vb, beta);
  }
  for (let j = n16; j < nv; j += 8) {
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
