import { availableParallelism, hostname } from 'node:os';
import { Worker } from 'bullmq';
import { entryFile } from './entry-file.js';
import { epochProgress } from './epoch-progress.js';
import type { SweepJob } from './expand-sweep.js';
import {
  assertQueueReachable,
  connectionFor,
  DEFAULT_QUEUE_NAME,
  type QueueLocation,
} from './queue-connection.js';
import { redactSecretIn } from './redact-url.js';
import { decodeResult } from './result-codec.js';
import type { SweepEvent } from './sweep-events.js';
import { WORKER_ENV } from './worker-env.js';

export interface QueueWorkerOptions extends QueueLocation {
  /** Jobs run at once, each in its own worker thread on a one-thread CPU backend (default: one per core). */
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, and how often stalled jobs are looked for
   * (default 30 s): a worker that dies mid-job has its job taken up again within about twice this.
   */
  lockSeconds?: number;
  /** A folder every worker can reach: jobs checkpoint there and a retried job resumes from it. */
  checkpointDir?: string;
  checkpointSeconds?: number;
  /** The data folder (see `RunJobOptions.dataDir`), the same path on every machine. */
  dataDir?: string;
  onEvent?: (event: SweepEvent) => void;
  /**
   * This worker was cut off from Redis for longer than the lock and gave these jobs up (they
   * stop at their next step; the stalled-job check hands them to a worker that can reach Redis).
   */
  onLockLost?: (jobIds: string[]) => void;
  /**
   * The connection to Redis failed (it retries on its own); once until the worker next takes
   * or finishes a job. The reason never holds the URL's password.
   */
  onConnectionLost?: (reason: string) => void;
}

/** A running queue worker. */
export interface QueueWorker {
  /** This worker's name on the jobs it processes (`host:pid`). */
  readonly name: string;
  /** Lets running jobs finish, then disconnects. */
  close(): Promise<void>;
}

/**
 * Takes sweep jobs from a BullMQ queue and runs them in sandboxed worker threads. The queue
 * does the distribution: locks renewed while a job runs, stalled-job recovery when a worker
 * dies (another worker puts its job back after `lockSeconds`), retries with backoff, and
 * progress events. Redis is checked first (QueueUnreachableError within seconds).
 * @example
 * const worker = await startQueueWorker({ url: 'redis://10.0.0.5:6379', checkpointDir: '/shared/ckpt' });
 */
export async function startQueueWorker(o: QueueWorkerOptions): Promise<QueueWorker> {
  await assertQueueReachable(o.url);
  // worker threads copy the environment when they start, after this
  if (o.checkpointDir) process.env[WORKER_ENV.checkpointDir] = o.checkpointDir;
  if (o.checkpointSeconds !== undefined)
    process.env[WORKER_ENV.checkpointSeconds] = String(o.checkpointSeconds);
  if (o.dataDir) process.env[WORKER_ENV.dataDir] = o.dataDir;
  const lockMs = (o.lockSeconds ?? 30) * 1000;
  const name = `${hostname()}:${process.pid}`;
  const worker = new Worker<SweepJob, string>(
    o.queueName ?? DEFAULT_QUEUE_NAME,
    entryFile('queue-processor'),
    {
      connection: connectionFor(o.url),
      concurrency: o.concurrency ?? availableParallelism(),
      useWorkerThreads: true,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: 2,
      name,
    },
  );
  worker.on('active', (job) => o.onEvent?.({ type: 'started', job: job.data }));
  worker.on('progress', (job, data) => {
    const report = epochProgress(data);
    if (report) o.onEvent?.({ type: 'epoch', job: job.data, ...report });
  });
  worker.on('completed', (job, value) =>
    o.onEvent?.({ type: 'finished', job: job.data, result: decodeResult(value) }),
  );
  worker.on('failed', (job, err) => {
    if (job)
      o.onEvent?.({
        type: 'failed',
        job: job.data,
        error: err.message,
        willRetry: job.attemptsMade < (job.opts.attempts ?? 1),
      });
  });
  // cut off from Redis for longer than the lock: the job is no longer ours (the stalled-job check
  // hands it to another worker), so stop running it; its checkpoint stays for whoever resumes it
  worker.on('lockRenewalFailed', (ids: string[]) => {
    for (const id of ids) worker.cancelJob(id, 'this worker lost the job lock (cut off from Redis too long)');
    o.onLockLost?.(ids);
  });
  // connection hiccups: ioredis reconnects and BullMQ carries on; say so once per outage
  let down = false;
  const up = () => {
    down = false;
  };
  worker.on('active', up);
  worker.on('completed', up);
  worker.on('error', (err: NodeJS.ErrnoException) => {
    const connection = /^E[A-Z]+$/.test(err.code ?? '') || /connection is closed/i.test(err.message);
    if (!connection || down) return;
    down = true;
    o.onConnectionLost?.(redactSecretIn(err.message, o.url));
  });
  await worker.waitUntilReady();
  return { name, close: () => worker.close() };
}
