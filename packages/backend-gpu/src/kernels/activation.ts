import type { Activation } from '@rfa/tensor';
import { type KernelSpec, ROW_OF_X } from './spec.js';

// Written to stay finite in float32 at any input: exp only of non-positive numbers.
const LOGISTIC =
  'const e = Math.exp(-Math.abs(v)); const s = 1.0 / (1.0 + e); let y = s; if (v < 0) { y = e * s; }';
const TANH = 'const e = Math.exp(-2.0 * Math.abs(v)); let y = (1.0 - e) / (1.0 + e); if (v < 0) { y = -y; }';

const POINTWISE: Record<Exclude<Activation, 'softmax'>, { value: string; derivative: string }> = {
  logistic: { value: `${LOGISTIC} return y;`, derivative: `${LOGISTIC} return y * (1.0 - y);` },
  tanh: { value: `${TANH} return y;`, derivative: `${TANH} return 1.0 - y * y;` },
  relu: { value: 'return Math.max(v, 0.0);', derivative: 'if (v > 0) { return 1.0; } return 0.0;' },
  linear: { value: 'return v;', derivative: 'return 1.0;' },
};

/** out = f(a); softmax works along each row of `cols` entries (max-shifted). */
export function activate(activation: Activation, cols: number): KernelSpec {
  if (activation === 'softmax') {
    return {
      key: `softmax:${cols}`,
      source: `function (a) {
        ${ROW_OF_X}
        const base = i * this.constants.cols;
        let m = a[base];
        for (let c = 1; c < this.constants.cols; c++) { m = Math.max(m, a[base + c]); }
        let s = 0.0;
        for (let c = 0; c < this.constants.cols; c++) { s += Math.exp(a[base + c] - m); }
        return Math.exp(a[this.thread.x] - m) / s;
      }`,
      constants: { cols },
    };
  }
  return {
    key: `activate:${activation}`,
    source: `function (a) { const v = a[this.thread.x]; ${POINTWISE[activation].value} }`,
  };
}

/** out = f'(pre) */
export function activationDerivative(activation: Exclude<Activation, 'softmax'>): KernelSpec {
  return {
    key: `derivative:${activation}`,
    source: `function (a) { const v = a[this.thread.x]; ${POINTWISE[activation].derivative} }`,
  };
}
