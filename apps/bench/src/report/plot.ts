import {
  type AggregateRun,
  axisTitle,
  type Experiment,
  type PlotSpec,
  plotSeries,
  REFERENCE_LINE_STYLE,
} from '@rfa/experiments';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

interface Point {
  step: number;
  value: number;
  low?: number;
  high?: number;
  line: string;
}

/** Solid, as Vega-Lite's strokeDash range spells it. */
const SOLID = [1, 0];

/** Axis label formats by the plot's unit: a fraction as %, an angle with °. */
const AXIS: Record<PlotSpec['unit'], object> = {
  percent: { format: '.2~%' },
  degrees: { labelExpr: "datum.label + '°'" },
  plain: {},
};

/**
 * Renders one plot as SVG (Vega-Lite, no browser needed) from `plotSeries`'s lines: each
 * rule in its registry colour (the same in the demo), variants and further metrics dashed,
 * a band drawn as a shaded area of its own line, the paper's values as reference lines in
 * `REFERENCE_LINE_STYLE` and the y axis titled with its unit (`axisTitle`), as the demo draws them.
 * The legend lists the lines (bands are not lines).
 */
export async function plotSvg(
  title: string,
  exp: Pick<Experiment, 'rules' | 'xUnit'>,
  plot: PlotSpec,
  results: Record<string, AggregateRun>,
): Promise<string | null> {
  const lines = plotSeries(exp, plot, results);
  const values: Point[] = [];
  for (const l of lines)
    l.x.forEach((step, i) => {
      const value = l.y[i];
      if (value === null) return;
      const low = l.band?.lower[i];
      const high = l.band?.upper[i];
      values.push({
        step,
        value,
        line: l.label,
        ...(low != null && high != null ? { low, high } : {}),
      });
    });
  if (values.length === 0) return null;
  const shown = lines.filter((l) => values.some((v) => v.line === l.label));
  const domain = shown.map((l) => l.label);
  const color = {
    field: 'line',
    type: 'nominal' as const,
    title: null,
    scale: { domain, range: shown.map((l) => l.colour) },
  };
  const strokeDash = {
    field: 'line',
    type: 'nominal' as const,
    title: null,
    scale: { domain, range: shown.map((l) => l.dash ?? SOLID) },
  };
  const x = { field: 'step', type: 'quantitative' as const, title: plot.xTitle ?? exp.xUnit };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: axisTitle(plot),
    scale: plot.logY ? { type: 'log' as const } : { zero: false },
    axis: AXIS[plot.unit],
  };
  const layer: object[] = [];
  if (shown.some((l) => l.band))
    layer.push({
      mark: { type: 'area', opacity: 0.18 },
      transform: [{ filter: 'isValid(datum.low)' }],
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color: { ...color, legend: null } },
    });
  layer.push({
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: { x, y, color, strokeDash },
  });
  for (const ref of plot.reference ?? [])
    layer.push(
      {
        data: { values: [{ value: ref.value }] },
        mark: {
          type: 'rule',
          color: REFERENCE_LINE_STYLE.colour,
          strokeDash: [...REFERENCE_LINE_STYLE.dash],
        },
        encoding: { y: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: [{ value: ref.value, label: ref.label }] },
        mark: { type: 'text', align: 'left', dx: 4, dy: -6, x: 0, color: '#444444', fontSize: 10 },
        encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${title}: ${plot.title}`,
    width: 520,
    height: 300,
    data: { values },
    layer,
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
