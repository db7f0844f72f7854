import { type PlotSpec, ruleStyle } from '@rfa/experiments';
import { seedSdKey } from '../app/seed-points.js';

/** One line of a chart: a rule's metric, or an edge of its band (metric ± times × spread). */
export interface LineSpec {
  /** Unique in its chart: `rule metric`, with `+`/`-` for a band's edges. */
  key: string;
  rule: string;
  metric: string;
  label: string;
  colour: string;
  dash?: number[];
  width: number;
  /** A band edge: `metric + times × point[spread]` (times negative for the lower edge). */
  band?: { spread: string; times: number };
}

/** One chart of the page. */
export interface ChartSpec {
  /** The plot's metric (the figure's `data-metric`). */
  id: string;
  title: string;
  /** What the curves are over several seeds, for the caption ('mean of n = 3 seeds …'). */
  note?: string;
  y: string;
  log: boolean;
  /** A side plot, drawn smaller. */
  small: boolean;
  lines: LineSpec[];
}

/** Dashes of a plot's second and third metric (a lower layer, W vs B⁺), after the rule's own. */
const METRIC_DASHES = [
  [2, 3],
  [8, 3, 2, 3],
];

/** The spread a plot's band is drawn from: a recorded metric, or the s.d. over seeds (with 2 or more). */
function bandSpread(p: PlotSpec, metric: string, seeds: number): { spread: string; times: number } | null {
  if (!p.band) return null;
  if ('metric' in p.band) return { spread: p.band.metric, times: p.band.times };
  return seeds > 1 ? { spread: seedSdKey(metric), times: p.band.times } : null;
}

/**
 * The page's charts for an experiment's plots (the report's): one colour per rule; a plot's
 * further metrics (a 4-layer net's lower layer) dashed in the rule's colour; a band as its
 * two thin edges, from a recorded spread (Fig. 2b's ±2 s.d. over 10 examples) or, with
 * `seeds` > 1, from the s.d. over seeds (Fig. 3b's ±1 s.d.) around the mean over seeds (the
 * points of `SeedPoints`). The share of examples with eᵀWBe > 0 is drawn small. Only rules
 * of the run appear; a chart shows once it has a point.
 */
export function chartSpecs(plots: readonly PlotSpec[], rules: readonly string[], seeds = 1): ChartSpec[] {
  return plots.map((p) => {
    const metrics = p.series ?? [{ metric: p.metric, label: '' }];
    const lines: LineSpec[] = [];
    for (const rule of rules.filter((r) => !p.rules || p.rules.includes(r))) {
      const { colour, dash: own } = ruleStyle(rule);
      const width = own ? 1.5 : 2;
      metrics.forEach((m, k) => {
        const label = m.label ? `${rule} · ${m.label}` : rule;
        const dash = k === 0 ? own : METRIC_DASHES[Math.min(k, METRIC_DASHES.length) - 1];
        lines.push({ key: `${rule} ${m.metric}`, rule, metric: m.metric, label, colour, dash, width });
        const band = k === 0 ? bandSpread(p, m.metric, seeds) : null;
        if (!band) return;
        const { spread, times } = band;
        const over = spread === seedSdKey(m.metric) ? ' over seeds' : '';
        for (const sign of [1, -1])
          lines.push({
            key: `${rule} ${m.metric} ${sign > 0 ? '+' : '-'}`,
            rule,
            metric: m.metric,
            label: `${rule} ${sign > 0 ? '+' : '−'}${times} s.d.${over}`,
            colour: `${colour}99`,
            width: 1,
            band: { spread, times: sign * times },
          });
      });
    }
    // several seeds: every curve is their mean (the title says where a band is over seeds)
    const note =
      seeds > 1
        ? `mean of n = ${seeds} seeds (at each point, of the seeds that have reached it)`
        : p.band && 'seeds' in p.band
          ? 'one seed: no band over seeds (set Seeds to 2 or more)'
          : undefined;
    return {
      id: p.metric,
      title: p.title,
      note,
      y: p.yTitle,
      log: p.logY ?? false,
      small: p.metric === 'eWBePositive',
      lines,
    };
  });
}

/** A line's value at a recorded point (NaN where the point lacks it). */
export function lineValue(line: LineSpec, point: Record<string, number>): number {
  const v = point[line.metric] ?? Number.NaN;
  return line.band ? v + line.band.times * (point[line.band.spread] ?? Number.NaN) : v;
}
