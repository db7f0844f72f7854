import type { Trainer } from '@rfa/learning-rules';
import { OptionError } from '@rfa/tensor';
import { isEpochSource, type TrainData } from './data-source.js';
import type { DivergenceOptions, DivergenceReport } from './divergence.js';
import type { EventSinks } from './events.js';

/** Options of `train`. */
export interface TrainOptions extends EventSinks {
  trainer: Trainer;
  /** A stream (`sample(n)`, needs `steps`) or an epoch source such as a `Batcher` (`epochs`). */
  data: TrainData;
  /** Passes over an epoch source (default 1). */
  epochs?: number;
  /** Steps to run in this call: required for a stream, a cap for an epoch source. */
  steps?: number;
  /** Rows per step from a stream; for an epoch source it must match its batchSize if given. */
  batchSize?: number;
  /** Evaluate (and snapshot good weights) whenever the trainer's step count is a multiple of this (default 100). */
  evaluateEvery?: number;
  /**
   * Evaluate when this says so for the trainer's step count, instead of every `evaluateEvery`
   * steps (e.g. densely early, sparsely later).
   */
  evaluateAt?: (step: number) => boolean;
  /** Called before each step (e.g. to freeze layers on a schedule); `trainer.steps` is the count so far. */
  beforeStep?: (trainer: Trainer) => void;
  /** Called after each step and awaited, before any evaluation of that step (e.g. to measure signal angles). */
  afterStep?: (trainer: Trainer) => void | Promise<void>;
  /** The learning rate of each epoch of an epoch source (0 = this call's first), set before its first step. */
  learningRateSchedule?: (epoch: number) => number;
  /** Held-out metrics, e.g. `{ nse }`; called at the start, every `evaluateEvery` steps and at the end. */
  evaluate?: (trainer: Trainer) => Promise<Record<string, number>> | Record<string, number>;
  /** Awaited after an evaluation that passed the divergence watch, its good weights kept (e.g. to save a checkpoint). */
  afterEvaluation?: (trainer: Trainer, metrics: Record<string, number>) => void | Promise<void>;
  /** Also evaluate before the first step (default true). */
  evaluateAtStart?: boolean;
  /** Stops the loop between steps; the result keeps the history so far. */
  signal?: AbortSignal;
  /** Divergence watch (default on, `{ lossFactor: 1e3, checkLossEvery: 10 }`); false turns it off. */
  divergence?: DivergenceOptions | false;
  /** Steps between 'step' events (default 1). */
  progressEvery?: number;
  /** Longest stretch of synchronous work, in ms, before the loop yields to the event loop (default 20). */
  yieldMs?: number;
  /** Milliseconds clock (default `performance.now`). */
  clock?: () => number;
}

/** One row of the history: where the run was and what the evaluation measured. */
export type HistoryEntry = { step: number; epoch: number; examples: number } & Record<string, number>;

/** What `train` returns, also when it was stopped. */
export interface TrainResult {
  history: HistoryEntry[];
  stoppedBy: 'done' | 'aborted' | 'diverged';
  /** Steps run in this call. */
  steps: number;
  /** The trainer's step count at the end (after a divergence: the restored step). */
  step: number;
  epochs: number;
  examples: number;
  elapsedMs: number;
  divergence?: DivergenceReport;
}

/** The options with defaults filled in, after checks. */
export interface ResolvedOptions {
  batchSize: number;
  epochs: number;
  steps: number;
  evaluateEvery: number;
  progressEvery: number;
  yieldMs: number;
  lossFactor: number;
  floor: number;
  checkLossEvery: number;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!(Number.isInteger(v) && v >= 1) && v !== Number.POSITIVE_INFINITY) {
    throw new OptionError(`train: ${name} must be a positive integer, got ${value}`);
  }
  return v;
}

export function resolveOptions(o: TrainOptions): ResolvedOptions {
  if (!o.trainer) throw new OptionError('train: trainer is required');
  if (!o.data) throw new OptionError('train: data is required');
  const epochSource = isEpochSource(o.data);
  if (!epochSource && o.steps === undefined)
    throw new OptionError('train: a stream needs steps (it has no epochs)');
  if (
    epochSource &&
    o.batchSize !== undefined &&
    o.batchSize !== (o.data as { batchSize: number }).batchSize
  ) {
    throw new OptionError(
      `train: batchSize ${o.batchSize} differs from the epoch source's batchSize ${(o.data as { batchSize: number }).batchSize}`,
    );
  }
  const batchSize = epochSource
    ? (o.data as { batchSize: number }).batchSize
    : positiveInteger('batchSize', o.batchSize, Number.NaN);
  const div = o.divergence === false ? null : (o.divergence ?? {});
  const lossFactor = div?.lossFactor ?? 1e3;
  if (!(lossFactor > 1)) throw new OptionError(`train: divergence.lossFactor must be > 1, got ${lossFactor}`);
  const floor = div?.floor ?? 1e-6;
  if (!(floor >= 0)) throw new OptionError(`train: divergence.floor must be ≥ 0, got ${floor}`);
  const checkLossEvery = div ? (div.checkLossEvery ?? 10) : 0;
  if (!(Number.isInteger(checkLossEvery) && checkLossEvery >= 0)) {
    throw new OptionError(
      `train: divergence.checkLossEvery must be a non-negative integer, got ${checkLossEvery}`,
    );
  }
  const yieldMs = o.yieldMs ?? 20;
  if (!(yieldMs >= 0)) throw new OptionError(`train: yieldMs must be ≥ 0, got ${yieldMs}`);
  return {
    batchSize,
    epochs: epochSource ? positiveInteger('epochs', o.epochs, 1) : Number.POSITIVE_INFINITY,
    steps: positiveInteger('steps', o.steps, Number.POSITIVE_INFINITY),
    evaluateEvery: positiveInteger('evaluateEvery', o.evaluateEvery, 100),
    progressEvery: positiveInteger('progressEvery', o.progressEvery, 1),
    yieldMs,
    lossFactor,
    floor,
    checkLossEvery,
  };
}
