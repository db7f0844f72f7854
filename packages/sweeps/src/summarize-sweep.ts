import {
  type AggregateRun,
  aggregate,
  type ExperimentReport,
  getExperiment,
  type PlotSpec,
  type SeedOutcome,
} from '@rfa/experiments';
import { cellLabel } from './expand-sweep.js';
import type { JobResult } from './job-result.js';
import type { SweepSpec } from './sweep-spec.js';

/** One row of the ranking: a rule in a cell, by its mean of the ranked metric. */
export interface RankedRow {
  rank: number;
  /** The row's key in `results`: the rule, and the cell's settings when the sweep has a grid. */
  label: string;
  rule: string;
  cell: Record<string, unknown>;
  mean: number;
  sd: number;
  n: number;
}

/** A sweep's results per cell and rule, in the shape the bench's report writers take. */
export interface SweepSummary {
  /** An experiment report whose "rules" are the rows (`fa`, or `fa learningRates.fa=0.005` with a grid). */
  report: ExperimentReport;
  /** The experiment's plots, each limited to the rows of the rules it shows. */
  plots: PlotSpec[];
  /** The rows, best first (lowest mean), by `rankedBy`. */
  ranking: RankedRow[];
  rankedBy: string;
  /** Which machines and commits produced the results (distinct values). */
  provenance: { hostnames: string[]; gitCommits: (string | null)[]; backends: string[]; runtimes: string[] };
}

/**
 * Collects a sweep's results into mean ± s.d. and n per cell and rule (the experiments'
 * `aggregate`), and ranks the rows by one metric (default the experiment's first table
 * metric; lower is better, as for NSE, test error and angles).
 * @example
 * const { report, ranking } = summarizeSweep(spec, outcome.results);
 */
export function summarizeSweep(
  spec: SweepSpec,
  results: readonly JobResult[],
  options: { rankBy?: string } = {},
): SweepSummary {
  const exp = getExperiment(spec.experiment);
  const grid = Object.keys(spec.grid).length > 0;
  const labelOf = (r: JobResult) => (grid ? `${r.job.rule} ${cellLabel(r.job.cell)}` : r.job.rule);
  const bySeed = new Map<number, SeedOutcome>();
  const rows = new Map<string, JobResult>();
  for (const r of results) {
    const outcome = bySeed.get(r.job.seed) ?? {};
    outcome[labelOf(r)] = r.run;
    bySeed.set(r.job.seed, outcome);
    if (!rows.has(labelOf(r))) rows.set(labelOf(r), r);
  }
  const seeds = [...bySeed.keys()].sort((a, b) => a - b);
  const aggregated: Record<string, AggregateRun> = aggregate(
    seeds.map((s) => bySeed.get(s)!),
    seeds,
  );
  const rankedBy = options.rankBy ?? exp.tableMetrics[0];
  const ranking = [...rows]
    .map(([label, r]) => ({
      label,
      rule: r.job.rule,
      cell: r.job.cell,
      ...stat(aggregated[label], rankedBy),
    }))
    .sort((a, b) => (Number.isNaN(a.mean) ? 1 : Number.isNaN(b.mean) ? -1 : a.mean - b.mean))
    .map((row, i) => ({ rank: i + 1, ...row }));
  const distinct = <T>(f: (r: JobResult) => T) => [...new Set(results.map(f))];
  const provenance = {
    hostnames: distinct((r) => r.provenance.hostname),
    gitCommits: distinct((r) => r.provenance.gitCommit),
    backends: distinct((r) => r.provenance.backend),
    runtimes: distinct((r) => r.provenance.runtime),
  };
  const report: ExperimentReport = {
    experiment: `${exp.id}-sweep`,
    seeds: spec.seeds.length,
    quick: spec.quick,
    backend: provenance.backends.join('; ') || 'cpu',
    config: spec,
    results: aggregated,
    paper: grid ? {} : exp.paper,
    analysis: { rankedBy, ranking, provenance },
    seedsCompleted: seeds.length,
    elapsedSeconds: results.reduce((s, r) => s + r.provenance.wallSeconds, 0),
    notes: `${exp.title}: sweep of ${rows.size} cell × rule rows over seeds ${seeds.join(', ') || 'none'}. ${exp.notes}`,
  };
  const plots = exp.plots.map((p) => ({
    ...p,
    rules: p.rules ? [...rows].filter(([, r]) => p.rules!.includes(r.job.rule)).map(([l]) => l) : undefined,
  }));
  return { report, plots, ranking, rankedBy, provenance };
}

function stat(run: AggregateRun | undefined, metric: string) {
  const s = run?.final[metric];
  return { mean: s?.mean ?? Number.NaN, sd: s?.sd ?? Number.NaN, n: s?.n ?? 0 };
}
