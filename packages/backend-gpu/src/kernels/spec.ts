/**
 * One gpu.js kernel: its cache key, its source (a JS function as a string, so no
 * bundler can rewrite it before gpu.js transpiles it) and compile-time constants.
 * Every kernel writes a flat, row-major output of `size` floats (thread.x = index).
 */
export interface KernelSpec {
  key: string;
  source: string;
  constants?: Record<string, number>;
}

/** Row and column of flat index x in a matrix of `cols` columns; +0.5 keeps floor exact on float GPUs. */
export const ROW_OF_X = 'const i = Math.floor((this.thread.x + 0.5) / this.constants.cols);';
export const COL_OF_X = 'const j = this.thread.x - i * this.constants.cols;';
