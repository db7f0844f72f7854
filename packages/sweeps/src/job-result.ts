import type { RuleRun } from '@rfa/experiments';
import type { SweepJob } from './expand-sweep.js';

/** Where and how a result was made: enough to trust it, or to find why it differs. */
export interface Provenance {
  /** `@rfa/sweeps` and `@rfa/experiments` versions. */
  rfaVersion: string;
  experimentsVersion: string;
  /** The git commit of the checkout that ran the job (`RFA_GIT_COMMIT` wins), null outside one. */
  gitCommit: string | null;
  /** The backend's description (kernels, mode, threads). */
  backend: string;
  /** `node v20.19.0` (a browser would put its user agent here). */
  runtime: string;
  hostname: string;
  pid: number;
  startedAt: string;
  wallSeconds: number;
}

/** One finished job: its identity, its run (final metrics and curves), and its provenance. */
export interface JobResult {
  job: SweepJob;
  run: RuleRun;
  provenance: Provenance;
}
