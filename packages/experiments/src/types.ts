/** One rule's outcome in one seeded run: final metrics and curves. */
export interface RuleRun {
  final: Record<string, number>;
  /** `step` is the x axis (steps, or epochs where the experiment says so); every other key is a metric sampled there. */
  curves: Record<string, number[]>;
  /** Present when the run stopped early because its loss or a metric blew up (weights put back to the last good step). */
  divergence?: { atStep: number; reason: string; restoredFromStep: number };
  /** Pictures of the run for the report: first-layer receptive fields, spike traces. */
  snapshots?: Record<string, unknown>;
}

/** Everything one seed produced, by rule key (`bp`, `fa`, `fa-sparse50`, ...). */
export type SeedOutcome = Record<string, RuleRun>;

/** Mean, sample s.d. and count of one metric over seeds. */
export interface Stat {
  mean: number;
  sd: number;
  n: number;
}

/** One rule's results over seeds. */
export interface AggregateRun {
  final: Record<string, Stat>;
  /** Point-by-point means over seeds (NaNs skipped). */
  curves: Record<string, number[]>;
  /** Per-seed final values, for tests across runs. */
  perSeed: Record<string, number[]>;
  /** Point-by-point sample s.d. of the curves over seeds (NaN with fewer than 2). */
  curvesSd?: Record<string, number[]>;
  /** The first seed's snapshots. */
  snapshots?: Record<string, unknown>;
  /** Seeds whose run of this rule diverged, with why. */
  diverged?: { seed: number; atStep: number; reason: string }[];
}

/** A plot of the report: one metric's curve per rule. */
export interface PlotSpec {
  metric: string;
  title: string;
  yTitle: string;
  /**
   * How the y values read: 'percent' (a fraction shown as %, test errors and shares),
   * 'degrees' (angles), 'plain' (NSE, eᵀWBe).
   */
  unit: 'percent' | 'degrees' | 'plain';
  /** Values the paper reports, drawn as horizontal lines (FA's 2.1% on Fig. 3a, 90° on an angle plot). */
  reference?: { value: number; label: string }[];
  /** What the curves' x values count (default: the experiment's `xUnit`). */
  xTitle?: string;
  logY?: boolean;
  /** Only these rule keys (default all that have the metric). */
  rules?: string[];
  /**
   * Several metrics in one plot, told apart by dash (e.g. a 4-layer net's two hidden layers);
   * `metric` names the plot's file then.
   */
  series?: { metric: string; label: string }[];
  /**
   * A shaded band around each curve: `times` × another metric (a spread recorded with the
   * curve, such as the angle's s.d. over the last 10 examples), or × the s.d. over seeds.
   */
  band?: { metric: string; times: number } | { seeds: true; times: number };
}

/** What one experiment run reports (the bench writes it as `<out>/<id>.json`). */
export interface ExperimentReport {
  experiment: string;
  seeds: number;
  quick: boolean;
  backend: string;
  config: object;
  results: Record<string, AggregateRun>;
  paper: Record<string, Record<string, number>>;
  analysis?: Record<string, unknown>;
  /** Seeds finished when the report was made; below `seeds` if the run was interrupted. */
  seedsCompleted: number;
  interrupted?: boolean;
  elapsedSeconds: number;
  notes: string;
}
