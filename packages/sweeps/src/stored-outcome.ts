import type { SweepJob } from './expand-sweep.js';
import type { JobResult } from './job-result.js';
import type { ResultStore } from './result-store.js';
import type { SweepOutcome } from './sweep-events.js';

/**
 * What a result store holds of a sweep, without running or asking anything: the results
 * there, and the jobs with none as pending.
 * @example
 * const { results, pending } = await storedOutcome(expandSweep(spec), resultStore('rfa-sweep/jobs'));
 */
export async function storedOutcome(jobs: readonly SweepJob[], store: ResultStore): Promise<SweepOutcome> {
  const results: JobResult[] = [];
  const pending: SweepJob[] = [];
  for (const job of jobs) {
    const result = await store.load(job.id);
    if (result) results.push(result);
    else pending.push(job);
  }
  return { results, failed: [], pending };
}
