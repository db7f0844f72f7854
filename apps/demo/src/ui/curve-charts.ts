import {
  axisTitle,
  type Experiment,
  formatInUnit,
  type PlotSpec,
  type PlotUnit,
  plotSeries,
  REFERENCE_LINE_STYLE,
  type SeriesRun,
} from '@rfa/experiments';
import uPlot from 'uplot';
import { type DrawnLine, drawnLines } from './chart-lines.js';
import { linearRange, logRange } from './chart-ranges.js';
import { el } from './dom.js';
import { swatchBackground } from './rule-swatch.js';

/** A value the paper reports, drawn as a horizontal line. */
type Reference = NonNullable<PlotSpec['reference']>[number];

/** Points drawn per line at most: longer curves are thinned evenly (the latest point kept). */
const MAX_POINTS = 1000;

interface Chart {
  plot: PlotSpec;
  /** What the curves are over several seeds, for the caption ('mean of n = 3 seeds …'). */
  note?: string;
  /** The x axis: the plot's own, else the experiment's unit. */
  xLabel: string;
  /** A side plot (the share of examples with eᵀWBe > 0), drawn smaller. */
  small: boolean;
  /** The hover readout under the plot. */
  readout: HTMLElement | null;
  box: HTMLElement | null;
  uplot: uPlot | null;
  /** The curves the plot was built with (those with a point, in `plotSeries`' order). */
  drawn: DrawnLine[];
}

/** Every `stride`-th x, and the last, so a long run costs a bounded redraw. */
export function thin(xs: number[], max = MAX_POINTS): number[] {
  if (xs.length <= max) return xs;
  const stride = Math.ceil(xs.length / max);
  const out = xs.filter((_, i) => i % stride === 0);
  if (out.at(-1) !== xs.at(-1)) out.push(xs.at(-1) as number);
  return out;
}

/** The last drawn value of a line (null when it has none). */
const lastValue = (ys: (number | null)[]): number | null => {
  for (let i = ys.length - 1; i >= 0; i--) if (ys[i] !== null) return ys[i];
  return null;
};

/**
 * Streaming uPlot charts of an experiment's plots, drawn from `plotSeries` (the bench's
 * reports read the same lines): each rule in its registry colour, a plot's further metrics
 * dashed, a band as two thin edges with a fill, the paper's values as reference lines.
 * The points come from the page's `SeedPoints` (means over seeds) and are drawn at most
 * one chart per animation frame.
 */
export class CurveCharts {
  private charts: Chart[] = [];
  private experiment: Pick<Experiment, 'rules'> = { rules: {} };
  private source: { runs(): Record<string, SeriesRun> } | null = null;
  private dirty = new Set<Chart>();
  private frame = 0;

  constructor(private readonly root: HTMLElement) {}

  private readonly resize = new ResizeObserver(() => {
    for (const c of this.charts) if (c.uplot && c.box) c.uplot.setSize(this.size(c));
  });

  /** Starts over for a new run of an experiment over `seeds` seeds (null: no charts). */
  reset(exp: Experiment | null, seeds = 1): void {
    for (const c of this.charts) c.uplot?.destroy();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.dirty.clear();
    this.source = null;
    this.root.replaceChildren();
    this.resize.disconnect();
    this.resize.observe(this.root);
    this.experiment = exp ?? { rules: {} };
    this.charts = (exp?.plots ?? []).map((plot) => ({
      plot,
      // several seeds: every curve is their mean (the title says where a band is over seeds)
      note:
        seeds > 1
          ? `mean of n = ${seeds} seeds (at each point, of the seeds that have reached it)`
          : plot.band && 'seeds' in plot.band
            ? 'one seed: no band over seeds (set Seeds to 2 or more)'
            : undefined,
      xLabel: plot.xTitle ?? exp?.xUnit ?? 'step',
      small: plot.metric === 'eWBePositive',
      readout: null,
      box: null,
      uplot: null,
      drawn: [],
    }));
  }

  /** New points in `points` (the run's curves, as `SeedPoints.runs()` gives them): redrawn soon. */
  update(points: { runs(): Record<string, SeriesRun> }): void {
    this.source = points;
    for (const c of this.charts) this.dirty.add(c);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }

