/**
 * The BullMQ sandboxed processor (loaded by file name in a worker thread per concurrent
 * job): runs one job and returns its result as bit-exact JSON text. Where checkpoints go
 * comes from the environment `startQueueWorker` sets before its threads start.
 */
import type { SandboxedJob } from 'bullmq';
import type { EpochProgress } from './epoch-progress.js';
import type { SweepJob } from './expand-sweep.js';
import { encodeResult } from './result-codec.js';
import { runJob } from './run-job.js';
import { WORKER_ENV } from './worker-env.js';

export default async function queueProcessor(
  job: SandboxedJob<SweepJob, string>,
  _token?: string,
  signal?: AbortSignal,
): Promise<string> {
  const env = process.env;
  const seconds = env[WORKER_ENV.checkpointSeconds];
  const result = await runJob(job.data, {
    checkpointDir: env[WORKER_ENV.checkpointDir] || undefined,
    checkpointSeconds: seconds ? Number(seconds) : undefined,
    dataDir: env[WORKER_ENV.dataDir] || undefined,
    signal, // aborted when this worker lost the job's lock: stop, the checkpoint stays for whoever takes it
    onProgress: (fraction) => {
      job.updateProgress(fraction).catch(() => {});
    },
    onEpoch: (epoch, metrics) => {
      const report: EpochProgress = { epoch, metrics };
      job.updateProgress(report).catch(() => {});
    },
  });
  return encodeResult(result);
}
