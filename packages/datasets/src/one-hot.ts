import { LengthError, OptionError } from '@rfa/tensor';

/** Options of `oneHot`. */
export interface OneHotOptions {
  /**
   * Output units per class (default 1). With k > 1 the row has `classes × k` entries and
   * the k units of class c (`c·k .. c·k + k - 1`) are 1: the population code of the
   * spiking network, which uses 100 units per class.
   */
  unitsPerClass?: number;
  /** Write into this block (length `labels.length × classes × unitsPerClass`) instead of allocating. */
  into?: Float32Array;
}

/**
 * Target rows for class labels: one-hot, or population-coded with `unitsPerClass`.
 * @example
 * oneHot(new Uint8Array([2]), 3);                        // [0, 0, 1]
 * oneHot(new Uint8Array([1]), 2, { unitsPerClass: 2 });  // [0, 0, 1, 1]
 */
export function oneHot(
  labels: ArrayLike<number>,
  classes: number,
  options: OneHotOptions = {},
): Float32Array {
  const units = options.unitsPerClass ?? 1;
  if (!Number.isInteger(classes) || classes < 1)
    throw new OptionError(`oneHot: classes must be a positive integer, got ${classes}`);
  if (!Number.isInteger(units) || units < 1) {
    throw new OptionError(`oneHot: unitsPerClass must be a positive integer, got ${units}`);
  }
  const width = classes * units;
  const size = labels.length * width;
  const out = options.into ?? new Float32Array(size);
  if (out.length !== size) throw new LengthError(`oneHot: into has length ${out.length}, expected ${size}`);
  if (options.into) out.fill(0);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new OptionError(`oneHot: label ${label} at index ${i} is outside 0..${classes - 1}`);
    }
    out.fill(1, i * width + label * units, i * width + (label + 1) * units);
  }
  return out;
}
