import { DatasetError } from './errors.js';
import { asBytes } from './gzip.js';
import { IDX_LABELS_MAGIC, readIdxHeader } from './idx.js';

/** Options of `parseIdxLabels`. */
export interface ParseLabelsOptions {
  /** Labels must lie in `0 .. classes-1` (default 10). */
  classes?: number;
  /** Refuse a file whose item count differs (for instance the count of its image file). */
  expectedCount?: number;
}

/**
 * Parses an IDX1 label file (magic 0x00000801) into a Uint8Array, checking the header,
 * the length and that every label is below `classes`.
 * @example
 * const labels = parseIdxLabels(bytes, 'train-labels-idx1-ubyte'); // Uint8Array(60000)
 */
export function parseIdxLabels(
  data: ArrayBuffer | ArrayBufferView,
  file: string,
  options: ParseLabelsOptions = {},
): Uint8Array {
  const classes = options.classes ?? 10;
  const bytes = asBytes(data);
  const { dims, dataOffset } = readIdxHeader(bytes, file, IDX_LABELS_MAGIC);
  const count = dims[0];
  if (options.expectedCount !== undefined && count !== options.expectedCount) {
    throw new DatasetError(file, `holds ${count} labels, expected ${options.expectedCount}`);
  }
  // A copy, not a view: the file's bytes can then be collected (and a Node Buffer's
  // slice() would be a view).
  const labels = new Uint8Array(count);
  labels.set(bytes.subarray(dataOffset, dataOffset + count));
  for (let i = 0; i < count; i++) {
    if (labels[i] >= classes) {
      throw new DatasetError(file, `label ${labels[i]} at item ${i} is outside 0..${classes - 1}`);
    }
  }
  return labels;
}
