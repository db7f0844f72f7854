import type { EpochProgress } from './epoch-progress.js';
import type { SweepJob } from './expand-sweep.js';
import type { JobResult } from './job-result.js';

/**
 * What a running sweep reports, job by job (the local pool and the queue alike):
 * - `skipped`: its result existed already, so it was not run (or not queued) again;
 * - `started`, `progress` (fraction of its work done), `finished` (with the result);
 * - `epoch`: a job of an experiment scored by epoch (fig3a, fig4, `xUnit` 'epoch') scored a
 *   whole epoch; `metrics` are that epoch's curve point (test error, ...). A job resumed from
 *   a checkpoint reports the epochs it runs, not those before the checkpoint;
 * - `failed`: with the error; `willRetry` when the queue will try it again.
 */
export type SweepEvent =
  | { type: 'skipped'; job: SweepJob }
  | { type: 'started'; job: SweepJob }
  | { type: 'progress'; job: SweepJob; fraction: number }
  | ({ type: 'epoch'; job: SweepJob } & EpochProgress)
  | { type: 'finished'; job: SweepJob; result: JobResult }
  | { type: 'failed'; job: SweepJob; error: string; willRetry: boolean };

/** How a sweep (or the part of it that was waited for) ended. */
export interface SweepOutcome {
  /** Every result the sweep has, read back or new, in the jobs' order. */
  results: JobResult[];
  /** Jobs that failed for good, with their errors. */
  failed: { job: SweepJob; error: string }[];
  /** Jobs with no result yet (an interruption, or still on the queue). */
  pending: SweepJob[];
}
