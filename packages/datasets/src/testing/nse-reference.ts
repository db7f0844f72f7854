// Float64 reference of the paper's NSE, for tests only (@rfa/metrics owns the public one):
// sum_t sum_i (y*_ti - y_ti)^2 / sum_t sum_i (y*_ti - mean_t y*_ti)^2.

/** Per-unit mean of `count` rows of `size` values, in float64. */
export function columnMeans(rows: ArrayLike<number>, count: number, size: number): Float64Array {
  const mean = new Float64Array(size);
  for (let t = 0; t < count; t++) for (let i = 0; i < size; i++) mean[i] += rows[t * size + i];
  for (let i = 0; i < size; i++) mean[i] /= count;
  return mean;
}

/** NSE of `predict(t, i)` against `target`, in float64. */
export function nseReference(
  target: ArrayLike<number>,
  count: number,
  size: number,
  predict: (t: number, i: number) => number,
): number {
  const mean = columnMeans(target, count, size);
  let error = 0;
  let spread = 0;
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < size; i++) {
      const y = target[t * size + i];
      error += (y - predict(t, i)) ** 2;
      spread += (y - mean[i]) ** 2;
    }
  }
  return error / spread;
}
