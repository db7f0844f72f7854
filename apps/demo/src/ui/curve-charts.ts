import uPlot from 'uplot';
import { ruleColour, ruleDash } from '../app/palette.js';
import { el } from './dom.js';

/** The curves the page plots, when a run records them, and how. */
const CHARTS: { metric: string; title: string; y: string; log?: boolean }[] = [
  { metric: 'nse', title: 'Held-out NSE (Fig. 2a)', y: 'NSE', log: true },
  { metric: 'testError', title: 'Test error (Fig. 3a)', y: 'test error', log: true },
  {
    metric: 'deltaAngle',
    title: 'Angle between each rule’s hidden teaching signal and backprop’s (Fig. 2b, 3b)',
    y: 'degrees',
  },
  { metric: 'weightAngle', title: 'Angle between W and Bᵀ', y: 'degrees' },
  { metric: 'perNeuronAngle', title: 'Per-neuron forward/feedback angle, mean (Fig. 5a)', y: 'degrees' },
];

interface Chart {
  plot: uPlot;
  box: HTMLElement;
  /** Per rule: x → y. */
  series: Map<string, Map<number, number>>;
}

/** Streaming uPlot charts, one per recorded metric, one series (and colour) per rule. */
export class CurveCharts {
  private charts = new Map<string, Chart>();
  private dirty = new Set<string>();
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private rules: string[] = [],
    private xLabel = 'step',
  ) {}

  /** Starts over for a new run. */
  reset(rules: string[], xLabel: string): void {
    for (const c of this.charts.values()) c.plot.destroy();
    this.charts.clear();
    this.root.replaceChildren();
    this.rules = rules;
    this.xLabel = xLabel;
  }

  /** Adds a recorded point of `rule`; every finite metric of it that the page plots. */
  add(rule: string, point: Record<string, number>): void {
    for (const def of CHARTS) {
      const v = point[def.metric];
      if (!Number.isFinite(v) || (def.log && v <= 0)) continue;
      const chart = this.charts.get(def.metric) ?? this.create(def);
      const s = chart.series.get(rule) ?? new Map<number, number>();
      chart.series.set(rule, s);
      s.set(point.step, v);
      this.dirty.add(def.metric);
    }
    this.frame ||= requestAnimationFrame(() => this.redraw());
  }

  /** Points recorded for `rule` on `metric`'s chart. */
  count(metric: string, rule: string): number {
    return this.charts.get(metric)?.series.get(rule)?.size ?? 0;
  }

  private create(def: (typeof CHARTS)[number]): Chart {
    const box = el(
      'figure',
      { class: 'chart', 'data-metric': def.metric },
      el('figcaption', { text: def.title }),
    );
    this.root.append(box);
    const width = Math.min(560, Math.max(320, this.root.clientWidth / 2 - 24));
    const plot = new uPlot(
      {
        width,
        height: 240,
        scales: { x: { time: false }, y: def.log ? { distr: 3 } : {} },
        axes: [
          { label: this.xLabel },
          {
            label: def.y,
            size: 70,
            ...(def.log
              ? {
                  values: (_u: uPlot, ticks: number[]) =>
                    ticks.map((t) => (t == null ? '' : t.toExponential(0))),
                }
              : {}),
          },
        ],
        series: [
          { label: this.xLabel },
          ...this.rules.map((r) => ({
            label: r,
            stroke: ruleColour(r),
            width: 2,
            dash: ruleDash(r),
            spanGaps: true,
            points: { show: false },
          })),
        ],
        legend: { show: true },
      },
      [[], ...this.rules.map(() => [])] as uPlot.AlignedData,
      box,
    );
    const chart = { plot, box, series: new Map() };
    this.charts.set(def.metric, chart);
    return chart;
  }

  private redraw(): void {
    this.frame = 0;
    for (const metric of this.dirty) {
      const c = this.charts.get(metric);
      if (!c) continue;
      const xs = [...new Set([...c.series.values()].flatMap((s) => [...s.keys()]))].sort((a, b) => a - b);
      const ys = this.rules.map((r) => xs.map((x) => c.series.get(r)?.get(x) ?? null));
      c.plot.setData([xs, ...ys] as uPlot.AlignedData);
      c.box.dataset.points = String(xs.length);
    }
    this.dirty.clear();
  }
}
