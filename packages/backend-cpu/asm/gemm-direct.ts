// Unpacked gemm for thin products (batch 1, rank-1 updates, tiny layers), where
// packing would cost as much as the arithmetic. Same stride addressing as
// gemm.ts; C row-major (ldc = n); the caller has applied beta already.

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
        v128.store(q, f32x4.add(v128.load(q), f32x4.mul(vav, v128.load(r))));
        v128.store(q, f32x4.add(v128.load(q, 16), f32x4.mul(vav, v128.load(r, 16))), 16);
      }
      for (; j < n; j++) {
        const q = crow + ((<usize>j) << 2);
        store<f32>(q, load<f32>(q) + av * load<f32>(brow + ((<usize>j) << 2)));
      }
    }
  }
}

/** C[i,j] += alpha·Σ_p op(A)[i,p]·op(B)[p,j] as dot products, f32x4 when both operands are contiguous in p. */
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
  for (let i = 0; i < m; i++) {
    const arow = a + ((<usize>i * rsA) << 2);
    for (let j = 0; j < n; j++) {
      const bcol = b + ((<usize>j * csB) << 2);
      let s: f32 = 0;
      let p = 0;
      if (csA === 1 && rsB === 1) {
        let s0 = f32x4.splat(0);
        let s1 = f32x4.splat(0);
        for (; p + 8 <= k; p += 8) {
          const x = arow + ((<usize>p) << 2);
          const y = bcol + ((<usize>p) << 2);
          s0 = f32x4.add(s0, f32x4.mul(v128.load(x), v128.load(y)));
          s1 = f32x4.add(s1, f32x4.mul(v128.load(x, 16), v128.load(y, 16)));
        }
        const t = f32x4.add(s0, s1);
        s =
          f32x4.extract_lane(t, 0) +
          f32x4.extract_lane(t, 1) +
          f32x4.extract_lane(t, 2) +
          f32x4.extract_lane(t, 3);
      }
      for (; p < k; p++)
        s += load<f32>(arow + ((<usize>p * csA) << 2)) * load<f32>(bcol + ((<usize>p * rsB) << 2));
      const q = c + ((<usize>i * n + <usize>j) << 2);
      store<f32>(q, load<f32>(q) + alpha * s);
    }
  }
}
