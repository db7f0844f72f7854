import { Queue, QueueEvents } from 'bullmq';
import { epochProgress } from './epoch-progress.js';
import type { SweepJob } from './expand-sweep.js';
import type { JobResult } from './job-result.js';
import {
  assertQueueReachable,
  connectionFor,
  DEFAULT_QUEUE_NAME,
  type QueueLocation,
} from './queue-connection.js';
import { redactSecretIn } from './redact-url.js';
import { decodeResult } from './result-codec.js';
import type { ResultStore } from './result-store.js';
import type { SweepEvent, SweepOutcome } from './sweep-events.js';

export interface CollectOptions extends QueueLocation {
  /** Results are read from here first, and each result from the queue is written here. */
  store: ResultStore;
  /** Wait until every job has finished or failed for good (default: one pass over what is there). */
  wait?: boolean;
  /** Stops waiting (the queue and its workers carry on; collect again later). */
  signal?: AbortSignal;
  /** How often the jobs' states are read while waiting (default 2 s); progress arrives as events in between. */
  pollMs?: number;
  onEvent?: (event: SweepEvent) => void;
  /**
   * The queue's connection failed (Redis down or unreachable); it retries on its own. Called
   * at most once per outage, with the reason (the URL's password is never in it).
   */
  onConnectionLost?: (reason: string) => void;
}

/** What `collectSweep` found: a sweep's outcome, and which of its pending jobs the queue does not hold. */
export interface CollectOutcome extends SweepOutcome {
  /**
   * Pending jobs the queue has no record of: never submitted, or lost with the queue (Redis
   * restarted without persistence). Submitting the sweep again queues just these.
   */
  lost: SweepJob[];
}

/**
 * Gathers a sweep's results from the queue into `store`: once, or (`wait`) until every job
 * has finished or failed for good, with live events from the queue (started, progress, scored epochs,
 * retries). Jobs the queue does not hold (`lost`) are not waited for: once every job has a
 * result, a final failure or is lost, it returns. Redis going away while it waits is waited
 * out (the connection retries). Only reads the queue: stopping it never leaves the queue half-changed.
 * @example
 * const { results, failed, pending } = await collectSweep(jobs, { url, store, wait: true });
 */
export async function collectSweep(jobs: readonly SweepJob[], o: CollectOptions): Promise<CollectOutcome> {
  await assertQueueReachable(o.url);
  const name = o.queueName ?? DEFAULT_QUEUE_NAME;
  const queue = new Queue(name, { connection: connectionFor(o.url) });
  let down = false;
  const connectionLost = (err: Error) => {
    if (!down) o.onConnectionLost?.(redactSecretIn(err.message, o.url));
    down = true;
  };
  queue.on('error', connectionLost);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const results = new Map<string, JobResult>();
  const failed = new Map<string, string>();
  let lost = new Set<string>();
  const events = o.wait ? new QueueEvents(name, { connection: connectionFor(o.url) }) : undefined;
  if (events) {
    const ours = (id: string) => byId.get(id);
    events.on('active', ({ jobId }) => {
      const job = ours(jobId);
      if (job && !results.has(jobId)) o.onEvent?.({ type: 'started', job });
    });
    events.on('progress', ({ jobId, data }) => {
      const job = ours(jobId);
      if (!job) return;
      if (typeof data === 'number') o.onEvent?.({ type: 'progress', job, fraction: data });
      else {
        const report = epochProgress(data);
        if (report) o.onEvent?.({ type: 'epoch', job, ...report });
      }
    });
    events.on('failed', async ({ jobId, failedReason }) => {
      const job = ours(jobId);
      if (!job) return;
      // a final failure is reported by the next pass (with the job's state); this one will be retried
      const q = await queue.getJob(jobId).catch(() => undefined);
      if (q && q.attemptsMade < (q.opts.attempts ?? 1))
        o.onEvent?.({ type: 'failed', job, error: failedReason, willRetry: true });
    });
    events.on('error', connectionLost);
  }

  /** One pass: every job without an outcome, looked up in the store, then on the queue. */
  const pass = async () => {
    const lostNow = new Set<string>();
    for (const job of jobs) {
      if (results.has(job.id) || failed.has(job.id)) continue;
      const stored = await o.store.load(job.id);
      if (stored) {
        results.set(job.id, stored);
        o.onEvent?.({ type: 'skipped', job });
        continue;
      }
      // the state first, then the job: a job read before it completed has no return value yet
      const state = await queue.getJobState(job.id);
      if (state === 'unknown') lostNow.add(job.id);
      if (state !== 'completed' && state !== 'failed') continue;
      const q = await queue.getJob(job.id);
      if (!q) continue;
      if (state === 'completed') {
        if (typeof q.returnvalue !== 'string') continue; // not readable yet: the next pass
        const result = decodeResult(q.returnvalue);
        await o.store.save(result);
        results.set(job.id, result);
        o.onEvent?.({ type: 'finished', job, result });
      } else if (state === 'failed') {
        failed.set(job.id, q.failedReason);
        o.onEvent?.({ type: 'failed', job, error: q.failedReason, willRetry: false });
      }
    }
    lost = lostNow;
    down = false; // this pass reached the queue (its commands wait out a reconnect)
  };
  try {
    await events?.waitUntilReady();
    await pass();
    while (o.wait && results.size + failed.size + lost.size < jobs.length && !o.signal?.aborted) {
      await sleep(o.pollMs ?? 2000, o.signal);
      await pass();
    }
  } finally {
    await events?.close();
    await queue.close();
  }
  return {
    results: jobs.flatMap((j) => results.get(j.id) ?? []),
    failed: [...failed].map(([id, error]) => ({ job: byId.get(id)!, error })),
    pending: jobs.filter((j) => !results.has(j.id) && !failed.has(j.id)),
    lost: jobs.filter((j) => lost.has(j.id)),
  };
}

/** Resolves after `ms`, or at once when `signal` fires (its listener removed either way). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
