import type { Activation, UnaryOp } from '@rfa/tensor';

/**
 * Float64 reference kernels: the oracle every backend is checked against. Written
 * for clarity (textbook loops), not speed.
 */
export function refGemm(
  c: Float64Array,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
  alpha: number,
  beta: number,
  absBound?: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let sAbs = 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? a[p * m + i] : a[i * k + p];
        const bv = transB ? b[j * k + p] : b[p * n + j];
        s += av * bv;
        sAbs += Math.abs(av * bv);
      }
      const old = beta === 0 ? 0 : beta * c[i * n + j];
      c[i * n + j] = alpha * s + old;
      if (absBound) absBound[i * n + j] = Math.abs(alpha) * sAbs + Math.abs(old);
    }
  }
}

/**
 * The float64 C of a product that starts from `c0` (its first m·n entries):
 * `refGemm` onto a copy, for tests that run a kernel from a given C.
 */
export function refGemmFrom(
  c0: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
  alpha: number,
  beta: number,
): Float64Array {
  const c = Float64Array.from({ length: m * n }, (_, i) => c0[i]);
  refGemm(c, a, b, m, n, k, transA, transB, alpha, beta);
  return c;
}

export const refUnary: Record<UnaryOp, (x: number) => number> = {
  neg: (x) => -x,
  abs: Math.abs,
  sign: Math.sign,
  square: (x) => x * x,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  reciprocal: (x) => 1 / x,
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function refActivate(
  a: ArrayLike<number>,
  rows: number,
  cols: number,
  activation: Activation,
): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    if (activation === 'softmax') {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < cols; j++) max = Math.max(max, a[i * cols + j]);
      let s = 0;
      for (let j = 0; j < cols; j++) s += Math.exp(a[i * cols + j] - max);
      for (let j = 0; j < cols; j++) out[i * cols + j] = Math.exp(a[i * cols + j] - max) / s;
      continue;
    }
    for (let j = 0; j < cols; j++) {
      const x = a[i * cols + j];
      out[i * cols + j] =
        activation === 'logistic'
          ? sigmoid(x)
          : activation === 'tanh'
            ? Math.tanh(x)
            : activation === 'relu'
              ? Math.max(0, x)
              : x;
    }
  }
  return out;
}

export function refActivationDerivative(pre: ArrayLike<number>, activation: Activation): Float64Array {
  const out = new Float64Array(pre.length);
  for (let i = 0; i < pre.length; i++) {
    const x = pre[i];
    if (activation === 'logistic') out[i] = sigmoid(x) * (1 - sigmoid(x));
    else if (activation === 'tanh') out[i] = 1 - Math.tanh(x) ** 2;
    else if (activation === 'relu') out[i] = x > 0 ? 1 : 0;
    else if (activation === 'linear') out[i] = 1;
    else throw new Error('softmax has no pointwise derivative');
  }
  return out;
}

export function refSum(a: ArrayLike<number>, rows: number, cols: number, axis: 0 | 1): Float64Array {
  const out = new Float64Array(axis === 0 ? cols : rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[axis === 0 ? j : i] += a[i * cols + j];
  return out;
}

export function refArgmaxRows(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let j = 1; j < cols; j++) if (a[i * cols + j] > a[i * cols + best]) best = j;
    out[i] = best;
  }
  return out;
}
