import type { z } from 'zod';
import type { DatasetId, DatasetValues } from './datasets/dataset-registry.js';
import type { RunContext } from './runs/run-context.js';
import type { AggregateRun, PlotSpec, RuleRun } from './types.js';

/**
 * Data an experiment is handed, by data set id: those its `needs.datasets` names
 * (`loadExperimentData` in Node reads them from a data folder, `loadExperimentDataFromUrl`
 * fetches them in a browser).
 */
export interface ExperimentData {
  datasets: Partial<DatasetValues>;
}

/** What an experiment needs besides a backend: data sets by id (see `DATASETS`). */
export interface ExperimentNeeds {
  datasets?: readonly DatasetId[];
}

/** The demo's changes to an experiment's defaults so a run shows progress within seconds in a tab. */
export interface BrowserPreset {
  /** Config fields changed from the defaults (everything else stays the paper's). */
  overrides: Record<string, unknown>;
  /** What the preset runs, in a sentence the page shows beside the settings. */
  note: string;
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
  /** What the figure shows, in one or two sentences a visitor reads before starting a run. */
  readonly caption: string;
  /** What the curves' x values count ('epoch', 'step'): the charts' x axis. */
  readonly xUnit: string;
  /** What the experiment does and which choices are ours, printed with the table. */
  readonly notes: string;
  /** Checks a whole config; unknown fields are refused. Field descriptions feed `--help`. */
  readonly schema: z.ZodType<C>;
  readonly defaults: C;
  /** A short version that keeps the comparison meaningful. */
  readonly quick: C;
  /** The base config when `overrides` pick a preset (fig4's `size`); default: `defaults` or `quick`. */
  preset?(overrides: Record<string, unknown>, quick: boolean): C;
  readonly needs: ExperimentNeeds;
  /** Layer widths, input first, of the network a config builds (the widest when rules differ in depth). */
  layerWidths(config: C): number[];
  /** A short description of each layer, input first, as a diagram labels it ('conv 5×5×6'); default: from the widths (see `layerLabels`). */
  layerLabels?(config: C): string[];
  /** The browser's preset: a size that shows progress within seconds in a tab. */
  readonly browser: BrowserPreset;
  /** Seeds a runner uses when none are asked for: the paper's n = 20 where that takes minutes here. */
  readonly defaultSeeds?: number;
  /** Seeds of a `quick` run when none are asked for (default: `defaultSeeds`). */
  readonly quickSeeds?: number;
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
