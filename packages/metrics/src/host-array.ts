import { LengthError, ShapeError } from '@rfa/tensor';

/**
 * Any host array of numbers: Float32Array, Float64Array, number[], ... Metrics
 * read it element by element and accumulate in float64, whatever its type.
 */
export type HostArray = ArrayLike<number>;

/** Throws ShapeError unless `rows` and `cols` are non-negative integers. */
function checkDims(op: string, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new ShapeError(
      `${op}: rows and cols must be non-negative integers, got rows=${rows}, cols=${cols}`,
    );
  }
}

/** Throws LengthError unless `data` holds exactly rows × cols values; `name` says which argument. */
export function checkMatrix(op: string, name: string, data: HostArray, rows: number, cols: number): void {
  checkDims(op, rows, cols);
  if (data.length !== rows * cols) {
    throw new LengthError(
      `${op}: ${name} has ${data.length} values but ${rows}x${cols} needs ${rows * cols}`,
    );
  }
}

/** Throws ShapeError for an empty batch, where a mean over examples has no value. */
export function checkNonEmptyBatch(op: string, rows: number): void {
  if (rows === 0)
    throw new ShapeError(`${op}: the batch is empty (rows=0); a mean over examples needs rows >= 1`);
}
