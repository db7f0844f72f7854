import type { RankedRow } from '@rfa/sweeps';
import { formatValue } from '../../report/table.js';

/**
 * The rows of a sweep, best first: rank, rule, settings, mean ± s.d. (n) of the ranked metric;
 * a cell of one seed shows its value alone (the s.d. of one value is undefined).
 */
export function rankingTable(ranking: readonly RankedRow[], metric: string): string {
  const header = ['rank', 'rule', 'settings', `${metric} mean ± s.d.`, 'n'];
  const rows = ranking.map((r) => [
    String(r.rank),
    r.rule,
    r.label.slice(r.rule.length).trim() || '—',
    r.n === 1 ? formatValue(metric, r.mean) : `${formatValue(metric, r.mean)} ± ${formatValue(metric, r.sd)}`,
    String(r.n),
  ]);
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(width[i]))
      .join('  ')
      .trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
