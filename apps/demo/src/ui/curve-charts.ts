import { type Experiment, type PlotSpec, ruleStyle } from '@rfa/experiments';
import uPlot from 'uplot';
import { type ChartSpec, chartSpecs, type LineSpec, lineValue } from './chart-layout.js';
import { el } from './dom.js';
import { formatInUnit, type PlotUnit } from './format-unit.js';

/** A value the paper reports, drawn as a horizontal line. */
type Reference = NonNullable<PlotSpec['reference']>[number];

/** Points drawn per line at most: longer curves are thinned evenly (the latest point kept). */
const MAX_POINTS = 1000;

interface Chart {
  spec: ChartSpec;
  unit: PlotUnit;
  references: Reference[];
  /** The hover readout under the plot. */
  readout: HTMLElement | null;
  box: HTMLElement | null;
  plot: uPlot | null;
  /** Per line key: x → y. */
  values: Map<string, Map<number, number>>;
  /** The lines the plot was built with (those with a point, in the spec's order). */
  drawn: LineSpec[];
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
 * Streaming uPlot charts for an experiment's plots (see `chartSpecs`): one colour per rule,
 * dashes for a plot's further metrics, thin edges and a fill for a band. Points are stored
 * as they arrive (a later point at the same x replaces the earlier: a mean over seeds that
 * another seed has reached) and drawn at most once per animation frame.
 */
export class CurveCharts {
  private charts: Chart[] = [];
  private dirty = new Set<Chart>();
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private xLabel = 'step',
  ) {}

  private readonly resize = new ResizeObserver(() => {
    for (const c of this.charts) if (c.plot && c.box) c.plot.setSize(this.size(c));
  });

  /** Starts over for a new run of an experiment with these rules, over `seeds` seeds (null: no charts). */
  reset(exp: Experiment | null, rules: string[], xLabel: string, seeds = 1): void {
    for (const c of this.charts) c.plot?.destroy();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.dirty.clear();
    this.root.replaceChildren();
    this.xLabel = xLabel;
    this.resize.disconnect();
    this.resize.observe(this.root);
    const plots = exp?.plots ?? [];
    this.charts = chartSpecs(plots, rules, seeds).map((spec) => {
      const plot = plots.find((p) => p.metric === spec.id);
      return {
        spec,
        unit: plot?.unit ?? 'plain',
        references: plot?.reference ?? [],
        readout: null,
        box: null,
        plot: null,
        values: new Map(),
        drawn: [],
      };
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
      .filter((c) => c.values.size > 0)
      .map((c) => ({
        metric: c.spec.id,
        title: c.spec.title,
        unit: c.unit,
        xLabel: this.xLabel,
        lines: c.spec.lines
          .filter((l) => c.values.has(l.key))
          .map((l) => {
            const points = [...(c.values.get(l.key) as Map<number, number>)].sort((a, b) => a[0] - b[0]);
            return { label: l.label, rule: l.rule, x: points.map((p) => p[0]), y: points.map((p) => p[1]) };
          }),
      }));
  }

  /** The drawn charts: title, canvas and legend (for the PNG download). */
  pictures(): { title: string; canvas: HTMLCanvasElement; legend: { label: string; colour: string }[] }[] {
    return this.charts.flatMap((c) =>
      c.plot ? [{ title: c.spec.title, canvas: c.plot.ctx.canvas, legend: legendEntries(c.drawn) }] : [],
    );
  }

  /** The plot's size: the figure's width, a third as high (at least 180 px). */
  private size(c: Chart): { width: number; height: number } {
    const width = Math.max(200, Math.floor((c.box as HTMLElement).clientWidth - 4));
    return { width, height: c.spec.small ? 160 : Math.max(180, Math.round(width * 0.5)) };
  }

  /** Adds a point of `rule` (recorded, or averaged over seeds): every line of it with a finite value there. */
  add(rule: string, point: Record<string, number>): void {
    for (const c of this.charts)
      for (const line of c.spec.lines) {
        if (line.rule !== rule) continue;
        const v = lineValue(line, point);
        if (!Number.isFinite(v) || (c.spec.log && v <= 0)) continue;
        const s = c.values.get(line.key) ?? new Map<number, number>();
        c.values.set(line.key, s);
        s.set(point.step, v);
        this.dirty.add(c);
      }
    if (this.dirty.size)
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.redraw();
      });
  }

