import type { UnaryOp } from '@rfa/tensor';

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

export function binary(op: BinaryOp, out: Float32Array, a: Float32Array, b: Float32Array): void {
  const n = out.length;
  switch (op) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
      return;
    case 'sub':
      for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
      return;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
      return;
    case 'div':
      for (let i = 0; i < n; i++) out[i] = a[i] / b[i];
      return;
  }
}

/** out = scale · a + shift */
export function scaleShift(out: Float32Array, a: Float32Array, scale: number, shift: number): void {
  for (let i = 0; i < out.length; i++) out[i] = scale * a[i] + shift;
}

/** y += alpha · x */
export function axpy(y: Float32Array, alpha: number, x: Float32Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}

const unaryFns: Record<UnaryOp, (x: number) => number> = {
  neg: (x) => -x,
  abs: Math.abs,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  square: (x) => x * x,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  reciprocal: (x) => 1 / x,
};

export function unary(out: Float32Array, a: Float32Array, op: UnaryOp): void {
  const f = unaryFns[op];
  for (let i = 0; i < out.length; i++) out[i] = f(a[i]);
}

export function clamp(out: Float32Array, a: Float32Array, low: number, high: number): void {
  for (let i = 0; i < out.length; i++) {
    const x = a[i];
    out[i] = x < low ? low : x > high ? high : x;
  }
}

export function greater(out: Float32Array, a: Float32Array, threshold: number): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] > threshold ? 1 : 0;
}

/** out = 1 where u < p (p scalar or per entry), else 0. */
export function bernoulliFromUniform(out: Float32Array, u: Float32Array, p: number | Float32Array): void {
  if (typeof p === 'number') for (let i = 0; i < out.length; i++) out[i] = u[i] < p ? 1 : 0;
  else for (let i = 0; i < out.length; i++) out[i] = u[i] < p[i] ? 1 : 0;
}
