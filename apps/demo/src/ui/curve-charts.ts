import type { PlotSpec } from '@rfa/experiments';
import { ruleStyle } from '@rfa/experiments';
import uPlot from 'uplot';
import { type ChartSpec, chartSpecs, type LineSpec, lineValue } from './chart-layout.js';
import { el } from './dom.js';

/** Points drawn per line at most: longer curves are thinned evenly (the latest point kept). */
const MAX_POINTS = 1000;

interface Chart {
  spec: ChartSpec;
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

  /** Starts over for a new run of an experiment with these plots and rules, over `seeds` seeds. */
  reset(plots: readonly PlotSpec[], rules: string[], xLabel: string, seeds = 1): void {
    for (const c of this.charts) c.plot?.destroy();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.dirty.clear();
    this.root.replaceChildren();
    this.xLabel = xLabel;
    this.charts = chartSpecs(plots, rules, seeds).map((spec) => ({
      spec,
      box: null,
      plot: null,
      values: new Map(),
      drawn: [],
    }));
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
    const { spec } = c;
    if (!c.box) {
      c.box = el(
        'figure',
        { class: spec.small ? 'chart small' : 'chart', 'data-metric': spec.id },
        el(
          'figcaption',
          {},
          spec.title,
          spec.note ? el('small', { class: 'note', text: ` — ${spec.note}` }) : null,
        ),
      );
      // in the experiment's order, whichever chart gets its first point first
      const next = this.charts.slice(this.charts.indexOf(c) + 1).find((o) => o.box);
      this.root.insertBefore(c.box, next?.box ?? null);
    }
    c.plot?.destroy();
    c.drawn = lines;
    const index = new Map(lines.map((l, i) => [l.key, i + 1]));
    const bands: uPlot.Band[] = [];
    for (const l of lines)
      if (l.band && l.band.times > 0) {
        const lower = index.get(`${l.rule} ${l.metric} -`);
        if (lower)
          bands.push({ series: [index.get(l.key) as number, lower], fill: `${ruleStyle(l.rule).colour}26` });
      }
    const wide = Math.min(560, Math.max(320, this.root.clientWidth / 2 - 24));
    c.plot = new uPlot(
      {
        width: spec.small ? 320 : wide,
        height: spec.small ? 160 : 240,
        scales: { x: { time: false }, y: spec.log ? { distr: 3 } : {} },
        axes: [
          { label: this.xLabel },
          {
            label: spec.y,
            size: 70,
            ...(spec.log
              ? {
                  values: (_u: uPlot, ticks: number[]) =>
                    ticks.map((t) => (t == null ? '' : t.toExponential(0))),
                }
              : {}),
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
        legend: { show: true },
      },
      [[], ...lines.map(() => [])] as uPlot.AlignedData,
      c.box,
    );
  }
}
