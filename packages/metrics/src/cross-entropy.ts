import { ShapeError } from '@rfa/tensor';
import { checkMatrix, checkNonEmptyBatch, type HostArray } from './host-array.js';
import { checkLabels } from './labels.js';

/**
 * Softmax cross-entropy from raw logits (not probabilities), in nats, averaged over
 * the batch: `(1/rows) Σ_t [log Σ_i exp(z_ti) - z_t,label_t]`. Uses the max-shifted
 * log-sum-exp, so large logits do not overflow. `logits` is row-major rows × cols;
 * `labels` holds one class index per row.
 * Throws ShapeError for rows = 0 or cols = 0, OptionError for a label out of range.
 *
 * @example
 * softmaxCrossEntropyFromLogits([0, 0], [1], 1, 2); // log 2 ≈ 0.6931
 */
export function softmaxCrossEntropyFromLogits(
  logits: HostArray,
  labels: HostArray,
  rows: number,
  cols: number,
): number {
  const op = 'softmaxCrossEntropyFromLogits';
  checkMatrix(op, 'logits', logits, rows, cols);
  checkNonEmptyBatch(op, rows);
  if (cols === 0) throw new ShapeError(`${op}: logits has no classes (cols=0)`);
  checkLabels(op, labels, rows, cols);
  let total = 0;
  for (let t = 0; t < rows; t++) {
    const offset = t * cols;
    let max = -Infinity;
    for (let i = 0; i < cols; i++) max = Math.max(max, logits[offset + i]);
    let sumExp = 0;
    for (let i = 0; i < cols; i++) sumExp += Math.exp(logits[offset + i] - max);
    total += max + Math.log(sumExp) - logits[offset + labels[t]];
  }
  return total / rows;
}
