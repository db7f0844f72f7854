import type { Mnist } from '@rfa/datasets';
import type { z } from 'zod';
import type { RunContext } from './runs/run-context.js';
import type { AggregateRun, PlotSpec, RuleRun } from './types.js';

/** Data an experiment is handed (the browser fetches MNIST from a URL, Node reads the IDX files). */
export interface ExperimentData {
  mnist?: Mnist;
}

/** What `Experiment.run` is given: the run's context and the experiment's data. */
export interface ExperimentRunContext extends RunContext {
  data: ExperimentData;
}

/** One rule an experiment can run, under its key there ('fa-sparse50', 'bp-4layer', ...). */
export interface ExperimentRule {
  description: string;
  /** Not run unless asked for (`--rules`, the demo's picker). */
  optional?: boolean;
}

/**
 * One of the paper's experiments, defined once: its config (schema, defaults, quick
 * preset), the rules it compares, the data it needs, how one rule runs under one seed,
 * and what the report shows. Runners (`runExperiment`, the bench, the demo) never hold
 * experiment logic.
 */
export interface Experiment<C extends object = object> {
  readonly id: string;
  readonly title: string;
  /** What the experiment does and which choices are ours, printed with the table. */
  readonly notes: string;
  /** Checks a whole config; unknown fields are refused. Field descriptions feed `--help`. */
  readonly schema: z.ZodType<C>;
  readonly defaults: C;
  /** A short version that keeps the comparison meaningful. */
  readonly quick: C;
  /** The base config when `overrides` pick a preset (fig4's `size`); default: `defaults` or `quick`. */
  preset?(overrides: Record<string, unknown>, quick: boolean): C;
  readonly needs: { mnist?: boolean };
  /** Seeds a runner uses when none are asked for: the paper's n = 20 where that takes minutes here. */
  readonly defaultSeeds?: number;
  readonly rules: Readonly<Record<string, ExperimentRule>>;
  /** The rules a config runs when none are named (default: every rule not marked optional). */
  defaultRules?(config: C): string[];
  /** Work units of one rule's run under one seed (for progress bars and time left). */
  work(config: C, rule: string): number;
  /** Runs one rule under one seed. */
  run(config: C, rule: string, ctx: ExperimentRunContext): Promise<RuleRun>;
  /** Numbers the paper reports, by rule and metric. */
  readonly paper: Record<string, Record<string, number>>;
  readonly plots: PlotSpec[];
  /** Metrics shown in the table, in order. */
  readonly tableMetrics: string[];
  /** Extra analysis over the seeds (fig3d's t-test). */
  analyse?(results: Record<string, AggregateRun>): Record<string, unknown>;
}

/** Types an experiment definition (identity at run time). */
export function defineExperiment<C extends object>(e: Experiment<C>): Experiment<C> {
  return e;
}
