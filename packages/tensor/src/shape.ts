import { LengthError, ShapeError } from './errors.js';

/** Row-major shape: `[n]` for a vector, `[rows, cols]` for a matrix. */
export type Shape = readonly number[];

/** Number of elements a shape holds. */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** `[2,3]` → `"[2,3]"`, for error messages. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/** Throws a ShapeError unless every dimension is a non-negative integer and the rank is 1 or 2. */
export function checkShape(op: string, shape: Shape): void {
  if (!Array.isArray(shape) || shape.length < 1 || shape.length > 2) {
    throw new ShapeError(`${op}: shape must have rank 1 or 2, got ${JSON.stringify(shape)}`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(
        `${op}: shape dimensions must be non-negative integers, got ${formatShape(shape)}`,
      );
    }
  }
}

/** Throws a LengthError unless `length` equals the size of `shape`. */
export function checkLength(op: string, length: number, shape: Shape): void {
  const want = sizeOf(shape);
  if (length !== want) {
    throw new LengthError(`${op}: data has ${length} values but shape ${formatShape(shape)} needs ${want}`);
  }
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Rows and columns of a rank-2 shape; a vector `[n]` counts as one row `[1,n]`. */
export function rowsCols(shape: Shape): [number, number] {
  return shape.length === 1 ? [1, shape[0]] : [shape[0], shape[1]];
}
