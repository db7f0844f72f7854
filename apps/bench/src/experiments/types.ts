import type { Backend } from '@rfa/tensor';

export type ExperimentId = 'fig2' | 'fig3a' | 'fig3d' | 'fig4' | 'fig5';
export const EXPERIMENT_IDS: ExperimentId[] = ['fig2', 'fig3a', 'fig3d', 'fig4', 'fig5'];

/** One rule's outcome in one seeded run: final metrics and curves over training steps. */
export interface RuleRun {
  final: Record<string, number>;
  /** `step` is the x axis; every other key is a metric sampled at those steps. */
  curves: Record<string, number[]>;
}

/** Everything one seed produced, by rule key (`bp`, `fa`, `fa-sparse50`, ...). */
export type SeedOutcome = Record<string, RuleRun>;

export interface ProgressSink {
  /** Advance by `units` of the experiment's declared work; `label` says what is running. */
  tick(units: number, label?: string): void;
}

export interface ExperimentContext {
  backend: Backend;
  seed: number;
  quick: boolean;
  signal: AbortSignal;
  progress: ProgressSink;
  mnistDir?: string;
  /** Only these rule keys (all when absent). */
  rules?: string[];
}

/** A plot of the report: one metric's curve per rule. */
export interface PlotSpec {
  metric: string;
  title: string;
  yTitle: string;
  logY?: boolean;
  rules?: string[];
}

export interface Experiment<C extends object = Record<string, unknown>> {
  id: ExperimentId;
  title: string;
  /** What the experiment does and which choices are ours, printed with the table. */
  notes: string;
  config(quick: boolean): C;
  /** Work units per seed (for the progress bar and time left). */
  work(config: C): number;
  runSeed(config: C, ctx: ExperimentContext): Promise<SeedOutcome>;
  /** Numbers the paper reports, by rule and metric. */
  paper: Record<string, Record<string, number>>;
  plots: PlotSpec[];
  /** Metrics shown in the table, in order. */
  tableMetrics: string[];
  /** Extra analysis over the seeds (fig3d's t-test). */
  analyse?: (results: Record<string, AggregateRun>) => Record<string, unknown>;
}

export interface Stat {
  mean: number;
  sd: number;
  n: number;
}

export interface AggregateRun {
  final: Record<string, Stat>;
  curves: Record<string, number[]>;
  /** Per-seed final values, for tests across runs. */
  perSeed: Record<string, number[]>;
}

/** The JSON a run writes (`--json` and `<out>/<exp>.json`). */
export interface ExperimentReport {
  experiment: ExperimentId;
  seeds: number;
  quick: boolean;
  backend: string;
  config: object;
  results: Record<string, AggregateRun>;
  paper: Record<string, Record<string, number>>;
  analysis?: Record<string, unknown>;
  /** Seeds finished when the file was written; < seeds if the run was interrupted. */
  seedsCompleted: number;
  interrupted?: boolean;
  elapsedSeconds: number;
  notes: string;
}
