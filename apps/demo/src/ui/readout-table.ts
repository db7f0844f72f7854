import type { AggregateRun } from '@rfa/experiments';
import { finalsOverSeeds } from '../app/seed-points.js';
import type { RuleEnd } from '../worker/api.js';
import { el, formatNumber, formatStat } from './dom.js';
import { ruleSwatch } from './rule-swatch.js';

const METRICS = ['nse', 'testError', 'deltaAngle', 'weightAngle', 'perNeuronAngle'];
const FIRST = 3;

interface Row {
  /** Points recorded, all seeds together. */
  points: number;
  /** The running seed's latest value of each metric. */
  latest: Record<string, number>;
  /** The first seed's first numbers. */
  first: string[];
  firstSeed?: number;
  /** With several seeds, once one has ended: the final metrics over the seeds ended. */
  finals?: AggregateRun;
}

/**
 * The latest numbers of each rule (points recorded, each metric, how it ended) and the
 * first recorded points: what a shared link must reproduce. With several seeds, the
 * metrics become the final ones over the seeds ended so far, as mean ± s.d. (n), once
 * the first has ended (the charts show the running seed live).
 */
export class ReadoutTable {
  private rows = new Map<string, Row>();
  private ends: RuleEnd[] = [];
  private seeds = 1;

  constructor(private readonly root: HTMLElement) {}

  reset(rules: string[], seeds = 1): void {
    this.rows = new Map(rules.map((r) => [r, { points: 0, latest: {}, first: [] }]));
    this.ends = [];
    this.seeds = seeds;
    this.root.replaceChildren();
    this.render();
  }

  add(rule: string, seed: number, point: Record<string, number>): void {
    const row = this.rows.get(rule);
    if (!row) return;
    row.points++;
    for (const m of METRICS) if (Number.isFinite(point[m])) row.latest[m] = point[m];
    row.firstSeed ??= seed;
    const main = Number.isFinite(point.nse) ? point.nse : point.testError;
    if (seed === row.firstSeed && row.first.length < FIRST && Number.isFinite(main))
      row.first.push(formatNumber(main));
  }

  end(e: RuleEnd): void {
    const cell = this.root.querySelector<HTMLElement>(`tr[data-rule="${e.rule}"] td[data-metric="end"]`);
    if (this.seeds === 1) {
      if (cell)
        cell.textContent = e.divergence
          ? `stopped: diverged at ${formatNumber(e.divergence.atStep)} (${e.divergence.reason}); weights from ${formatNumber(e.divergence.restoredFromStep)} kept`
          : 'done';
      if (cell && e.divergence) cell.classList.add('warning');
      return;
    }
    this.ends.push(e);
    const finals = finalsOverSeeds(this.ends.filter((x) => x.rule === e.rule))[e.rule];
    const row = this.rows.get(e.rule);
    if (row) row.finals = finals;
    const ended = this.ends.filter((x) => x.rule === e.rule).length;
    const diverged = (finals.diverged ?? []).map(
      (d) => `seed ${d.seed} diverged at ${formatNumber(d.atStep)} (${d.reason})`,
    );
    if (cell) {
      cell.textContent = [
        ended < this.seeds ? `${ended} of ${this.seeds} seeds done` : `done (${this.seeds} seeds)`,
        ...diverged,
      ].join('; ');
      cell.classList.toggle('warning', diverged.length > 0);
    }
    this.render();
  }

  /** Writes the numbers into the table (called a few times a second). */
  render(): void {
    let body = this.root.querySelector('tbody');
    if (!body) {
      this.root.replaceChildren(
        el(
          'table',
          { class: 'readout' },
          el('caption', {
            text:
              this.seeds > 1
                ? `Numbers, as recorded; once a seed has ended, final metrics as mean ± s.d. over the seeds ended (n of ${this.seeds} seeds)`
                : 'Numbers, as recorded',
          }),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...[
                'rule',
                'points',
                'NSE',
                'test error',
                'δ angle (°)',
                'W–Bᵀ angle (°)',
                'per-neuron (°)',
                'first numbers',
                'status',
              ].map((t) => el('th', { scope: 'col', text: t })),
            ),
          ),
          el('tbody'),
        ),
      );
      body = this.root.querySelector('tbody') as HTMLTableSectionElement;
    }
    for (const [rule, row] of this.rows) {
      let tr = body.querySelector<HTMLElement>(`tr[data-rule="${rule}"]`);
      if (!tr) {
        tr = el(
          'tr',
          { 'data-rule': rule },
          el('th', { scope: 'row' }, ruleSwatch(rule), rule),
          el('td', { 'data-metric': 'points' }),
          ...METRICS.map((m) => el('td', { 'data-metric': m })),
          el('td', { 'data-metric': 'first' }),
          el('td', { 'data-metric': 'end', text: 'running' }),
        );
        body.append(tr);
      }
      const set = (m: string, text: string) => {
        const td = tr.querySelector(`td[data-metric="${m}"]`);
        if (td && td.textContent !== text) td.textContent = text;
      };
      set('points', String(row.points));
      for (const m of METRICS) {
        const final = row.finals?.final[m];
        set(m, final && final.n > 0 ? formatStat(final) : formatNumber(row.latest[m]));
      }
      set('first', row.first.join(', '));
    }
  }
}
