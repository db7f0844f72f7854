import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getExperiment } from '@rfa/experiments';
import { startQueueWorker } from '@rfa/sweeps';
import { CliError } from '../../cli-error.js';
import { DATA_DIR_OPTIONS, dataDirHelp, dataDirOf } from '../../data-dir.js';
import { epochLine } from '../../epoch-line.js';
import { queueUrlFrom } from './queue-url.js';
import { positiveInt, seconds } from './sweep-args.js';

export const WORKER_HELP = `pnpm bench worker --queue redis://H:P [options]   take sweep jobs from a queue and run them
  --queue-file PATH     the queue's URL from this file's first line instead (or set RFA_QUEUE_URL): keeps a password out of 'ps'
  --concurrency N       jobs at once, each in its own thread on one CPU thread (default: one per core)
  --checkpoint-dir DIR  checkpoints, shared by every worker (a retried job resumes from it); --checkpoint-seconds S
  --lock-seconds S      a dead worker's job goes back to the queue after about twice this (default 30)
  --queue-name NAME     (default rfa-sweeps)
  ${dataDirHelp(22)}
  Ctrl-C (or SIGTERM) lets the running jobs finish, then stops; a second Ctrl-C stops at once.`;

/** Runs a queue worker until Ctrl-C or SIGTERM. */
export async function workerCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(WORKER_HELP);
    return 0;
  }
  const { values: v } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      queue: { type: 'string' },
      'queue-file': { type: 'string' },
      'queue-name': { type: 'string' },
      concurrency: { type: 'string' },
      'checkpoint-dir': { type: 'string' },
      'checkpoint-seconds': { type: 'string' },
      'lock-seconds': { type: 'string' },
      ...DATA_DIR_OPTIONS,
    },
  });
  const queue = queueUrlFrom(v);
  if (!queue)
    throw new CliError(
      'worker: give the queue: --queue redis://host:port, --queue-file PATH or RFA_QUEUE_URL',
    );
  const worker = await startQueueWorker({
    url: queue.url,
    queueName: v['queue-name'],
    concurrency: v.concurrency ? positiveInt('concurrency', v.concurrency, 1) : undefined,
    checkpointDir: v['checkpoint-dir'] ? resolve(v['checkpoint-dir']) : undefined,
    checkpointSeconds: seconds('checkpoint-seconds', v['checkpoint-seconds']),
    lockSeconds: seconds('lock-seconds', v['lock-seconds']),
    dataDir: dataDirOf(v),
    onConnectionLost: (reason) =>
      console.error(`lost the queue's connection (${reason}); retrying until Redis answers again`),
    onLockLost: (ids) =>
      console.error(
        `gave up ${ids.join(', ')}: cut off from the queue for longer than the lock; another worker resumes from the checkpoint`,
      ),
    onEvent: (e) => {
      const what = `${e.job.id} (${e.job.experiment} ${e.job.rule} seed ${e.job.seed})`;
      if (e.type === 'started') console.log(`started ${what}`);
      else if (e.type === 'epoch') {
        const line = epochLine(getExperiment(e.job.experiment), e.job.rule, e.epoch, e.metrics);
        if (line) console.log(`${what}: ${line}`);
      } else if (e.type === 'finished')
        console.log(`finished ${what} in ${e.result.provenance.wallSeconds.toFixed(1)} s`);
      else if (e.type === 'failed')
        console.error(`failed ${what}${e.willRetry ? ' (will retry)' : ''}: ${e.error}`);
    },
  });
  console.log(
    `worker ${worker.name} takes jobs from ${queue.shown} (from ${queue.source}); Ctrl-C stops after the running jobs`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      console.error('stopping after the running jobs (Ctrl-C again to stop now)');
      process.once('SIGINT', () => process.exit(130));
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker.close();
  return 0;
}