  /** Each chart's curves as drawn: per line, its x and y values (for the JSON download). */
  curves(): {
    metric: string;
    title: string;
    unit: PlotUnit;
    xLabel: string;
    lines: { label: string; rule: string; x: number[]; y: number[] }[];
  }[] {
    return this.charts
      .map((c) => ({ c, lines: this.lines(c).filter((l) => !l.edge && l.values.size > 0) }))
      .filter(({ lines }) => lines.length > 0)
      .map(({ c, lines }) => ({
        metric: c.plot.metric,
        title: c.plot.title,
        unit: c.plot.unit,
        xLabel: c.xLabel,
        lines: lines.map((l) => {
          const points = [...l.values].sort((a, b) => a[0] - b[0]);
          return { label: l.label, rule: l.rule, x: points.map((p) => p[0]), y: points.map((p) => p[1]) };
        }),
      }));
  }

  /** The drawn charts: title, canvas and legend (for the PNG download). */
  pictures(): { title: string; canvas: HTMLCanvasElement; legend: { label: string; colour: string }[] }[] {
    return this.charts.flatMap((c) =>
      c.uplot ? [{ title: c.plot.title, canvas: c.uplot.ctx.canvas, legend: legendEntries(c.drawn) }] : [],
    );
  }

  /** A chart's curves from the points so far (`plotSeries`, bands as their edges). */
  private lines(c: Chart): DrawnLine[] {
    if (!this.source) return [];
    return plotSeries(this.experiment, c.plot, this.source.runs()).flatMap(drawnLines);
  }

  /** The plot's size: the figure's width, half as high (at least 180 px; a side plot 160 px). */
  private size(c: Chart): { width: number; height: number } {
    const width = Math.max(200, Math.floor((c.box as HTMLElement).clientWidth - 4));
    return { width, height: c.small ? 160 : Math.max(180, Math.round(width * 0.5)) };
  }

