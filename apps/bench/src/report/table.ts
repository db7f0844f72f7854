import type { AggregateRun, Stat } from '@rfa/experiments';

const METRIC_FORMAT: Record<string, (v: number) => string> = {
  testError: (v) => `${(100 * v).toFixed(2)}%`,
  nse: (v) => (Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toFixed(4)),
  deltaAngle: (v) => `${v.toFixed(1)}°`,
  weightAngle: (v) => `${v.toFixed(1)}°`,
  perNeuronAngle: (v) => `${v.toFixed(1)}°`,
  deltaAngle1: (v) => `${v.toFixed(1)}°`,
  weightAngle1: (v) => `${v.toFixed(1)}°`,
  pinvAngle: (v) => `${v.toFixed(1)}°`,
  updateAngle: (v) => `${v.toFixed(1)}°`,
  updateAngle1: (v) => `${v.toFixed(1)}°`,
  eWBePositive: (v) => `${(100 * v).toFixed(1)}%`,
  phase1Drop: (v) => `${(100 * v).toFixed(1)}%`,
  phase2Drop: (v) => `${(100 * v).toFixed(1)}%`,
  phase3Drop: (v) => `${(100 * v).toFixed(1)}%`,
};

export const formatValue = (metric: string, v: number): string =>
  Number.isFinite(v) ? (METRIC_FORMAT[metric] ?? ((x: number) => x.toPrecision(4)))(v) : '—';

/**
 * Mean ± s.d. (n) of one metric over seeds. One seed has no spread (its s.d. is undefined,
 * not zero), so it prints the value and n alone: `4.14% (n=1)`.
 */
function formatStat(metric: string, s: Stat | undefined): string {
  if (!s || s.n === 0) return '—';
  const mean = formatValue(metric, s.mean);
  if (s.n === 1) return `${mean} (n=1)`;
  const sd = formatValue(metric, s.sd);
  // a shared unit (%, °) is written once, after the s.d.
  const unit = /[%°]$/.test(mean) ? mean.slice(-1) : '';
  return `${unit ? mean.slice(0, -1) : mean} ± ${sd}${unit && !sd.endsWith(unit) ? unit : ''} (n=${s.n})`;
}

/** A plain-text table: one row per rule, mean ± s.d. per metric, the paper's value beside it. */
export function resultsTable(
  results: Record<string, AggregateRun>,
  metrics: string[],
  paper: Record<string, Record<string, number>>,
): string {
  const header = ['rule', ...metrics.flatMap((m) => [m, `paper ${m}`])];
  const rows = Object.entries(results).map(([rule, r]) => [
    rule,
    ...metrics.flatMap((m) => [
      formatStat(m, r.final[m]),
      paper[rule]?.[m] !== undefined ? formatValue(m, paper[rule][m]) : '',
    ]),
  ]);
  const keep = header.map(
    (_, i) => i === 0 || rows.some((r) => r[i] !== '' && r[i] !== '—') || !header[i].startsWith('paper'),
  );
  const cols = header.map((_, i) => i).filter((i) => keep[i]);
  const width = cols.map((i) => Math.max(header[i].length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cols.map((i, k) => cells[i].padEnd(width[k])).join('  ');
  return [line(header), cols.map((_, k) => '-'.repeat(width[k])).join('  '), ...rows.map(line)].join('\n');
}
