import type { Activation, Backend, GemmOptions, UnaryOp } from './backend.js';
import { ACTIVATIONS, UNARY_OPS } from './backend.js';
import { BackendMismatchError, OptionError, ShapeError } from './errors.js';
import { sameStorage } from './reshape-view.js';
import { formatShape, sameShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { checkWindowGeometry, type WindowGeometry } from './window-geometry.js';

/** Every operand is live and belongs to `backend`. */
export function checkOperands(op: string, backend: Backend, ...tensors: Tensor[]): void {
  for (const t of tensors) {
    if (t === null || typeof t !== 'object' || !('shape' in t)) {
      throw new ShapeError(`${op}: expected a Tensor, got ${String(t)}`);
    }
    t.assertLive(op);
    if (t.backend !== backend) {
      throw new BackendMismatchError(
        `${op}: tensor #${t.id} belongs to backend '${t.backend.name}', not '${backend.name}'`,
      );
    }
  }
}

/** All tensors have the same shape. */
export function checkSameShape(op: string, ...tensors: Tensor[]): void {
  const first = tensors[0].shape;
  for (const t of tensors) {
    if (!sameShape(first, t.shape)) {
      throw new ShapeError(`${op}: shapes differ: ${tensors.map((x) => formatShape(x.shape)).join(' vs ')}`);
    }
  }
}

export function checkMatrix(op: string, name: string, t: Tensor): void {
  if (t.shape.length !== 2)
    throw new ShapeError(`${op}: ${name} must be a matrix, got ${formatShape(t.shape)}`);
}

/** Checks op(A)·op(B) → C and returns [m, n, k]. */
export function checkGemm(c: Tensor, a: Tensor, b: Tensor, o: GemmOptions): [number, number, number] {
  checkMatrix('gemm', 'A', a);
  checkMatrix('gemm', 'B', b);
  checkMatrix('gemm', 'C', c);
  const [m, k] = o.transA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const [k2, n] = o.transB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
  const desc = () =>
    `A${o.transA ? 'ᵀ' : ''} ${formatShape(a.shape)} · B${o.transB ? 'ᵀ' : ''} ${formatShape(b.shape)} → C ${formatShape(c.shape)}`;
  if (k !== k2) throw new ShapeError(`gemm: inner dimensions differ (${k} vs ${k2}): ${desc()}`);
  if (c.shape[0] !== m || c.shape[1] !== n) throw new ShapeError(`gemm: C must be [${m},${n}]: ${desc()}`);
  if (sameStorage(c, a) || sameStorage(c, b))
    throw new ShapeError(`gemm: C must not alias A or B: ${desc()}`);
  return [m, n, k];
}

/** W [n, m], D [p, n], S [p, m], X [q, m], Y [q, n] for `updateThenProject`; returns [n, m, p, q]. */
export function checkUpdateProject(
  w: Tensor,
  d: Tensor,
  s: Tensor,
  x: Tensor,
  y: Tensor,
): [number, number, number, number] {
  const op = 'updateThenProject';
  const named: [string, Tensor][] = [
    ['W', w],
    ['D', d],
    ['S', s],
    ['X', x],
    ['Y', y],
  ];
  for (const [name, t] of named) checkMatrix(op, name, t);
  const [n, m] = w.shape;
  const [p, q] = [d.shape[0], x.shape[0]];
  const desc = () => named.map(([name, t]) => `${name} ${formatShape(t.shape)}`).join(', ');
  const want: [string, Tensor, number, number][] = [
    ['D', d, p, n],
    ['S', s, p, m],
    ['X', x, q, m],
    ['Y', y, q, n],
  ];
  for (const [name, t, r, c] of want) {
    if (t.shape[0] !== r || t.shape[1] !== c)
      throw new ShapeError(`${op}: ${name} must be [${r},${c}] for W [${n},${m}]: ${desc()}`);
  }
  if (w === d || w === s || w === x || y === w || y === d || y === s || y === x)
    throw new ShapeError(`${op}: W and Y must not alias each other or D, S, X: ${desc()}`);
  return [n, m, p, q];
}

export function checkRowVector(op: string, out: Tensor, a: Tensor, row: Tensor): void {
  checkSameShape(op, out, a);
  const cols = a.shape.length === 1 ? a.shape[0] : a.shape[1];
  if (row.shape.length !== 1 || row.shape[0] !== cols) {
    throw new ShapeError(
      `${op}: row must be [${cols}] for a ${formatShape(a.shape)}, got ${formatShape(row.shape)}`,
    );
  }
}

export function checkSum(out: Tensor, a: Tensor, axis: number): void {
  if (axis !== 0 && axis !== 1) throw new OptionError(`sum: axis must be 0 or 1, got ${axis}`);
  const [rows, cols] = a.shape.length === 1 ? [1, a.shape[0]] : [a.shape[0], a.shape[1]];
  const want = axis === 0 ? cols : rows;
  if (out.shape.length !== 1 || out.shape[0] !== want) {
    throw new ShapeError(
      `sum: axis ${axis} of ${formatShape(a.shape)} needs out [${want}], got ${formatShape(out.shape)}`,
    );
  }
}

export function checkArgmax(out: Tensor, a: Tensor): void {
  const rows = a.shape.length === 1 ? 1 : a.shape[0];
  if (out.shape.length !== 1 || out.shape[0] !== rows) {
    throw new ShapeError(
      `argmaxRows: ${formatShape(a.shape)} needs out [${rows}], got ${formatShape(out.shape)}`,
    );
  }
  if (a.size === 0) throw new ShapeError(`argmaxRows: rows of ${formatShape(a.shape)} are empty`);
}

export function checkActivation(op: string, activation: Activation, derivative = false): void {
  if (!ACTIVATIONS.includes(activation)) {
    throw new OptionError(
      `${op}: unknown activation '${String(activation)}' (known: ${ACTIVATIONS.join(', ')})`,
    );
  }
  if (derivative && activation === 'softmax') {
    throw new OptionError(`${op}: softmax has no pointwise derivative; pair it with softmax cross-entropy`);
  }
}

export function checkUnary(op: UnaryOp): void {
  if (!UNARY_OPS.includes(op))
    throw new OptionError(`unary: unknown op '${String(op)}' (known: ${UNARY_OPS.join(', ')})`);
}

export function checkFinite(op: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new OptionError(`${op}: ${name} must be a finite number, got ${String(value)}`);
  }
}

