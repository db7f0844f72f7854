import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { entryFile } from './entry-file.js';
import type { SweepJob } from './expand-sweep.js';
import type { JobResult } from './job-result.js';
import type { PoolMessage, PoolTask } from './pool-worker.js';
import type { ResultStore } from './result-store.js';
import type { RunJobOptions } from './run-job.js';
import type { SweepEvent, SweepOutcome } from './sweep-events.js';

export interface LocalSweepOptions
  extends Omit<RunJobOptions, 'onProgress' | 'onEpoch' | 'signal' | 'progressMs'> {
  /** Results are read from here (a job with one is skipped) and written here as each job finishes. */
  store: ResultStore;
  /** Worker threads, each running one job at a time on a one-thread CPU backend (default: one per core). */
  workers?: number;
  /** Stops the running jobs (their checkpoints stay) and starts no more; the outcome lists them as pending. */
  signal?: AbortSignal;
  onEvent?: (event: SweepEvent) => void;
}

/**
 * Runs a sweep's jobs on this machine, no server needed: a pool of worker threads (piscina),
 * one per core by default. Jobs whose results exist are skipped; a job that throws is
 * reported with its error and the others go on.
 * @example
 * const outcome = await runLocalSweep(expandSweep(spec), { store: resultStore('out/jobs') });
 */
export async function runLocalSweep(jobs: readonly SweepJob[], o: LocalSweepOptions): Promise<SweepOutcome> {
  const results = new Map<string, JobResult>();
  const failed: SweepOutcome['failed'] = [];
  const todo: SweepJob[] = [];
  for (const job of jobs) {
    const existing = await o.store.load(job.id);
    if (existing) {
      results.set(job.id, existing);
      o.onEvent?.({ type: 'skipped', job });
    } else todo.push(job);
  }
  const workers = Math.max(1, Math.min(o.workers ?? availableParallelism(), todo.length || 1));
  const pool = new Piscina<PoolTask, JobResult>({
    filename: entryFile('pool-worker'),
    minThreads: workers,
    maxThreads: workers,
  });
  const { store, workers: _w, signal, onEvent, ...runOptions } = o;
  // piscina listens to the signal once per task
  if (signal) setMaxListeners(todo.length + 10, signal);
  const runOne = async (job: SweepJob) => {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (m: PoolMessage) => onEvent?.({ ...m, job }));
    try {
      const result = await pool.run(
        { job, options: runOptions, port: port2 },
        { transferList: [port2], signal },
      );
      await store.save(result);
      results.set(job.id, result);
      onEvent?.({ type: 'finished', job, result });
    } catch (err) {
      if (signal?.aborted) return;
      const error = (err as Error).message ?? String(err);
      failed.push({ job, error });
      onEvent?.({ type: 'failed', job, error, willRetry: false });
    } finally {
      port1.close();
    }
  };
  try {
    await Promise.all(todo.map(runOne));
  } finally {
    await pool.destroy();
  }
  return {
    results: jobs.flatMap((j) => results.get(j.id) ?? []),
    failed,
    pending: jobs.filter((j) => !results.has(j.id) && !failed.some((f) => f.job.id === j.id)),
  };
}
