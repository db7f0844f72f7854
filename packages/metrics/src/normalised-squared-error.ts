import { checkMatrix, checkNonEmptyBatch, type HostArray } from './host-array.js';

/**
 * Normalised squared error as the paper defines it:
 * `NSE = Σ_t Σ_i (y*_ti - y_ti)² / Σ_t Σ_i (y*_ti - mean_t y*_ti)²`,
 * the batch's squared error divided by that of predicting, for every output unit,
 * the batch mean of its targets. 0 is perfect, 1 is no better than the mean.
 * Arrays are row-major rows × cols (one example per row); accumulates in float64.
 *
 * A batch of one example, or targets constant over the batch, has a zero denominator:
 * the result is then `Infinity` (or `NaN` when the prediction is also exact), so
 * evaluate NSE on a batch of several examples. Throws ShapeError for rows = 0.
 *
 * @example
 * normalisedSquaredError([2, 2], [1, 3], 2, 1); // predicting the mean → 1
 */
export function normalisedSquaredError(
  prediction: HostArray,
  target: HostArray,
  rows: number,
  cols: number,
): number {
  const op = 'normalisedSquaredError';
  checkMatrix(op, 'prediction', prediction, rows, cols);
  checkMatrix(op, 'target', target, rows, cols);
  checkNonEmptyBatch(op, rows);
  let error = 0;
  let spread = 0;
  for (let i = 0; i < cols; i++) {
    let targetSum = 0;
    for (let t = 0; t < rows; t++) targetSum += target[t * cols + i];
    const targetMean = targetSum / rows;
    for (let t = 0; t < rows; t++) {
      const k = t * cols + i;
      const e = target[k] - prediction[k];
      const d = target[k] - targetMean;
      error += e * e;
      spread += d * d;
    }
  }
  return error / spread;
}
