import { Queue } from 'bullmq';
import type { SweepJob } from './expand-sweep.js';
import {
  assertQueueReachable,
  connectionFor,
  DEFAULT_QUEUE_NAME,
  type QueueLocation,
} from './queue-connection.js';
import type { ResultStore } from './result-store.js';
import type { SweepEvent } from './sweep-events.js';

export interface SubmitOptions extends QueueLocation {
  /** Tries per job before it is failed for good (default 3). */
  attempts?: number;
  /** The first retry's delay; each next one doubles it (default 10 s). */
  backoffSeconds?: number;
  /** Results that exist here are not queued. */
  store?: ResultStore;
  onEvent?: (event: SweepEvent) => void;
}

/** What a submission did, job by job. */
export interface Submission {
  /** Added to the queue now. */
  queued: SweepJob[];
  /** Already on the queue, waiting or running (not added twice). */
  alreadyQueued: SweepJob[];
  /** Failed for good on an earlier submission, and retried now. */
  retried: SweepJob[];
  /** Finished: a result exists (on the queue or in the store), so nothing runs. */
  skipped: SweepJob[];
}

/**
 * Puts a sweep's jobs on a BullMQ queue, each under its content id, with retries and
 * exponential backoff. Idempotent: a job that finished (on the queue or in `store`) or is
 * waiting is not added again; one that failed for good is retried. Redis is checked first
 * (QueueUnreachableError within seconds, nothing queued). Each job is added whole (one
 * script) under its id, so an interrupted submission leaves some jobs queued and none
 * half-made, and submitting again adds just the missing ones.
 * @example
 * await submitSweep(expandSweep(spec), { url: 'redis://127.0.0.1:6379' });
 */
export async function submitSweep(jobs: readonly SweepJob[], o: SubmitOptions): Promise<Submission> {
  await assertQueueReachable(o.url);
  const queue = new Queue(o.queueName ?? DEFAULT_QUEUE_NAME, { connection: connectionFor(o.url) });
  const s: Submission = { queued: [], alreadyQueued: [], retried: [], skipped: [] };
  try {
    for (const job of jobs) {
      if (o.store && (await o.store.load(job.id))) {
        s.skipped.push(job);
        continue;
      }
      const state = await queue.getJobState(job.id);
      if (state === 'completed') s.skipped.push(job);
      else if (state === 'failed') {
        await (await queue.getJob(job.id))?.retry('failed');
        s.retried.push(job);
      } else if (state === 'unknown') s.queued.push(job);
      else s.alreadyQueued.push(job);
    }
    for (const job of s.skipped) o.onEvent?.({ type: 'skipped', job });
    await queue.addBulk(
      s.queued.map((job) => ({
        name: `${job.experiment}/${job.rule}`,
        data: job,
        opts: {
          jobId: job.id,
          attempts: o.attempts ?? 3,
          backoff: { type: 'exponential', delay: (o.backoffSeconds ?? 10) * 1000 },
        },
      })),
    );
  } finally {
    await queue.close();
  }
  return s;
}
