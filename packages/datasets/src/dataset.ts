import { LengthError, OptionError } from '@rfa/tensor';

/**
 * A host-side data set: row-major float32 blocks, one row per example.
 * - `inputs`: `count × inputSize` values (MNIST: pixels in [0, 1]).
 * - `targets`: `count × targetSize` values (MNIST: one-hot or population-coded rows).
 * - `labels`: class index per example, for classification sets only.
 */
export interface Dataset {
  readonly inputs: Float32Array;
  readonly targets: Float32Array;
  readonly labels?: Uint8Array;
  readonly count: number;
  readonly inputSize: number;
  readonly targetSize: number;
}

/** What `createDataset` takes: the blocks and row widths; `count` is derived. */
export interface DatasetParts {
  inputs: Float32Array;
  targets: Float32Array;
  labels?: Uint8Array;
  inputSize: number;
  targetSize: number;
}

/**
 * Wraps blocks as a `Dataset` after checking that their lengths agree.
 * @example
 * const d = createDataset({ inputs: new Float32Array(6), targets: new Float32Array(2), inputSize: 3, targetSize: 1 });
 * d.count; // 2
 */
export function createDataset(parts: DatasetParts): Dataset {
  const { inputs, targets, labels, inputSize, targetSize } = parts;
  for (const [name, size] of [
    ['inputSize', inputSize],
    ['targetSize', targetSize],
  ] as const) {
    if (!Number.isInteger(size) || size < 1)
      throw new OptionError(`createDataset: ${name} must be a positive integer, got ${size}`);
  }
  if (inputs.length % inputSize !== 0) {
    throw new LengthError(
      `createDataset: inputs length ${inputs.length} is not a multiple of inputSize ${inputSize}`,
    );
  }
  const count = inputs.length / inputSize;
  if (targets.length !== count * targetSize) {
    throw new LengthError(
      `createDataset: targets length ${targets.length} != count ${count} × targetSize ${targetSize}`,
    );
  }
  if (labels && labels.length !== count) {
    throw new LengthError(`createDataset: labels length ${labels.length} != count ${count}`);
  }
  return labels
    ? { inputs, targets, labels, count, inputSize, targetSize }
    : { inputs, targets, count, inputSize, targetSize };
}

/**
 * Rows `[start, start + count)` of a data set as views (`subarray`): no copy, and writes
 * show through to the parent.
 * @example
 * const firstHundred = sliceDataset(mnist.train, 0, 100);
 */
export function sliceDataset(dataset: Dataset, start: number, count: number): Dataset {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(count) ||
    start < 0 ||
    count < 0 ||
    start + count > dataset.count
  ) {
    throw new OptionError(
      `sliceDataset: rows [${start}, ${start + count}) are outside [0, ${dataset.count})`,
    );
  }
  const { inputSize, targetSize, labels } = dataset;
  return createDataset({
    inputs: dataset.inputs.subarray(start * inputSize, (start + count) * inputSize),
    targets: dataset.targets.subarray(start * targetSize, (start + count) * targetSize),
    labels: labels?.subarray(start, start + count),
    inputSize,
    targetSize,
  });
}
