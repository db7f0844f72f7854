import { LengthError, OptionError, type Rng } from '@rfa/tensor';
import type { SpikingNetwork } from './spiking-network.js';

/** What the loops need of a data set (`@rfa/datasets`' `Dataset` fits). */
export interface LabelledSet {
  /** count × inputSize values, row-major. */
  readonly inputs: Float32Array;
  readonly labels?: Uint8Array;
  readonly count: number;
  readonly inputSize: number;
}

function check(op: string, net: SpikingNetwork, set: LabelledSet): Uint8Array {
  if (set.inputSize !== net.inputSize) {
    throw new LengthError(
      `${op}: data set rows have ${set.inputSize} values, the network takes ${net.inputSize}`,
    );
  }
  if (set.inputs.length < set.count * set.inputSize) {
    throw new LengthError(
      `${op}: inputs hold ${set.inputs.length} values, count·inputSize needs ${set.count * set.inputSize}`,
    );
  }
  if (!set.labels || set.labels.length < set.count) {
    throw new OptionError(`${op}: data set needs labels, one per example (${set.count})`);
  }
  return set.labels;
}

/**
 * Fills `rows` batch slots with examples `order[start..]`; slots past the end
 * repeat the last example (their guesses are ignored; in training it is seen again).
 */
function gather(set: LabelledSet, order: ArrayLike<number>, start: number, x: Float32Array, y: Uint8Array) {
  const rows = y.length;
  const n = set.inputSize;
  for (let r = 0; r < rows; r++) {
    const e = order[Math.min(start + r, order.length - 1)];
    x.set(set.inputs.subarray(e * n, (e + 1) * n), r * n);
    y[r] = (set.labels as Uint8Array)[e];
  }
}

/** Hooks and choices of `evaluate`. */
export interface EvaluateOptions {
  /** Awaited after each batch with the examples scored so far (progress, abort: throw to stop). */
  onBatch?: (scored: number, total: number) => void | Promise<void>;
}

/**
 * Test error: the fraction of `set` (or its first `limit` examples) that
 * `predict` misclassifies, `parallel` examples at a time.
 * @example
 * const error = await evaluate(net, mnist.test); // 0.068 = 6.8 %
 */
export async function evaluate(
  net: SpikingNetwork,
  set: LabelledSet,
  limit = set.count,
  options: EvaluateOptions = {},
): Promise<number> {
  const labels = check('evaluate', net, set);
  const count = Math.min(limit, set.count);
  if (count === 0) throw new OptionError('evaluate: no examples to evaluate');
  const P = net.options.parallel;
  const x = new Float32Array(P * set.inputSize);
  const y = new Uint8Array(P);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  let wrong = 0;
  for (let start = 0; start < count; start += P) {
    gather(set, order, start, x, y);
    const guess = await net.predict(x);
    for (let r = 0; r < P && start + r < count; r++) if (guess[r] !== labels[start + r]) wrong++;
    await options.onBatch?.(Math.min(start + P, count), count);
  }
  return wrong / count;
}

/** Choices of `trainEpoch` and `trainEpochAsync`. */
export interface EpochOptions {
  /** Draws the order of the examples (all of them, then the first `limit` are used). */
  shuffle?: Rng;
  /** Train on at most this many examples. */
  limit?: number;
  /** The examples to train on, in this order (indices into `set`); overrides `shuffle` and `limit`. */
  order?: ArrayLike<number>;
}

function epochOrder(op: string, set: LabelledSet, opts: EpochOptions): ArrayLike<number> {
  if (opts.order) {
    for (let i = 0; i < opts.order.length; i++) {
      const e = opts.order[i];
      if (!Number.isInteger(e) || e < 0 || e >= set.count)
        throw new LengthError(`${op}: order[${i}] = ${e} is not an example index in 0..${set.count - 1}`);
    }
    return opts.order;
  }
  const count = Math.min(opts.limit ?? set.count, set.count);
  const all = Uint32Array.from({ length: set.count }, (_, i) => i);
  opts.shuffle?.shuffle(all);
  return all.subarray(0, count);
}

/** Trains batch after batch from batch `first` on, yielding the number of batches done after each. */
function* trainBatches(
  net: SpikingNetwork,
  set: LabelledSet,
  order: ArrayLike<number>,
  first: number,
): Generator<number, void, undefined> {
  const P = net.options.parallel;
  const x = new Float32Array(P * set.inputSize);
  const y = new Uint8Array(P);
  for (let b = first; b * P < order.length; b++) {
    gather(set, order, b * P, x, y);
    net.trainExample(x, y);
    yield b + 1;
  }
}

/**
 * One pass of online training over `set`, `parallel` examples at a time, each
 * shown for `stepsPerExample` steps. With `shuffle`, the order is drawn from it.
 * @example
 * trainEpoch(net, mnist.train, { shuffle: new Rng(3) });
 */
export function trainEpoch(net: SpikingNetwork, set: LabelledSet, opts: EpochOptions = {}): void {
  check('trainEpoch', net, set);
  for (const _ of trainBatches(net, set, epochOrder('trainEpoch', set, opts), 0));
}

/** Choices of `trainEpochAsync`: those of `trainEpoch`, where to start, and a hook after each batch. */
export interface AsyncEpochOptions extends EpochOptions {
  /** Skip the batches before this one (to resume an epoch from a checkpoint). Default 0. */
  startBatch?: number;
  /**
   * Awaited after each batch with the batches done so far and the epoch's total: progress,
   * evaluation, checkpoints, yielding to the event loop; throw to stop.
   */
  onBatch?: (done: number, total: number) => void | Promise<void>;
}

/**
 * `trainEpoch` for long runs: awaits `onBatch` after every batch, so a caller can
 * report progress, evaluate mid-epoch, save checkpoints and stop; it can also start
 * mid-epoch. The same order and seed train exactly as `trainEpoch` does.
 * @example
 * await trainEpochAsync(net, mnist.train, { shuffle: new Rng(3), onBatch: (done, total) => bar.update(done / total) });
 */
export async function trainEpochAsync(
  net: SpikingNetwork,
  set: LabelledSet,
  opts: AsyncEpochOptions = {},
): Promise<void> {
  check('trainEpochAsync', net, set);
  const order = epochOrder('trainEpochAsync', set, opts);
  const total = Math.ceil(order.length / net.options.parallel);
  const first = opts.startBatch ?? 0;
  if (!Number.isInteger(first) || first < 0 || first > total)
    throw new OptionError(`trainEpochAsync: startBatch must be an integer in 0..${total}, got ${first}`);
  for (const done of trainBatches(net, set, order, first)) await opts.onBatch?.(done, total);
}
