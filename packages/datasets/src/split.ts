import { OptionError, type Rng } from '@rfa/tensor';
import { createDataset, type Dataset, sliceDataset } from './dataset.js';
import { permuteRowsInPlace } from './permute-rows.js';

/** Options of `splitValidation`: give `size` (examples) or `fraction` (of the set). */
export interface SplitOptions {
  size?: number;
  fraction?: number;
  /** Without an rng the last `size` examples form the validation set; with one, a random subset. */
  rng?: Rng;
  /**
   * With an rng: shuffle the rows of `dataset` itself and return views (no copy; the input
   * is reordered). Default false: the two sets are a one-off copy and the input is untouched.
   */
  inPlace?: boolean;
}

/** The two halves of a split. */
export interface Split {
  train: Dataset;
  validation: Dataset;
}

function validationSize(count: number, options: SplitOptions): number {
  if ((options.size === undefined) === (options.fraction === undefined)) {
    throw new OptionError('splitValidation: give exactly one of size and fraction');
  }
  if (options.fraction !== undefined && !(options.fraction > 0 && options.fraction < 1)) {
    throw new OptionError(`splitValidation: fraction must lie in (0, 1), got ${options.fraction}`);
  }
  const size = options.size ?? Math.round((options.fraction as number) * count);
  if (!Number.isInteger(size) || size < 1 || size >= count) {
    throw new OptionError(
      `splitValidation: validation size must be an integer in [1, ${count - 1}], got ${size}`,
    );
  }
  return size;
}

function copyRows(dataset: Dataset, order: Uint32Array): Dataset {
  const { inputSize, targetSize } = dataset;
  const inputs = new Float32Array(order.length * inputSize);
  const targets = new Float32Array(order.length * targetSize);
  const labels = dataset.labels ? new Uint8Array(order.length) : undefined;
  order.forEach((row, r) => {
    inputs.set(dataset.inputs.subarray(row * inputSize, (row + 1) * inputSize), r * inputSize);
    targets.set(dataset.targets.subarray(row * targetSize, (row + 1) * targetSize), r * targetSize);
    if (labels && dataset.labels) labels[r] = dataset.labels[row];
  });
  return createDataset({ inputs, targets, labels, inputSize, targetSize });
}

/**
 * Carves a validation set out of a training set.
 * - no `rng`: train = the first `count - size` rows, validation = the last `size`; both are
 *   views (`subarray`) of the input, no copy.
 * - `rng`: a random subset chosen by `rng.shuffle` (the same in Node and the browser);
 *   a one-off copy, or with `inPlace: true` the input's rows are reordered and views returned.
 * @example
 * const { train, validation } = splitValidation(mnist.train, { size: 10_000, rng: new Rng(1) });
 */
export function splitValidation(dataset: Dataset, options: SplitOptions): Split {
  const size = validationSize(dataset.count, options);
  const keep = dataset.count - size;
  if (options.rng) {
    const order = new Uint32Array(dataset.count).map((_, i) => i);
    options.rng.shuffle(order);
    if (!options.inPlace) {
      return {
        train: copyRows(dataset, order.subarray(0, keep)),
        validation: copyRows(dataset, order.subarray(keep)),
      };
    }
    const blocks: { data: Float32Array | Uint8Array; width: number }[] = [
      { data: dataset.inputs, width: dataset.inputSize },
      { data: dataset.targets, width: dataset.targetSize },
    ];
    if (dataset.labels) blocks.push({ data: dataset.labels, width: 1 });
    permuteRowsInPlace(blocks, order);
  }
  return { train: sliceDataset(dataset, 0, keep), validation: sliceDataset(dataset, keep, size) };
}
