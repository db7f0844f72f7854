import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  assertQueueReachable,
  canonicalJson,
  expandSweep,
  resultStore,
  runLocalSweep,
  type SweepSpec,
  submitSweep,
} from '@rfa/sweeps';
import { dataDirHelp, dataDirOf } from '../../data-dir.js';
import { interruptSignal } from '../../interrupt.js';
import { writeFileAtomic } from '../../report/write-atomic.js';
import { collectFromQueue } from './collect-command.js';
import { queueUrlFrom } from './queue-url.js';
import { reportCorrupt } from './store-notices.js';
import { PLACE_OPTIONS, positiveInt, SPEC_OPTIONS, seconds, specFromFlags } from './sweep-args.js';
import { sweepProgress } from './sweep-progress.js';
import { writeSweepReport } from './write-sweep-report.js';

export const SWEEP_HELP = `pnpm bench sweep <experiment> [options]   seeds × rules × settings, on every core or on a queue
  --seeds N|A-B|a,b,c   seeds (default 1-3)          --rules a,b      rule keys (default: the experiment's)
  --grid KEY=V1,V2,…    a setting to sweep (repeat; every combination is a cell)
  --set KEY=VALUE       a setting every job shares   --quick          start from the quick preset
  --spec FILE           the sweep as JSON ({ experiment, rules, seeds, quick, set, grid }); flags add to it
  --out DIR             results (DIR/jobs/<id>.json), report, index.html (default rfa-sweep)
  --workers N           local pool: worker threads, one job each on one CPU thread (default: one per core)
  --checkpoint-dir DIR  local pool: checkpoints (default DIR/checkpoints); --checkpoint-seconds S (default 30)
  ${dataDirHelp(22)}
  --queue redis://H:P   put the jobs on a BullMQ queue instead (run 'pnpm bench worker' anywhere);
                        --queue-file PATH (the URL on its first line) or RFA_QUEUE_URL keep a password off the command line
  --wait                with --queue: wait for the results and write the report (Ctrl-C stops waiting only)
  --queue-name NAME     (default rfa-sweeps)   --attempts N (default 3)   --backoff-seconds S (default 10)
  --rank-by METRIC      the ranking's metric (default the experiment's first table metric; lower is better)
  Jobs are content-addressed: running the same sweep again skips every job that has a result.`;

/** Runs (or queues) a sweep and writes its report; 130 after Ctrl-C, 1 if a job failed for good. */
export async function sweepCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(SWEEP_HELP);
    return 0;
  }
  const { values: v, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...SPEC_OPTIONS,
      ...PLACE_OPTIONS,
      workers: { type: 'string' },
      wait: { type: 'boolean', default: false },
      'checkpoint-dir': { type: 'string' },
      'checkpoint-seconds': { type: 'string' },
      attempts: { type: 'string' },
      'backoff-seconds': { type: 'string' },
    },
  });
  const spec = await specFromFlags(v, positionals);
  const jobs = expandSweep(spec); // a bad setting fails here, before anything runs or is queued
  const queueUrl = queueUrlFrom(v);
  if (queueUrl) await assertQueueReachable(queueUrl.url); // and an unreachable queue, before anything is written
  const outDir = resolve(v.out);
  const store = resultStore(join(outDir, 'jobs'), { onCorrupt: reportCorrupt });
  await saveSpec(outDir, spec);
  const cells = new Set(jobs.map((j) => canonicalJson(j.cell))).size;
  console.log(
    `sweep ${spec.experiment}: ${cells} cell(s) × ${spec.seeds.length} seed(s) × ${jobs.length / cells / spec.seeds.length} rule(s) = ${jobs.length} job(s) → ${outDir}`,
  );
  if (queueUrl) {
    console.log(`queue ${queueUrl.shown} (from ${queueUrl.source})`);
    const queue = { url: queueUrl.url, queueName: v['queue-name'] };
    const s = await submitSweep(jobs, {
      ...queue,
      store,
      attempts: positiveInt('attempts', v.attempts, 3),
      backoffSeconds: seconds('backoff-seconds', v['backoff-seconds']),
    });
    console.log(
      `queued ${s.queued.length}, already queued ${s.alreadyQueued.length}, retried ${s.retried.length}, finished before ${s.skipped.length}`,
    );
    if (!v.wait) {
      // the URL as given only when it holds no secret; else where the worker should read it from
      const flag =
        queueUrl.shown === queueUrl.url
          ? `--queue ${queueUrl.url}`
          : `(with RFA_QUEUE_URL or --queue-file set)`;
      console.log(
        `start workers with: pnpm bench worker ${flag}\ngather the results with: pnpm bench collect ${flag} --out ${outDir} [--wait]`,
      );
      return 0;
    }
    return collectFromQueue(jobs, spec, { ...queue, outDir, store, wait: true, rankBy: v['rank-by'] });
  }
  const interrupt = interruptSignal(
    'stopping the running jobs (their checkpoints stay); run the same command to resume',
  );
  const progress = sweepProgress(jobs);
  try {
    const outcome = await runLocalSweep(jobs, {
      store,
      workers: v.workers ? positiveInt('workers', v.workers, 1) : undefined,
      checkpointDir: v['checkpoint-dir'] ? resolve(v['checkpoint-dir']) : join(outDir, 'checkpoints'),
      checkpointSeconds: seconds('checkpoint-seconds', v['checkpoint-seconds']),
      dataDir: dataDirOf(v),
      signal: interrupt.signal,
      onEvent: (e) => progress.onEvent(e),
    });
    progress.stop();
    await writeSweepReport(outDir, spec, outcome, { rankBy: v['rank-by'] });
    return interrupt.signal.aborted ? 130 : outcome.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    interrupt.release();
  }
}

/** The sweep as JSON in its folder, so `collect --out DIR` knows which jobs are its. */
async function saveSpec(outDir: string, spec: SweepSpec): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(join(outDir, 'sweep-spec.json'), `${JSON.stringify(spec, null, 2)}\n`);
}
