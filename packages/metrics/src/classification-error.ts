import { ShapeError } from '@rfa/tensor';
import { checkMatrix, checkNonEmptyBatch, type HostArray } from './host-array.js';
import { argmaxRow, checkLabels } from './labels.js';

/**
 * Fraction of examples whose highest score is not the true class. `scores` is
 * row-major rows × cols (one example per row, one column per class: outputs,
 * logits or probabilities alike); `labels` holds one class index per row
 * (Uint8Array, number[], ...). Ties go to the first class, as in argmax.
 * Throws ShapeError for rows = 0 or cols = 0, OptionError for a label out of range.
 *
 * @example
 * classificationError([0.9, 0.1, 0.2, 0.8], [0, 0], 2, 2); // 0.5
 */
export function classificationError(
  scores: HostArray,
  labels: HostArray,
  rows: number,
  cols: number,
): number {
  const op = 'classificationError';
  checkMatrix(op, 'scores', scores, rows, cols);
  checkNonEmptyBatch(op, rows);
  if (cols === 0) throw new ShapeError(`${op}: scores has no classes (cols=0)`);
  checkLabels(op, labels, rows, cols);
  let wrong = 0;
  for (let t = 0; t < rows; t++) {
    if (argmaxRow(scores, t * cols, cols) !== labels[t]) wrong++;
  }
  return wrong / rows;
}
