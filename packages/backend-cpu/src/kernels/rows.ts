/** out[i, j] = a[i, j] + row[j] */
export function addRowVector(
  out: Float32Array,
  a: Float32Array,
  row: Float32Array,
  rows: number,
  cols: number,
): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[o + j] = a[o + j] + row[j];
  }
}

/** axis 0: column sums (out length cols); axis 1: row sums (out length rows). Accumulates in float64. */
export function sum(
  out: Float32Array,
  a: Float32Array,
  rows: number,
  cols: number,
  axis: 0 | 1,
  scratch: Float64Array,
): void {
  if (axis === 1) {
    for (let i = 0; i < rows; i++) {
      let s = 0;
      const o = i * cols;
      for (let j = 0; j < cols; j++) s += a[o + j];
      out[i] = s;
    }
    return;
  }
  scratch.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) scratch[j] += a[o + j];
  }
  for (let j = 0; j < cols; j++) out[j] = scratch[j];
}

export function argmaxRows(out: Float32Array, a: Float32Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let best = 0;
    let bestValue = a[o];
    for (let j = 1; j < cols; j++) {
      if (a[o + j] > bestValue) {
        bestValue = a[o + j];
        best = j;
      }
    }
    out[i] = best;
  }
}
