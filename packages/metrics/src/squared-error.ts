import { checkMatrix, checkNonEmptyBatch, type HostArray } from './host-array.js';

/**
 * Sum of squared errors over every example and unit: `Σ_t Σ_i (target_ti - prediction_ti)^2`.
 * Both arrays are row-major rows × cols (one example per row); accumulates in float64.
 *
 * @example
 * sumSquaredError([1, 2], [1, 4], 1, 2); // 4
 */
export function sumSquaredError(
  prediction: HostArray,
  target: HostArray,
  rows: number,
  cols: number,
): number {
  checkMatrix('sumSquaredError', 'prediction', prediction, rows, cols);
  checkMatrix('sumSquaredError', 'target', target, rows, cols);
  let sum = 0;
  for (let k = 0; k < rows * cols; k++) {
    const e = target[k] - prediction[k];
    sum += e * e;
  }
  return sum;
}

/**
 * The paper's squared-error loss, averaged over the batch: `L = (1/rows) Σ_t ½ Σ_i e_ti²`
 * with `e = target - prediction`. The ½ matches `L = ½ eᵀe`, whose gradient is `-e`;
 * the mean over examples matches a batch-mean update. Throws ShapeError for rows = 0.
 *
 * @example
 * meanSquaredErrorLoss([0, 0, 0, 0], [1, 1, 2, 0], 2, 2); // (½·2 + ½·4) / 2 = 1.5
 */
export function meanSquaredErrorLoss(
  prediction: HostArray,
  target: HostArray,
  rows: number,
  cols: number,
): number {
  checkNonEmptyBatch('meanSquaredErrorLoss', rows);
  return (0.5 * sumSquaredError(prediction, target, rows, cols)) / rows;
}
