import type { AggregateRun, PlotSpec } from '@rfa/experiments';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const RULE_PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

interface Point {
  step: number;
  value: number;
  low?: number;
  high?: number;
  rule: string;
  series: string;
}

/** The points of one plot: each series of each rule, with its band where the plot asks for one. */
function points(plot: PlotSpec, results: Record<string, AggregateRun>): Point[] {
  const series = plot.series ?? [{ metric: plot.metric, label: plot.metric }];
  const out: Point[] = [];
  for (const [rule, r] of Object.entries(results)) {
    if (plot.rules && !plot.rules.includes(rule)) continue;
    for (const { metric, label } of series) {
      const ys = r.curves[metric];
      if (!ys) continue;
      const spread =
        plot.band && 'seeds' in plot.band
          ? r.curvesSd?.[metric]
          : plot.band
            ? r.curves[plot.band.metric]
            : undefined;
      ys.forEach((value, i) => {
        if (!Number.isFinite(value) || (plot.logY && value <= 0)) return;
        const p: Point = { step: r.curves.step[i], value, rule, series: label };
        const sd = spread?.[i];
        if (plot.band && sd !== undefined && Number.isFinite(sd)) {
          p.low = value - plot.band.times * sd;
          p.high = value + plot.band.times * sd;
          if (plot.logY && p.low <= 0) p.low = value / 10;
        }
        out.push(p);
      });
    }
  }
  return out;
}

/**
 * Renders one plot as SVG (Vega-Lite, no browser needed): the mean curve of each rule, one
 * colour per rule key in `ruleOrder` (the same colour in every plot of a report), series
 * told apart by dash, an optional shaded band.
 */
export async function plotSvg(
  title: string,
  plot: PlotSpec,
  results: Record<string, AggregateRun>,
  ruleOrder: readonly string[] = Object.keys(results),
): Promise<string | null> {
  const values = points(plot, results);
  if (values.length === 0) return null;
  const shown = ruleOrder.filter((r) => values.some((v) => v.rule === r));
  const color = {
    field: 'rule',
    type: 'nominal' as const,
    // the whole domain keeps each rule's colour across plots; the legend lists only the rules drawn
    scale: { domain: [...ruleOrder], range: ruleOrder.map((_, i) => RULE_PALETTE[i % RULE_PALETTE.length]) },
    legend: { values: shown },
  };
  const x = { field: 'step', type: 'quantitative' as const, title: plot.xTitle ?? 'training step' };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: plot.yTitle,
    scale: plot.logY ? { type: 'log' as const } : { zero: false },
  };
  const line = {
    mark: { type: 'line' as const, strokeWidth: 1.5 },
    encoding: {
      x,
      y,
      color,
      ...(plot.series ? { strokeDash: { field: 'series', type: 'nominal' as const, title: 'layer' } } : {}),
      detail: { field: 'series', type: 'nominal' as const },
    },
  };
  const band = {
    mark: { type: 'area' as const, opacity: 0.18 },
    encoding: {
      x,
      y: { ...y, field: 'low' },
      y2: { field: 'high' },
      color,
      detail: { field: 'series', type: 'nominal' as const },
    },
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${title}: ${plot.title}`,
    width: 520,
    height: 300,
    data: { values },
    layer: plot.band ? [band, line] : [line],
  } as TopLevelSpec;
  return renderSvg(spec);
}

/** Vega-Lite spec → SVG text in Node. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
