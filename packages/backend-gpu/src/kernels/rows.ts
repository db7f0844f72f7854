import { COL_OF_X, type KernelSpec, ROW_OF_X } from './spec.js';

/** out[i, j] = a[i, j] + row[j] */
export const addRowVector = (cols: number): KernelSpec => ({
  key: `addRowVector:${cols}`,
  source: `function (a, row) { ${ROW_OF_X} ${COL_OF_X} return a[this.thread.x] + row[j]; }`,
  constants: { cols },
});

/** axis 0: out[j] = Σ_i a[i, j]; axis 1: out[i] = Σ_j a[i, j]. Float32 accumulation on the device. */
export const sum = (rows: number, cols: number, axis: 0 | 1): KernelSpec => ({
  key: `sum:${rows}x${cols}:${axis}`,
  source:
    axis === 0
      ? `function (a) { let s = 0.0; for (let r = 0; r < this.constants.rows; r++) { s += a[r * this.constants.cols + this.thread.x]; } return s; }`
      : `function (a) { let s = 0.0; const base = this.thread.x * this.constants.cols; for (let c = 0; c < this.constants.cols; c++) { s += a[base + c]; } return s; }`,
  constants: { rows, cols },
});

/** out[i] = first index of the row maximum. */
export const argmaxRows = (cols: number): KernelSpec => ({
  key: `argmaxRows:${cols}`,
  source: `function (a) {
    const base = this.thread.x * this.constants.cols;
    let best = a[base];
    let index = 0.0;
    for (let c = 1; c < this.constants.cols; c++) {
      const v = a[base + c];
      if (v > best) { best = v; index = c * 1.0; }
    }
    return index;
  }`,
  constants: { cols },
});
