import { oneHot } from '@rfa/datasets';
import type { LabelledSet } from '@rfa/spiking';
import { LengthError, OptionError } from '@rfa/tensor';

/** One batch, in buffers the iterator reuses: copy what you keep. */
export interface PopulationBatch {
  /** [rows, inputSize] pixels, row-major. */
  inputs: Float32Array;
  labels: Uint8Array;
  /** [rows, classes · unitsPerClass]: 1 on the units of each row's class. */
  targets: Float32Array;
}

/**
 * Batches of `rows` examples in `order`, with population-coded targets built
 * per batch from the labels (60k × 1000 float targets would take 240 MB). The
 * last partial batch repeats its last example, as the spiking package's loops do.
 * @example
 * for (const b of populationBatches(mnist.train, order, 10, 10, 100)) net.trainExample(b.inputs, targetTensor);
 */
export function* populationBatches(
  set: LabelledSet,
  order: ArrayLike<number>,
  rows: number,
  classes: number,
  unitsPerClass: number,
): Generator<PopulationBatch> {
  const labels = set.labels;
  if (!labels || labels.length < set.count)
    throw new OptionError(`populationBatches: the set needs ${set.count} labels`);
  if (!Number.isInteger(rows) || rows < 1)
    throw new OptionError(`populationBatches: rows must be a positive integer, got ${rows}`);
  const n = set.inputSize;
  const batch: PopulationBatch = {
    inputs: new Float32Array(rows * n),
    labels: new Uint8Array(rows),
    targets: new Float32Array(rows * classes * unitsPerClass),
  };
  for (let start = 0; start < order.length; start += rows) {
    for (let r = 0; r < rows; r++) {
      const e = order[Math.min(start + r, order.length - 1)];
      if (!Number.isInteger(e) || e < 0 || e >= set.count) {
        throw new LengthError(`populationBatches: example index ${e} is outside 0..${set.count - 1}`);
      }
      batch.inputs.set(set.inputs.subarray(e * n, (e + 1) * n), r * n);
      batch.labels[r] = labels[e];
    }
    oneHot(batch.labels, classes, { unitsPerClass, into: batch.targets });
    yield batch;
  }
}
