import { OptionError, type Rng, type RngState } from '@rfa/tensor';
import type { Dataset } from './dataset.js';

/** What `Batcher.getState()` returns: plain JSON. */
export interface BatcherState {
  order: number[];
  rng: RngState | null;
}

/** Options of `Batcher` and `batches`. */
export interface BatchOptions {
  /** Examples per batch; 1 for online learning. */
  batchSize: number;
  /** Shuffles the order each epoch (required when `shuffle` is true). */
  rng?: Rng;
  /** Default true when an rng is given, else false (dataset order). */
  shuffle?: boolean;
  /** Skip the last, smaller batch of an epoch (default false). */
  dropLast?: boolean;
}

/**
 * One batch. Its arrays are buffers owned by the `Batcher` and refilled for the next
 * batch: a batch is valid until the iterator advances; copy what you need to keep.
 * `inputs` is `size × inputSize`, `targets` `size × targetSize`, `indices` the rows of the
 * dataset it holds, `labels` present when the dataset has labels.
 */
export interface Batch {
  inputs: Float32Array;
  targets: Float32Array;
  labels?: Uint8Array;
  indices: Uint32Array;
  size: number;
}

/**
 * Seeded batching over a `Dataset`. Each epoch shuffles an index order with the `Rng`
 * (integer-only arithmetic, so Node and every browser give the same order) and copies
 * each batch's rows into reused buffers: no copy of the set per epoch, no allocation per batch.
 * @example
 * const batcher = new Batcher(mnist.train, { batchSize: 8, rng: new Rng(1) });
 * for (let epoch = 0; epoch < 20; epoch++) for (const batch of batcher.epoch()) step(batch.inputs, batch.targets);
 */
export class Batcher {
  readonly dataset: Dataset;
  readonly batchSize: number;
  /** Batches in one epoch. */
  readonly batchesPerEpoch: number;
  private readonly order: Uint32Array;
  private readonly rng?: Rng;
  private readonly shuffle: boolean;
  private readonly dropLast: boolean;
  private readonly full: Batch;
  private readonly tail: Batch;

  constructor(dataset: Dataset, options: BatchOptions) {
    const { batchSize } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new OptionError(`Batcher: batchSize must be a positive integer, got ${batchSize}`);
    }
    this.shuffle = options.shuffle ?? options.rng !== undefined;
    if (this.shuffle && !options.rng) throw new OptionError('Batcher: shuffle needs an rng (new Rng(seed))');
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.rng = options.rng;
    this.dropLast = options.dropLast ?? false;
    this.order = new Uint32Array(dataset.count).map((_, i) => i);
    const rest = dataset.count % batchSize;
    this.batchesPerEpoch = Math.floor(dataset.count / batchSize) + (rest > 0 && !this.dropLast ? 1 : 0);
    this.full = this.buffers(batchSize);
    this.tail = rest > 0 ? this.view(this.full, rest) : this.full;
  }

  private buffers(size: number): Batch {
    const { inputSize, targetSize, labels } = this.dataset;
    const batch: Batch = {
      inputs: new Float32Array(size * inputSize),
      targets: new Float32Array(size * targetSize),
      indices: new Uint32Array(size),
      size,
    };
    if (labels) batch.labels = new Uint8Array(size);
    return batch;
  }

  // The last, smaller batch: views over the front of the full buffers.
  private view(full: Batch, size: number): Batch {
    const { inputSize, targetSize } = this.dataset;
    const batch: Batch = {
      inputs: full.inputs.subarray(0, size * inputSize),
      targets: full.targets.subarray(0, size * targetSize),
      indices: full.indices.subarray(0, size),
      size,
    };
    if (full.labels) batch.labels = full.labels.subarray(0, size);
    return batch;
  }

  /**
   * The state between epochs — the current order (each shuffle starts from it) and the
   * rng's state — so a checkpointed run resumes with exactly the same batches.
   */
  getState(): BatcherState {
    return { order: Array.from(this.order), rng: this.rng ? this.rng.getState() : null };
  }

  /** Restores `getState()`'s result; the dataset must have the same number of rows. */
  setState(state: BatcherState): void {
    if (!Array.isArray(state?.order) || state.order.length !== this.order.length) {
      throw new OptionError(
        `Batcher.setState: order must list ${this.order.length} rows, got ${state?.order?.length}`,
      );
    }
    this.order.set(state.order);
    if (state.rng && this.rng) this.rng.setState(state.rng);
  }

  /** Iterates over one epoch; with shuffling, each call draws a new order from the rng. */
  *epoch(): Generator<Batch, void, undefined> {
    const { order, batchSize } = this;
    if (this.shuffle && this.rng) this.rng.shuffle(order);
    for (let b = 0; b < this.batchesPerEpoch; b++) {
      const start = b * batchSize;
      const batch = start + batchSize <= order.length ? this.full : this.tail;
      this.fill(batch, start);
      yield batch;
    }
  }

  // Plain loops rather than set(subarray(...)): no view objects allocated per row.
  private fill(batch: Batch, start: number): void {
    const { inputs, targets, labels, inputSize, targetSize } = this.dataset;
    for (let r = 0; r < batch.size; r++) {
      const row = this.order[start + r];
      batch.indices[r] = row;
      copyRow(batch.inputs, r * inputSize, inputs, row * inputSize, inputSize);
      copyRow(batch.targets, r * targetSize, targets, row * targetSize, targetSize);
      if (labels && batch.labels) batch.labels[r] = labels[row];
    }
  }
}

function copyRow(
  to: Float32Array,
  toStart: number,
  from: Float32Array,
  fromStart: number,
  width: number,
): void {
  for (let k = 0; k < width; k++) to[toStart + k] = from[fromStart + k];
}

/**
 * One epoch of batches: shorthand for `new Batcher(dataset, options).epoch()`.
 * @example
 * for (const { inputs, targets, size } of batches(train, { batchSize: 1, rng })) learn(inputs, targets);
 */
export function batches(dataset: Dataset, options: BatchOptions): Generator<Batch, void, undefined> {
  return new Batcher(dataset, options).epoch();
}
