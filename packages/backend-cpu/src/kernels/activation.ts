import type { Activation } from '@rfa/tensor';

export function activate(
  out: Float32Array,
  a: Float32Array,
  activation: Activation,
  rows: number,
  cols: number,
): void {
  const n = rows * cols;
  switch (activation) {
    case 'logistic':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-a[i]));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(a[i]);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = a[i] > 0 ? a[i] : 0;
      return;
    case 'linear':
      if (out !== a) out.set(a.subarray(0, n));
      return;
    case 'softmax':
      softmaxRows(out, a, rows, cols);
      return;
  }
}

/** Row-wise softmax, shifted by the row maximum so exp never overflows. */
function softmaxRows(out: Float32Array, a: Float32Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (a[o + j] > max) max = a[o + j];
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(a[o + j] - max);
      out[o + j] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0; j < cols; j++) out[o + j] *= inv;
  }
}

/** out = f'(pre) */
export function activationDerivative(out: Float32Array, pre: Float32Array, activation: Activation): void {
  const n = out.length;
  switch (activation) {
    case 'logistic':
      for (let i = 0; i < n; i++) {
        const s = 1 / (1 + Math.exp(-pre[i]));
        out[i] = s * (1 - s);
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        const t = Math.tanh(pre[i]);
        out[i] = 1 - t * t;
      }
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = pre[i] > 0 ? 1 : 0;
      return;
    case 'linear':
      out.fill(1);
      return;
    case 'softmax':
      throw new Error('softmax has no pointwise derivative');
  }
}

/**
 * Fused dense-layer tail: pre += bias; post = f(pre); derivative = f'(pre).
 * One pass over memory instead of three.
 */
export function biasActivation(
  pre: Float32Array,
  bias: Float32Array,
  post: Float32Array,
  activation: Activation,
  derivative: Float32Array | null,
  rows: number,
  cols: number,
): void {
  if (activation === 'softmax') {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) pre[i * cols + j] += bias[j];
    softmaxRows(post, pre, rows, cols);
    return;
  }
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      const x = Math.fround(pre[o + j] + bias[j]);
      pre[o + j] = x;
      let y: number;
      let d: number;
      switch (activation) {
        case 'logistic':
          y = 1 / (1 + Math.exp(-x));
          d = y * (1 - y);
          break;
        case 'tanh':
          y = Math.tanh(x);
          d = 1 - y * y;
          break;
        case 'relu':
          y = x > 0 ? x : 0;
          d = x > 0 ? 1 : 0;
          break;
        default:
          y = x;
          d = 1;
      }
      post[o + j] = y;
      if (derivative) derivative[o + j] = d;
    }
  }
}
