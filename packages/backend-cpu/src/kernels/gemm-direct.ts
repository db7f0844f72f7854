/**
 * Unpacked gemm loops for small or thin products (batch 1, rank-1 updates), where
 * packing would cost as much as the arithmetic. Every inner loop walks memory
 * contiguously: dot products when B is transposed, row axpys otherwise.
 * Computes C += alpha · op(A) · op(B); the caller has already applied beta.
 */
export function gemmDirect(
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
  if (transB) {
    // B stored n×k: C[i,j] = A(i,:) · B[j,:]
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const bj = j * k;
        let s0 = 0;
        let s1 = 0;
        let p = 0;
        if (!transA) {
          const ai = i * k;
          for (; p + 1 < k; p += 2) {
            s0 += a[ai + p] * b[bj + p];
            s1 += a[ai + p + 1] * b[bj + p + 1];
          }
          if (p < k) s0 += a[ai + p] * b[bj + p];
        } else {
          for (; p < k; p++) s0 += a[p * m + i] * b[bj + p];
        }
        c[i * n + j] += alpha * (s0 + s1);
      }
    }
    return;
  }
  // B stored k×n: C[i,:] += A(i,p) · B[p,:]
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const av = alpha * (transA ? a[p * m + i] : a[i * k + p]);
      if (av === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
    }
  }
}
