import { join } from 'node:path';
import { getExperiment } from '@rfa/experiments';
import { type SweepOutcome, type SweepSpec, summarizeSweep } from '@rfa/sweeps';
import { writeFigures } from '../../report/figures.js';
import { reportHtml } from '../../report/html.js';
import { resultsTable } from '../../report/table.js';
import { writeFileAtomic, writeJsonAtomic } from '../../report/write-atomic.js';
import { rankingTable } from './ranking-table.js';

/**
 * Prints and writes what `reproduce` writes, for a sweep: `<out>/<id>-sweep.json`, the
 * table (mean ± s.d. and n per cell and rule), a ranking, SVG plots and `index.html`.
 */
export async function writeSweepReport(
  outDir: string,
  spec: SweepSpec,
  outcome: SweepOutcome,
  options: { rankBy?: string } = {},
): Promise<void> {
  const exp = getExperiment(spec.experiment);
  const summary = summarizeSweep(spec, outcome.results, options);
  const { report } = summary;
  const failed = outcome.failed.map(({ job, error }) => ({
    id: job.id,
    seed: job.seed,
    rule: job.rule,
    error,
  }));
  const json = { ...report, failed, pending: outcome.pending.map((j) => j.id) };
  await writeJsonAtomic(join(outDir, `${report.experiment}.json`), json);
  const table = resultsTable(report.results, exp.tableMetrics, report.paper);
  const ranking = rankingTable(summary.ranking, summary.rankedBy);
  console.log(`\n${table}\n\nranked by ${summary.rankedBy} (lower is better):\n${ranking}`);
  if (failed.length)
    console.log(
      `\n${failed.length} job(s) failed for good:\n${failed.map((f) => `  ${f.id}: ${f.error}`).join('\n')}`,
    );
  if (outcome.pending.length) console.log(`\n${outcome.pending.length} job(s) have no result yet`);
  // rows are rule keys (coloured as reproduce colours them) or, with a grid, 'rule cell'
  const svgs = await writeFigures(exp, report, outDir, {
    plots: summary.plots,
    name: report.experiment,
    title: `${exp.title} (sweep)`,
  });
  const extra = { heading: `Ranking by ${summary.rankedBy}`, text: ranking };
  await writeFileAtomic(
    join(outDir, 'index.html'),
    reportHtml([{ report, title: `${exp.title}: sweep`, metrics: exp.tableMetrics, svgs, extra }]),
  );
  console.log(`\nreport: ${join(outDir, 'index.html')}`);
}
