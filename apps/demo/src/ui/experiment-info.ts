import type { Experiment, PlotSpec } from '@rfa/experiments';

/** How a plot's values read: a fraction shown as percent, an angle in degrees, or as they are. */
export type PlotUnit = 'percent' | 'degrees' | 'plain';

/** A value the paper reports, drawn as a horizontal line. */
export interface Reference {
  value: number;
  label: string;
}

/**
 * What the page reads from an experiment's definition beyond the fields every definition
 * had before issue 28: its caption, x unit, layer widths and the plots' units and
 * reference values. Each is read where the definition has it; until then, a stated
 * fallback (the title, the plots' x title, the metric's kind, the `paper` table).
 */
type Described = Experiment & {
  caption?: string;
  xUnit?: string;
  layerWidths?: (config: Record<string, unknown>) => number[];
};
type DescribedPlot = PlotSpec & { unit?: PlotUnit; reference?: Reference[] };

/** One or two sentences on what the experiment shows ('' where the definition has none). */
export const experimentCaption = (exp: Experiment): string => (exp as Described).caption ?? '';

/** What the x axis counts ('epoch', 'step'). */
export const experimentXUnit = (exp: Experiment): string =>
  (exp as Described).xUnit ?? exp.plots.find((p) => p.xTitle)?.xTitle ?? 'step';

/** The network's layer widths, input first; null where the definition does not say. */
export function experimentLayerWidths(exp: Experiment, config: Record<string, unknown>): number[] | null {
  const widths = (exp as Described).layerWidths;
  return widths ? widths(config) : null;
}

/** The unit a plot's values are shown in. */
export function plotUnit(plot: PlotSpec): PlotUnit {
  const unit = (plot as DescribedPlot).unit;
  if (unit) return unit;
  if (/error/i.test(plot.metric)) return 'percent';
  return /angle/i.test(plot.metric) || /degree/i.test(plot.yTitle) ? 'degrees' : 'plain';
}

/**
 * The paper's values for a plot: its `reference`, else the experiment's `paper` table for
 * the plot's metric, for the rules that run.
 */
export function plotReferences(exp: Experiment, plot: PlotSpec, rules: readonly string[]): Reference[] {
  const own = (plot as DescribedPlot).reference;
  if (own) return own;
  const out: Reference[] = [];
  for (const [rule, metrics] of Object.entries(exp.paper)) {
    if (!rules.includes(rule)) continue;
    const v = metrics[plot.metric];
    if (Number.isFinite(v)) out.push({ value: v, label: `paper, ${rule}` });
  }
  return out;
}

/** A value in a unit, for axes and readouts: 0.021 → '2.1%', 45.2 → '45°'. */
export function formatInUnit(v: number | null | undefined, unit: PlotUnit, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (unit === 'percent') return `${trim(v * 100, digits)}%`;
  if (unit === 'degrees') return `${trim(v, digits)}°`;
  return trim(v, digits);
}

/** A number with about `digits` significant digits, no trailing zeros, no exponent above 1e-4. */
function trim(v: number, digits: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e6) return v.toExponential(1);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  return String(Number(v.toFixed(decimals)));
}
