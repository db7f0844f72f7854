import type { Experiment } from './experiment.js';
import { type RuleStyle, ruleStyle } from './rules/rule-style.js';
import type { PlotSpec } from './types.js';

/** What `plotSeries` reads of one rule's run: its curves (`step` the x axis) and, over seeds, their s.d. */
export interface SeriesRun {
  curves: Record<string, number[]>;
  curvesSd?: Record<string, number[]>;
}

/** One drawable line of a plot: one metric of one rule, with its band when the plot asks for one. */
export interface PlotSeries {
  /** The experiment's rule key ('fa-4layer'). */
  rule: string;
  /** The metric the line draws (a plot with `series` draws several per rule). */
  metric: string;
  /** The rule key, and the series' label where the plot has several ('fa · W vs B⁺'). */
  label: string;
  colour: string;
  dash?: number[];
  x: number[];
  /** null where the value is missing, not finite, or not positive on a log axis. */
  y: (number | null)[];
  /** The band's edges (value ∓ times × spread), null where the spread is missing. */
  band?: { lower: (number | null)[]; upper: (number | null)[] };
}

/** Dashes of a plot's second and third metric (a lower layer, W vs B⁺), over the rule's own. */
const METRIC_DASHES = [
  [2, 3],
  [8, 3, 2, 3],
];

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/** Dashes of a sweep's cells of one rule, in the order they come (the first solid). */
const CELL_DASHES = [undefined, [6, 4], [2, 3], [8, 3, 2, 3], [1, 2], [10, 4]];

/**
 * A rule key's style; a sweep's row key (`'fa learningRate=0.1'`: the rule, a space, its grid
 * cell) takes its rule's colour and a dash per cell of that rule.
 */
function keyStyle(key: string, cells: Map<string, number>): RuleStyle {
  const space = key.indexOf(' ');
  if (space < 0) return ruleStyle(key);
  const rule = key.slice(0, space);
  const index = cells.get(rule) ?? 0;
  cells.set(rule, index + 1);
  const dash = CELL_DASHES[index % CELL_DASHES.length];
  return dash ? { colour: ruleStyle(rule).colour, dash } : { colour: ruleStyle(rule).colour };
}

/**
 * The lines of one plot of `experiment` for `runs` (by rule key; an `AggregateRun` is one):
 * one per rule the plot shows (in the experiment's rule order, then any others) and metric,
 * coloured by `ruleStyle`; a plot's further metrics dashed in the rule's colour; a band from
 * a recorded spread metric or from the s.d. over seeds as a property of its line. Rules
 * without the metric are left out. A sweep's row keys ('fa learningRate=0.1') take their
 * rule's colour and one dash per grid cell.
 * @example
 * const lines = plotSeries(fig2, fig2.plots[0], report.results); // [{ rule: 'bp', colour: '#000000', x, y }, ...]
 */
export function plotSeries(
  experiment: Pick<Experiment, 'rules'>,
  plot: PlotSpec,
  runs: Readonly<Record<string, SeriesRun>>,
): PlotSeries[] {
  const metrics = plot.series ?? [{ metric: plot.metric, label: '' }];
  const known = Object.keys(experiment.rules);
  const order = [...known.filter((r) => r in runs), ...Object.keys(runs).filter((r) => !known.includes(r))];
  const out: PlotSeries[] = [];
  const cells = new Map<string, number>();
  for (const rule of order) {
    if (plot.rules && !plot.rules.includes(rule)) continue;
    const run = runs[rule];
    const style = keyStyle(rule, cells);
    metrics.forEach(({ metric, label }, k) => {
      const values = run.curves[metric];
      if (!values) return;
      const ok = (v: number | undefined): v is number => finite(v) && !(plot.logY && v <= 0);
      const y = values.map((v) => (ok(v) ? v : null));
      const dash = k === 0 ? style.dash : METRIC_DASHES[Math.min(k, METRIC_DASHES.length) - 1];
      const line: PlotSeries = {
        rule,
        metric,
        label: label ? `${rule} · ${label}` : rule,
        colour: style.colour,
        ...(dash ? { dash: [...dash] } : {}),
        x: run.curves.step ?? values.map((_, i) => i),
        y,
      };
      const spread = !plot.band
        ? undefined
        : 'seeds' in plot.band
          ? run.curvesSd?.[metric]
          : run.curves[plot.band.metric];
      if (plot.band && spread && k === 0) {
        const times = plot.band.times;
        const edge = (sign: number) =>
          y.map((v, i) => {
            const sd = spread[i];
            if (v === null || !finite(sd)) return null;
            const e = v + sign * times * sd;
            // a log axis cannot show a lower edge at or below zero: a tenth of the value instead
            return plot.logY && e <= 0 ? v / 10 : e;
          });
        if (spread.some(finite)) line.band = { lower: edge(-1), upper: edge(1) };
      }
      out.push(line);
    });
  }
  return out;
}
