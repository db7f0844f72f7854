import type { AggregateRun, Stat } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { rankingTable } from '../commands/sweep/ranking-table.js';
import { resultsTable } from './table.js';

const run = (final: Record<string, Stat>): AggregateRun => ({ final }) as unknown as AggregateRun;

/** The cell of `rule`'s row under the header `column` (columns are separated by two spaces or more). */
function cell(table: string, rule: string, column: string): string {
  const lines = table.split('\n');
  const header = lines[0].split(/ {2,}/);
  const row = lines.find((l) => l.startsWith(`${rule} `));
  if (!row) throw new Error(`no row ${rule} in\n${table}`);
  return row.split(/ {2,}/)[header.indexOf(column)].trim();
}

describe('resultsTable', () => {
  it('prints mean ± s.d. (n) over several seeds, the unit written once', () => {
    // three seeds 0.040, 0.0414, 0.043: mean 0.0414667, sample s.d. 0.0015011
    const t = resultsTable(
      { fa: run({ testError: { mean: 0.0414667, sd: 0.0015011, n: 3 } }) },
      ['testError'],
      {
        fa: { testError: 0.021 },
      },
    );
    expect(cell(t, 'fa', 'testError')).toBe('4.15 ± 0.15% (n=3)');
    expect(cell(t, 'fa', 'paper testError')).toBe('2.10%');
  });

  it('prints one seed as its value and n, without a spread', () => {
    const t = resultsTable(
      {
        fa: run({
          testError: { mean: 0.0414, sd: 0, n: 1 },
          deltaAngle: { mean: 48.25, sd: Number.NaN, n: 1 },
        }),
        bp: run({ testError: { mean: 0.0398, sd: 0.0012, n: 2 }, deltaAngle: { mean: 0, sd: 0, n: 2 } }),
      },
      ['testError', 'deltaAngle'],
      {},
    );
    expect(cell(t, 'fa', 'testError')).toBe('4.14% (n=1)');
    expect(cell(t, 'fa', 'deltaAngle')).toBe('48.3° (n=1)');
    expect(cell(t, 'bp', 'testError')).toBe('3.98 ± 0.12% (n=2)');
    expect(t).not.toContain('± 0.00%');
  });

  it('prints a dash where no seed reported the metric', () => {
    const t = resultsTable({ fa: run({ nse: { mean: Number.NaN, sd: Number.NaN, n: 0 } }) }, ['nse'], {});
    expect(cell(t, 'fa', 'nse')).toBe('—');
  });
});

describe('rankingTable', () => {
  it('shows a one-seed cell as its value alone and keeps mean ± s.d. for more', () => {
    const t = rankingTable(
      [
        { rank: 1, label: 'fa lr=0.1', rule: 'fa', cell: {}, mean: 0.0201, sd: 0.0011, n: 5 },
        { rank: 2, label: 'bp lr=0.1', rule: 'bp', cell: {}, mean: 0.0414, sd: 0, n: 1 },
      ],
      'testError',
    );
    const [, , first, second] = t.split('\n');
    expect(first.split(/ {2,}/)).toEqual(['1', 'fa', 'lr=0.1', '2.01% ± 0.11%', '5']);
    expect(second.split(/ {2,}/)).toEqual(['2', 'bp', 'lr=0.1', '4.14%', '1']);
  });
});
