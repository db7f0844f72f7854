import type { AggregateRun, PlotSpec } from '@rfa/experiments';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders one metric's mean curve per rule as an SVG line chart (Vega-Lite, no browser needed). */
export async function plotSvg(
  title: string,
  plot: PlotSpec,
  results: Record<string, AggregateRun>,
): Promise<string | null> {
  const values: { step: number; value: number; rule: string }[] = [];
  for (const [rule, r] of Object.entries(results)) {
    if (plot.rules && !plot.rules.includes(rule)) continue;
    const ys = r.curves[plot.metric];
    if (!ys) continue;
    ys.forEach((value, i) => {
      if (Number.isFinite(value) && (!plot.logY || value > 0))
        values.push({ step: r.curves.step[i], value, rule });
    });
  }
  if (values.length === 0) return null;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${title}: ${plot.title}`,
    width: 520,
    height: 300,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: plot.xTitle ?? 'training step' },
      y: {
        field: 'value',
        type: 'quantitative',
        title: plot.yTitle,
        scale: plot.logY ? { type: 'log' } : { zero: false },
      },
      color: { field: 'rule', type: 'nominal' },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
