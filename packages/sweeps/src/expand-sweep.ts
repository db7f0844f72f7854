import { getExperiment, resolveConfig, selectRules } from '@rfa/experiments';
import { SweepSpecError } from './errors.js';
import { jobId } from './job-id.js';
import type { SweepSpec } from './sweep-spec.js';

/** One experiment run of a sweep: what a worker needs to run it and check it is the same run. */
export interface SweepJob {
  /** From the content (`jobId`): equal runs share it, so a finished one is never run again. */
  id: string;
  experiment: string;
  rule: string;
  seed: number;
  quick: boolean;
  /** The overrides the run's config is resolved with: the spec's `set` and the cell's grid values. */
  settings: Record<string, unknown>;
  /** The grid values alone: which cell of the sweep this run belongs to. */
  cell: Record<string, unknown>;
}

/** The most jobs one sweep may expand into (cells × seeds × rules), checked before any is made. */
export const MAX_JOBS = 1_000_000;

/** Every combination of the grid's values, in the order the keys and values were given. */
export function gridCells(grid: Record<string, readonly unknown[]>): Record<string, unknown>[] {
  const count = Object.values(grid).reduce((n, values) => n * values.length, 1);
  if (count > MAX_JOBS)
    throw new SweepSpecError(
      'grid',
      `the grid has ${count} cells, more than the ${MAX_JOBS} jobs a sweep may have`,
    );
  return Object.entries(grid).reduce<Record<string, unknown>[]>(
    (cells, [key, values]) => cells.flatMap((cell) => values.map((v) => ({ ...cell, [key]: v }))),
    [{}],
  );
}

/** A cell's name in tables: `learningRates.fa=0.005 feedbackInit=0.5`, or `defaults`. */
export function cellLabel(cell: Record<string, unknown>): string {
  const parts = Object.entries(cell).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length ? parts.join(' ') : 'defaults';
}

/**
 * The jobs of a sweep: cells × seeds × rules. Every cell's config is resolved here, so a bad
 * setting fails (ConfigError naming the field) before any job runs or is queued.
 * @example
 * expandSweep(parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: 20 })).length; // 20
 */
export function expandSweep(spec: SweepSpec): SweepJob[] {
  const exp = getExperiment(spec.experiment);
  const jobs: SweepJob[] = [];
  const cells = gridCells(spec.grid);
  if (cells.length * spec.seeds.length > MAX_JOBS)
    throw new SweepSpecError(
      'seeds',
      `${cells.length} cell(s) × ${spec.seeds.length} seeds is more than the ${MAX_JOBS} jobs a sweep may have`,
    );
  for (const cell of cells) {
    const settings = { ...spec.set, ...cell };
    const config = resolveConfig(exp, { quick: spec.quick, overrides: settings });
    const rules = selectRules(exp, config, spec.rules);
    for (const seed of spec.seeds)
      for (const rule of rules)
        jobs.push({
          id: jobId({ experiment: exp.id, rule, seed, config }),
          experiment: exp.id,
          rule,
          seed,
          quick: spec.quick,
          settings,
          cell,
        });
  }
  return jobs;
}