/** The sizes a window op's operands must have: [rows, cols] per role. */
export function windowShapes(g: WindowGeometry): Record<'image' | 'cols' | 'pooled', [number, number]> {
  const { batch, height, width, channels, kernelHeight, kernelWidth, outHeight, outWidth } = g;
  return {
    image: [batch, height * width * channels],
    cols: [batch * outHeight * outWidth, kernelHeight * kernelWidth * channels],
    pooled: [batch, outHeight * outWidth * channels],
  };
}

/**
 * A window op (im2col, col2im, the pools): the geometry is sound, each operand has the
 * shape its role needs (`[name, tensor, role]`), and no output shares storage with another operand.
 */
export function checkWindowOp(
  op: string,
  g: WindowGeometry,
  outputs: number,
  operands: [string, Tensor, 'image' | 'cols' | 'pooled'][],
): void {
  checkWindowGeometry(op, g);
  const shapes = windowShapes(g);
  const geometry = () =>
    `batch ${g.batch}, ${g.height}×${g.width}×${g.channels}, kernel ${g.kernelHeight}×${g.kernelWidth}, stride ${g.strideHeight}×${g.strideWidth}, pad ${g.padTop}/${g.padLeft}, out ${g.outHeight}×${g.outWidth}`;
  for (const [name, t, role] of operands) {
    const [r, c] = shapes[role];
    if (t.shape.length !== 2 || t.shape[0] !== r || t.shape[1] !== c)
      throw new ShapeError(
        `${op}: ${name} must be [${r},${c}] for ${geometry()}, got ${formatShape(t.shape)}`,
      );
  }
  for (let i = 0; i < outputs; i++) {
    for (let j = 0; j < operands.length; j++) {
      if (i !== j && sameStorage(operands[i][1], operands[j][1]))
        throw new ShapeError(`${op}: ${operands[i][0]} must not share storage with ${operands[j][0]}`);
    }
  }
}