  private redraw(): void {
    // building or redrawing a uPlot chart costs tens of ms on a slow machine: one chart a
    // frame (the one waiting longest), so a frame never grows into a long task
    for (const c of [...this.dirty].slice(0, 1)) {
      this.dirty.delete(c);
      const lines = this.lines(c).filter((l) => l.values.size > 0);
      if (lines.length === 0) continue;
      if (lines.map((l) => l.key).join('|') !== c.drawn.map((l) => l.key).join('|')) this.build(c, lines);
      c.drawn = lines;
      const all = [...new Set(lines.flatMap((l) => [...l.values.keys()]))].sort((a, b) => a - b);
      const xs = thin(all);
      const ys = lines.map((l) => xs.map((x) => l.values.get(x) ?? null));
      c.uplot?.setData([xs, ...ys] as uPlot.AlignedData);
      const cursor = c.uplot?.cursor;
      this.readout(c, cursor && (cursor.left ?? -1) >= 0 ? (cursor.idx ?? null) : null);
      const box = c.box as HTMLElement;
      box.dataset.points = String(all.length);
      box.dataset.lines = JSON.stringify(Object.fromEntries(lines.map((l) => [l.key, l.values.size])));
      // each line's value at the last x it has: what a test reads a band's width from
      box.dataset.last = JSON.stringify(Object.fromEntries(lines.map((l, i) => [l.key, lastValue(ys[i])])));
    }
    if (this.dirty.size)
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.redraw();
      });
  }

  /** (Re)builds a chart's plot when lines gain their first point (a few times per run). */
  private build(c: Chart, lines: DrawnLine[]): void {
    const { plot } = c;
    if (!c.box) {
      c.readout = el('p', { class: 'readout-line', 'aria-live': 'off' });
      c.box = el(
        'figure',
        { class: c.small ? 'chart small' : 'chart', 'data-metric': plot.metric, 'data-unit': plot.unit },
        el(
          'figcaption',
          {},
          plot.title,
          c.note ? el('small', { class: 'note', text: ` — ${c.note}` }) : null,
        ),
        el('ul', { class: 'legend' }),
        c.readout,
      );
      // in the experiment's order, whichever chart gets its first point first
      const next = this.charts.slice(this.charts.indexOf(c) + 1).find((o) => o.box);
      this.root.insertBefore(c.box, next?.box ?? null);
    }
    c.uplot?.destroy();
    c.drawn = lines;
    const references = plot.reference ?? [];
    (c.box.querySelector('.legend') as HTMLElement).replaceChildren(
      ...legendEntries(lines).map((e) =>
        el(
          'li',
          { 'data-rule': e.rule, 'data-colour': e.colour },
          el('span', {
            class: 'swatch-line',
            style: `background:${swatchBackground(e)}`,
            'aria-hidden': 'true',
          }),
          e.label,
        ),
      ),
      ...references.map((r) =>
        el(
          'li',
          { class: 'reference' },
          el('span', {
            class: 'swatch-line thin',
            style: `background:${swatchBackground(REFERENCE_LINE_STYLE)}`,
            'aria-hidden': 'true',
          }),
          r.label,
        ),
      ),
    );
    const index = new Map(lines.map((l, i) => [l.key, i + 1]));
    const bands: uPlot.Band[] = [];
    for (const l of lines) {
      const upper = index.get(`${l.key} +`);
      const lower = index.get(`${l.key} -`);
      if (!l.edge && upper && lower) bands.push({ series: [upper, lower], fill: `${l.colour}26` });
    }
    const tick = (v: number) => formatInUnit(v, plot.unit, 2);
    const logY = plot.logY ?? false;
    c.uplot = new uPlot(
      {
        ...this.size(c),
        scales: {
          x: { time: false },
          y: {
            ...(logY ? { distr: 3 } : {}),
            // keep the paper's values in view
            range: (_u, min, max) => {
              const lo = Math.min(min, ...references.map((r) => r.value));
              const hi = Math.max(max, ...references.map((r) => r.value));
              return logY ? logRange(lo, hi) : linearRange(lo, hi);
            },
          },
        },
        axes: [
          { label: c.xLabel, stroke: '#333' },
          {
            label: axisTitle(plot),
            size: 64,
            stroke: '#333',
            values: (_u: uPlot, ticks: number[]) => ticks.map((t) => (t == null ? '' : tick(t))),
          },
        ],
        series: [
          { label: c.xLabel },
          ...lines.map((l) => ({
            label: l.label,
            stroke: l.colour,
            width: l.width,
            ...(l.dash ? { dash: l.dash } : {}),
            spanGaps: true,
            points: { show: false },
          })),
        ],
        bands,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        hooks: {
          draw: [(u) => drawReferences(u, references)],
          setCursor: [(u) => this.readout(c, u.cursor.idx ?? null)],
        },
      },
      [[], ...lines.map(() => [])] as uPlot.AlignedData,
      c.box,
    );
    this.readout(c, null);
  }

  /** The readout under a chart: the values at the hovered x, else the latest of each rule. */
  private readout(c: Chart, idx: number | null): void {
    const u = c.uplot;
    if (!u || !c.readout) return;
    const xs = u.data[0] as number[];
    if (xs.length === 0) {
      c.readout.textContent = '';
      return;
    }
    const hovered = idx !== null && idx >= 0 && idx < xs.length;
    const parts: string[] = [];
    c.drawn.forEach((l, i) => {
      if (l.edge) return;
      const ys = u.data[i + 1] as (number | null)[];
      const v = hovered ? ys[idx] : lastValue(ys);
      if (v !== null && v !== undefined) parts.push(`${l.label} ${formatInUnit(v, c.plot.unit)}`);
    });
    const x = hovered ? xs[idx] : xs[xs.length - 1];
    const where = `${hovered ? '' : 'latest, '}${c.xLabel} ${formatInUnit(x, 'plain')}`;
    c.readout.textContent = `${where}: ${parts.join(' · ')}`;
  }
}

/** The legend: one entry per drawn curve, band edges left out (their curve's entry stands for them). */
function legendEntries(
  lines: readonly DrawnLine[],
): { rule: string; label: string; colour: string; dash?: readonly number[] }[] {
  return lines
    .filter((l) => !l.edge)
    .map((l) => ({ rule: l.rule, label: l.label, colour: l.colour, ...(l.dash ? { dash: l.dash } : {}) }));
}

/** The paper's values as dashed grey lines (`REFERENCE_LINE_STYLE`) across the plot, each labelled at its right end. */
function drawReferences(u: uPlot, references: readonly Reference[]): void {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.strokeStyle = REFERENCE_LINE_STYLE.colour;
  ctx.fillStyle = '#333';
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.setLineDash(REFERENCE_LINE_STYLE.dash.map((d) => d * devicePixelRatio));
  ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  // labels bottom-up, each at least a line above the one below it
  const lineHeight = 13 * devicePixelRatio;
  let free = Number.POSITIVE_INFINITY;
  const placed = references
    .map((r) => ({ r, y: Math.round(u.valToPos(r.value, 'y', true)) }))
    .filter(({ y }) => y >= top && y <= top + height)
    .sort((a, b) => b.y - a.y);
  for (const { r, y } of placed) {
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    const at = Math.min(y - 4 * devicePixelRatio, free);
    ctx.fillText(r.label, left + width - 4, at);
    free = at - lineHeight;
  }
  ctx.restore();
}