  private redraw(): void {
    // building or redrawing a uPlot chart costs tens of ms on a slow machine: one chart a
    // frame (the one waiting longest), so a frame never grows into a long task
    for (const c of [...this.dirty].slice(0, 1)) {
      const lines = c.spec.lines.filter((l) => c.values.has(l.key));
      if (lines.length !== c.drawn.length) this.build(c, lines);
      const all = [...new Set([...c.values.values()].flatMap((s) => [...s.keys()]))].sort((a, b) => a - b);
      const xs = thin(all);
      const ys = c.drawn.map((l) => xs.map((x) => c.values.get(l.key)?.get(x) ?? null));
      c.plot?.setData([xs, ...ys] as uPlot.AlignedData);
      const cursor = c.plot?.cursor;
      this.readout(c, cursor && (cursor.left ?? -1) >= 0 ? (cursor.idx ?? null) : null);
      const box = c.box as HTMLElement;
      box.dataset.points = String(all.length);
      box.dataset.lines = JSON.stringify(
        Object.fromEntries(lines.map((l) => [l.key, c.values.get(l.key)?.size])),
      );
      // each line's value at the last x it has: what a test reads a band's width from
      box.dataset.last = JSON.stringify(Object.fromEntries(c.drawn.map((l, i) => [l.key, lastValue(ys[i])])));
      this.dirty.delete(c);
    }
    if (this.dirty.size)
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.redraw();
      });
  }

  /** (Re)builds a chart's plot when lines gain their first point (a few times per run). */
  private build(c: Chart, lines: LineSpec[]): void {
    const { spec, unit } = c;
    if (!c.box) {
      c.readout = el('p', { class: 'readout-line', 'aria-live': 'off' });
      c.box = el(
        'figure',
        { class: spec.small ? 'chart small' : 'chart', 'data-metric': spec.id, 'data-unit': unit },
        el(
          'figcaption',
          {},
          spec.title,
          spec.note ? el('small', { class: 'note', text: ` — ${spec.note}` }) : null,
        ),
        el('ul', { class: 'legend' }),
        c.readout,
      );
      // in the experiment's order, whichever chart gets its first point first
      const next = this.charts.slice(this.charts.indexOf(c) + 1).find((o) => o.box);
      this.root.insertBefore(c.box, next?.box ?? null);
    }
    c.plot?.destroy();
    c.drawn = lines;
    (c.box.querySelector('.legend') as HTMLElement).replaceChildren(
      ...legendEntries(lines).map((e) =>
        el(
          'li',
          { 'data-rule': e.rule },
          el('span', {
            class: 'swatch-line',
            style: `border-top:3px ${e.dashed ? 'dashed' : 'solid'} ${e.colour}`,
            'aria-hidden': 'true',
          }),
          e.label,
        ),
      ),
      ...c.references.map((r) =>
        el(
          'li',
          { class: 'reference' },
          el('span', { class: 'swatch-line reference', 'aria-hidden': 'true' }),
          r.label,
        ),
      ),
    );
    const index = new Map(lines.map((l, i) => [l.key, i + 1]));
    const bands: uPlot.Band[] = [];
    for (const l of lines)
      if (l.band && l.band.times > 0) {
        const lower = index.get(`${l.rule} ${l.metric} -`);
        if (lower)
          bands.push({ series: [index.get(l.key) as number, lower], fill: `${ruleStyle(l.rule).colour}26` });
      }
    const tick = (v: number) => formatInUnit(v, unit, 2);
    const yLabel =
      unit === 'percent'
        ? `${spec.y.replace(/\s*\(fraction\)/, '')} (%)`
        : unit === 'degrees'
          ? `${spec.y.replace(/^degrees$/, 'angle')} (°)`
          : spec.y;
    const references = c.references;
    c.plot = new uPlot(
      {
        ...this.size(c),
        scales: {
          x: { time: false },
          y: {
            ...(spec.log ? { distr: 3 } : {}),
            // keep the paper's values in view
            range: (_u, min, max) => {
              const lo = Math.min(min, ...references.map((r) => r.value));
              const hi = Math.max(max, ...references.map((r) => r.value));
              if (spec.log) return [lo * 0.9, hi * 1.1];
              const pad = (hi - lo) * 0.05 || 1;
              return [lo - pad, hi + pad];
            },
          },
        },
        axes: [
          { label: this.xLabel, stroke: '#333' },
          {
            label: yLabel,
            size: 64,
            stroke: '#333',
            values: (_u: uPlot, ticks: number[]) => ticks.map((t) => (t == null ? '' : tick(t))),
          },
        ],
        series: [
          { label: this.xLabel },
          ...lines.map((l) => ({
            label: l.label,
            stroke: l.colour,
            width: l.width,
            dash: l.dash,
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
    const u = c.plot;
    if (!u || !c.readout) return;
    const xs = u.data[0] as number[];
    if (xs.length === 0) {
      c.readout.textContent = '';
      return;
    }
    const hovered = idx !== null && idx >= 0 && idx < xs.length;
    const parts: string[] = [];
    c.drawn.forEach((l, i) => {
      if (l.band) return;
      const ys = u.data[i + 1] as (number | null)[];
      const v = hovered ? ys[idx] : lastValue(ys);
      if (v !== null && v !== undefined) parts.push(`${l.label} ${formatInUnit(v, c.unit)}`);
    });
    const x = hovered ? xs[idx] : xs[xs.length - 1];
    const where = `${hovered ? '' : 'latest, '}${this.xLabel} ${formatInUnit(x, 'plain')}`;
    c.readout.textContent = `${where}: ${parts.join(' · ')}`;
  }
}

/** The legend: one entry per drawn curve, bands left out (their curve's entry stands for them). */
function legendEntries(
  lines: readonly LineSpec[],
): { rule: string; label: string; colour: string; dashed: boolean }[] {
  return lines
    .filter((l) => !l.band)
    .map((l) => ({ rule: l.rule, label: l.label, colour: l.colour, dashed: l.dash !== undefined }));
}

/** The paper's values as dashed grey lines across the plot, each labelled at its right end. */
function drawReferences(u: uPlot, references: readonly Reference[]): void {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.strokeStyle = '#555';
  ctx.fillStyle = '#333';
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
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
