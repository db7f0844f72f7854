/**
 * The local pool's worker-thread entry (loaded by file name by piscina): runs one job and
 * returns its result; progress goes back through the task's MessagePort.
 */
import type { MessagePort } from 'node:worker_threads';
import type { EpochProgress } from './epoch-progress.js';
import type { SweepJob } from './expand-sweep.js';
import type { JobResult } from './job-result.js';
import { type RunJobOptions, runJob } from './run-job.js';

export interface PoolTask {
  job: SweepJob;
  options: Omit<RunJobOptions, 'onProgress' | 'onEpoch' | 'signal'>;
  port: MessagePort;
}

export type PoolMessage =
  | { type: 'started' }
  | { type: 'progress'; fraction: number }
  | ({ type: 'epoch' } & EpochProgress);

export default async function poolWorker({ job, options, port }: PoolTask): Promise<JobResult> {
  const send = (m: PoolMessage) => port.postMessage(m);
  send({ type: 'started' });
  try {
    return await runJob(job, {
      ...options,
      onProgress: (fraction) => send({ type: 'progress', fraction }),
      onEpoch: (epoch, metrics) => send({ type: 'epoch', epoch, metrics }),
    });
  } finally {
    port.close();
  }
}
