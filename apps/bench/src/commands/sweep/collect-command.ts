import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  collectSweep,
  expandSweep,
  loadSweepSpec,
  type ResultStore,
  resultStore,
  type SweepJob,
  type SweepSpec,
  storedOutcome,
} from '@rfa/sweeps';
import { CliError } from '../../cli-error.js';
import { interruptSignal } from '../../interrupt.js';
import { queueUrlFrom } from './queue-url.js';
import { reportCorrupt } from './store-notices.js';
import { definesSpec, PLACE_OPTIONS, SPEC_OPTIONS, specFromFlags } from './sweep-args.js';
import { sweepProgress } from './sweep-progress.js';
import { writeSweepReport } from './write-sweep-report.js';

export const COLLECT_HELP = `pnpm bench collect [--out DIR] [--queue redis://H:P|--queue-file PATH [--wait]]   a sweep's report from its results
  Reads the sweep saved in DIR (default rfa-sweep) by 'pnpm bench sweep', or the sweep the flags
  describe (as for sweep); takes the finished results from the queue into DIR/jobs and writes
  the same report as sweep. --wait waits for every job (Ctrl-C stops waiting; the queue is untouched).
  RFA_QUEUE_URL stands in for --queue.`;

/** Gathers a sweep's results (from the queue, or what DIR/jobs holds) into its report. */
export async function collectCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(COLLECT_HELP);
    return 0;
  }
  const { values: v, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...SPEC_OPTIONS,
      ...PLACE_OPTIONS,
      wait: { type: 'boolean', default: false },
    },
  });
  const outDir = resolve(v.out);
  const {
    out: _o,
    queue: _q,
    'queue-file': _f,
    'queue-name': _n,
    'rank-by': _r,
    'data-dir': _d,
    'mnist-dir': _m,
    wait: _w,
    ...specFlags
  } = v;
  const spec = definesSpec(specFlags, positionals)
    ? await specFromFlags(specFlags, positionals)
    : await savedSpec(outDir);
  const jobs = expandSweep(spec);
  const store = resultStore(join(outDir, 'jobs'), { onCorrupt: reportCorrupt });
  const queue = queueUrlFrom(v);
  if (queue)
    return collectFromQueue(jobs, spec, {
      url: queue.url,
      queueName: v['queue-name'],
      outDir,
      store,
      wait: v.wait,
      rankBy: v['rank-by'],
    });
  if (v.wait) throw new CliError('collect: --wait needs --queue');
  const outcome = await storedOutcome(jobs, store);
  await writeSweepReport(outDir, spec, outcome, { rankBy: v['rank-by'] });
  return 0;
}

async function savedSpec(outDir: string): Promise<SweepSpec> {
  try {
    return await loadSweepSpec(join(outDir, 'sweep-spec.json'));
  } catch {
    throw new CliError(
      `collect: no sweep in ${outDir} (run 'pnpm bench sweep … --out ${outDir}' or describe it with flags)`,
    );
  }
}

/** Reads (or waits for) a sweep's results on the queue with a progress bar, then writes its report. */
export async function collectFromQueue(
  jobs: SweepJob[],
  spec: SweepSpec,
  o: { url: string; queueName?: string; outDir: string; store: ResultStore; wait: boolean; rankBy?: string },
): Promise<number> {
  const interrupt = interruptSignal(
    'no longer waiting; the queue and its workers carry on (pnpm bench collect gathers later)',
  );
  const progress = sweepProgress(jobs);
  try {
    const outcome = await collectSweep(jobs, {
      ...o,
      signal: interrupt.signal,
      onEvent: (e) => progress.onEvent(e),
      onConnectionLost: (reason) =>
        console.error(`lost the queue's connection (${reason}); retrying until Redis answers again`),
    });
    progress.stop();
    await writeSweepReport(o.outDir, spec, outcome, { rankBy: o.rankBy });
    if (outcome.lost.length)
      console.error(
        `the queue holds no record of ${outcome.lost.length} job(s) (its Redis restarted without persistence, or they were never submitted): run the same 'pnpm bench sweep … --queue' again; it queues only the jobs without a result (finished ones are kept in ${join(o.outDir, 'jobs')})`,
      );
    if (outcome.pending.length > outcome.lost.length && o.wait === false)
      console.log(
        `${outcome.pending.length - outcome.lost.length} job(s) still queued or running: collect again later, or add --wait`,
      );
    return interrupt.signal.aborted ? 130 : outcome.failed.length || outcome.lost.length ? 1 : 0;
  } finally {
    progress.stop();
    interrupt.release();
  }
}
