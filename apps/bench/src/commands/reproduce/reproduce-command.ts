import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type CheckpointStore,
  type ExperimentReport,
  experimentIds,
  getExperiment,
  resolveConfig,
} from '@rfa/experiments';
import { directoryStore, loadExperimentData } from '@rfa/experiments/node';
import { chooseBackend } from '../../backend-choice.js';
import { interruptSignal } from '../../interrupt.js';
import { writeFigures } from '../../report/figures.js';
import { reportHtml } from '../../report/html.js';
import { resultsTable } from '../../report/table.js';
import { writeFileAtomic, writeJsonAtomic } from '../../report/write-atomic.js';
import { overridesFor, parseReproduceArgs, type ReproduceArgs } from './reproduce-args.js';
import { experimentHelp, REPRODUCE_HELP } from './reproduce-help.js';
import { runReproduction } from './run-reproduction.js';

export { REPRODUCE_HELP };

/** Saves checkpoints and results but reads none back: a fresh run that a later --resume can continue. */
const writeOnly = (store: CheckpointStore): CheckpointStore => ({ ...store, load: async () => null });

/** Runs experiments, prints a table each, writes the JSON, SVG plots and index.html. */
export async function reproduce(args: ReproduceArgs): Promise<ExperimentReport[]> {
  // configs first: a bad --set or --rules fails before any work
  const plans = args.experiments.map((id) => {
    const exp = getExperiment(id);
    const quick = args.perExperiment?.[id]?.quick ?? args.quick;
    const config = resolveConfig(exp, { quick, overrides: overridesFor(id, args.overrides) });
    const seeds =
      args.perExperiment?.[id]?.seeds ??
      args.seeds ??
      (quick ? exp.quickSeeds : undefined) ??
      exp.defaultSeeds ??
      3;
    return { id, exp, quick, config, seeds };
  });
  const backend = await chooseBackend(args.backend, { fma: args.fma });
  console.log(`backend: ${backend.description}`);
  const interrupt = interruptSignal(
    'stopping after the current step; finished seeds are kept (--resume continues)',
  );
  const store = directoryStore(args.checkpointDir ?? join(args.outDir, 'checkpoints'));
  const reports: ExperimentReport[] = [];
  try {
    for (const { exp, quick, config, seeds } of plans) {
      console.log(
        `\n=== ${exp.title}${quick ? ' (quick)' : ''}, ${seeds} seed(s)\n${exp.notes}\nconfig: ${JSON.stringify(config)}`,
      );
      const report = await runReproduction(exp, {
        config,
        seeds,
        quick,
        backend,
        outDir: args.outDir,
        signal: interrupt.signal,
        data: await loadExperimentData(exp, { dataDir: args.dataDir }),
        rules: args.rules,
        store: args.resume ? store : writeOnly(store),
      });
      reports.push(report);
      console.log(`\n${resultsTable(report.results, exp.tableMetrics, report.paper)}`);
      if (report.analysis) console.log(JSON.stringify(report.analysis, null, 2));
      if (report.interrupted)
        console.log(`(interrupted: ${report.seedsCompleted} of ${report.seeds} seeds finished and kept)`);
      await writeFigures(exp, report, args.outDir);
      if (interrupt.signal.aborted) break;
    }
  } finally {
    interrupt.release();
    backend.dispose();
  }
  // the index shows every experiment whose report is in the folder, from this run or earlier ones
  await writeFileAtomic(join(args.outDir, 'index.html'), reportHtml(await collectReports(args.outDir)));
  console.log(`\nreport: ${join(args.outDir, 'index.html')}`);
  if (args.json) await writeJsonAtomic(resolve(args.json), reports.length === 1 ? reports[0] : reports);
  return reports;
}

async function collectReports(outDir: string) {
  const files = await readdir(outDir);
  const entries = [];
  for (const id of experimentIds()) {
    if (!files.includes(`${id}.json`)) continue;
    const report = JSON.parse(await readFile(join(outDir, `${id}.json`), 'utf8')) as ExperimentReport;
    const exp = getExperiment(id);
    // the plots in the experiment's order, then its pictures (receptive fields, traces)
    const plots = exp.plots.map((p) => `${id}-${p.metric}.svg`).filter((f) => files.includes(f));
    const pictures = files
      .filter((f) => /^.+-(receptive-fields-.+\.png|traces-.+\.svg)$/.test(f) && f.startsWith(`${id}-`))
      .sort();
    entries.push({ report, title: exp.title, metrics: exp.tableMetrics, svgs: [...plots, ...pictures] });
  }
  return entries;
}

export async function reproduceCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    const named = argv.filter((a) => !a.startsWith('-') && a !== 'all');
    console.log(named.length ? named.map(experimentHelp).join('\n\n') : REPRODUCE_HELP);
    return 0;
  }
  const reports = await reproduce(parseReproduceArgs(argv));
  return reports.some((r) => r.interrupted) ? 130 : 0;
}
