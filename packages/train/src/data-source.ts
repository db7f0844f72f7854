import { OptionError } from '@rfa/tensor';

/** One batch of rows: `size × inputs` and `size × outputs` values, row-major. */
export interface BatchLike {
  inputs: Float32Array;
  targets: Float32Array;
  size: number;
}

/** An endless stream, such as a synthetic task of `@rfa/datasets` (`task.sample(n, into)`). */
export interface SampleStream {
  sample(
    batchSize: number,
    into?: { inputs: Float32Array; targets: Float32Array },
  ): { inputs: Float32Array; targets: Float32Array };
  readonly inputSize: number;
  readonly outputSize: number;
}

/** A finite set walked in epochs, such as a `Batcher` of `@rfa/datasets`. */
export interface EpochSource {
  readonly batchSize: number;
  epoch(): Iterable<BatchLike>;
}

/** What `train` learns from. */
export type TrainData = SampleStream | EpochSource;

/** A batch, or the end of an epoch. */
export type LoopItem = { batch: BatchLike } | { epochEnd: true };

export function isEpochSource(data: TrainData): data is EpochSource {
  return typeof (data as EpochSource).epoch === 'function';
}

/**
 * The batches of a run as one sequence. A stream is endless and fills two reused
 * buffers; an epoch source yields its epochs one after another, each followed by a
 * marker. `wantMore` is asked before each draw from a stream and before each new
 * epoch (whose shuffle draws from an rng), so stopping never advances a generator;
 * within an epoch one batch past the stop may be copied out, which draws nothing.
 */
export function* loopItems(
  data: TrainData,
  batchSize: number,
  epochs: number,
  wantMore: () => boolean,
): Generator<LoopItem, void, undefined> {
  if (isEpochSource(data)) {
    for (let e = 0; e < epochs && wantMore(); e++) {
      for (const batch of data.epoch()) yield { batch };
      yield { epochEnd: true };
    }
    return;
  }
  if (typeof data.sample !== 'function')
    throw new OptionError('train: data must have sample(batchSize) or epoch()');
  const into = {
    inputs: new Float32Array(batchSize * data.inputSize),
    targets: new Float32Array(batchSize * data.outputSize),
  };
  const batch: BatchLike = { inputs: into.inputs, targets: into.targets, size: batchSize };
  while (wantMore()) {
    data.sample(batchSize, into);
    yield { batch };
  }
}
