import type { SweepJob } from './expand-sweep.js';
import type { JobResult } from './job-result.js';

/**
 * What a running sweep reports, job by job (the local pool and the queue alike):
 * - `skipped`: its result existed already, so it was not run (or not queued) again;
 * - `started`, `progress` (fraction of its work done), `finished` (with the result);
 * - `failed`: with the error; `willRetry` when the queue will try it again.
 */
export type SweepEvent =
  | { type: 'skipped'; job: SweepJob }
  | { type: 'started'; job: SweepJob }
  | { type: 'progress'; job: SweepJob; fraction: number }
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
