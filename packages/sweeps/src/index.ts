/**
 * @rfa/sweeps — seeds × rules × settings of rfa's experiments, on every core of one machine
 * or on many machines through a BullMQ queue. Node only.
 *
 * A sweep spec (`parseSweepSpec`, `parseGrid`, `parseSeeds`, `loadSweepSpec`) expands into
 * jobs with content-derived ids (`expandSweep`); `runLocalSweep` runs them on a pool of
 * worker threads, or `submitSweep` queues them, `startQueueWorker` runs them anywhere and
 * `collectSweep` gathers them; `summarizeSweep` gives mean ± s.d. and n per cell and a ranking.
 */

export { type CollectOptions, type CollectOutcome, collectSweep } from './collect-sweep.js';
export { QueueUnreachableError, ResultStoreError, SweepSpecError } from './errors.js';
export { cellLabel, expandSweep, gridCells, type SweepJob } from './expand-sweep.js';
export { parseGrid } from './grid.js';
export { canonicalJson, jobId } from './job-id.js';
export type { JobResult, Provenance } from './job-result.js';
export { type LocalSweepOptions, runLocalSweep } from './local-pool.js';
export {
  assertQueueReachable,
  DEFAULT_QUEUE_NAME,
  QUEUE_ACL_RULES,
  type QueueLocation,
} from './queue-connection.js';
export { type QueueWorker, type QueueWorkerOptions, startQueueWorker } from './queue-worker.js';
export { redactSecretIn, redactUrl } from './redact-url.js';
export { decodeResult, encodeResult } from './result-codec.js';
export {
  type CorruptResult,
  type ResultStore,
  type ResultStoreOptions,
  resultStore,
} from './result-store.js';
export { type RunJobOptions, runJob } from './run-job.js';
export { parseSeeds } from './seeds.js';
export { storedOutcome } from './stored-outcome.js';
export { type Submission, type SubmitOptions, submitSweep } from './submit-sweep.js';
export { type RankedRow, type SweepSummary, summarizeSweep } from './summarize-sweep.js';
export type { SweepEvent, SweepOutcome } from './sweep-events.js';
export {
  loadSweepSpec,
  parseSweepSpec,
  type SweepSpec,
  type SweepSpecInput,
  sweepSpecSchema,
} from './sweep-spec.js';
