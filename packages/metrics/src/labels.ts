import { LengthError, OptionError } from '@rfa/tensor';
import type { HostArray } from './host-array.js';

/** Throws unless `labels` holds `rows` integer class indices in [0, cols). */
export function checkLabels(op: string, labels: HostArray, rows: number, cols: number): void {
  if (labels.length !== rows) {
    throw new LengthError(`${op}: labels has ${labels.length} entries but the batch has ${rows} rows`);
  }
  for (let t = 0; t < rows; t++) {
    const label = labels[t];
    if (!Number.isInteger(label) || label < 0 || label >= cols) {
      throw new OptionError(`${op}: labels[${t}] = ${label} is not a class index in [0, ${cols})`);
    }
  }
}

/**
 * Index of the largest of `cols` values starting at `offset`; the first one wins a tie.
 * NaN never wins against a number (comparisons with NaN are false), unless it comes first.
 */
export function argmaxRow(scores: HostArray, offset: number, cols: number): number {
  let best = 0;
  let bestValue = scores[offset];
  for (let i = 1; i < cols; i++) {
    const v = scores[offset + i];
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}
