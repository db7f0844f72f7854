import type { UnaryOp } from '@rfa/tensor';
import type { KernelSpec } from './spec.js';

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div';
const BINARY: Record<BinaryOp, string> = { add: '+', sub: '-', mul: '*', div: '/' };

/** out = a ∘ b */
export const binary = (op: BinaryOp): KernelSpec => ({
  key: `binary:${op}`,
  source: `function (a, b) { return a[this.thread.x] ${BINARY[op]} b[this.thread.x]; }`,
});

/** out = a (uploads, copies). */
export const copy: KernelSpec = { key: 'copy', source: 'function (a) { return a[this.thread.x]; }' };

/** out = value */
export const fill: KernelSpec = { key: 'fill', source: 'function (value) { return value; }' };

/** out = a · scale + shift (scale, addScalar) */
export const scaleShift: KernelSpec = {
  key: 'scaleShift',
  source: 'function (a, scale, shift) { return a[this.thread.x] * scale + shift; }',
};

/** out = y + alpha · x */
export const axpy: KernelSpec = {
  key: 'axpy',
  source: 'function (y, x, alpha) { return y[this.thread.x] + alpha * x[this.thread.x]; }',
};

const UNARY: Record<UnaryOp, string> = {
  neg: 'return -v;',
  abs: 'return Math.abs(v);',
  sign: 'if (v > 0) { return 1.0; } if (v < 0) { return -1.0; } return 0.0;',
  square: 'return v * v;',
  sqrt: 'return Math.sqrt(v);',
  exp: 'return Math.exp(v);',
  log: 'return Math.log(v);',
  reciprocal: 'return 1.0 / v;',
};

export const unary = (op: UnaryOp): KernelSpec => ({
  key: `unary:${op}`,
  source: `function (a) { const v = a[this.thread.x]; ${UNARY[op]} }`,
});

/** out = min(max(a, low), high) */
export const clamp: KernelSpec = {
  key: 'clamp',
  source: 'function (a, low, high) { return Math.min(Math.max(a[this.thread.x], low), high); }',
};

/** out = a > threshold ? 1 : 0 */
export const greater: KernelSpec = {
  key: 'greater',
  source: 'function (a, threshold) { if (a[this.thread.x] > threshold) { return 1.0; } return 0.0; }',
};

/** out = u < p ? 1 : 0, p a scalar or a tensor. */
export const bernoulli = (perEntry: boolean): KernelSpec => ({
  key: `bernoulli:${perEntry}`,
  source: perEntry
    ? 'function (u, p) { if (u[this.thread.x] < p[this.thread.x]) { return 1.0; } return 0.0; }'
    : 'function (u, p) { if (u[this.thread.x] < p) { return 1.0; } return 0.0; }',
});
