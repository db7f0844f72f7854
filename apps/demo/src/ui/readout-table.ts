import { ruleColour } from '../app/palette.js';
import type { RuleEnd } from '../worker/api.js';
import { el, formatNumber } from './dom.js';

const METRICS = ['nse', 'testError', 'deltaAngle', 'weightAngle', 'perNeuronAngle'];
const FIRST = 3;

/**
 * The latest numbers of each rule (points recorded, each metric, how it ended) and the
 * first recorded points: what a shared link must reproduce.
 */
export class ReadoutTable {
  private rows = new Map<string, { points: number; latest: Record<string, number>; first: string[] }>();

  constructor(private readonly root: HTMLElement) {}

  reset(rules: string[]): void {
    this.rows = new Map(rules.map((r) => [r, { points: 0, latest: {}, first: [] }]));
    this.render();
  }

  add(rule: string, point: Record<string, number>): void {
    const row = this.rows.get(rule);
    if (!row) return;
    row.points++;
    for (const m of METRICS) if (Number.isFinite(point[m])) row.latest[m] = point[m];
    const main = Number.isFinite(point.nse) ? point.nse : point.testError;
    if (row.first.length < FIRST && Number.isFinite(main)) row.first.push(formatNumber(main));
  }

  end(e: RuleEnd): void {
    const cell = this.root.querySelector<HTMLElement>(`tr[data-rule="${e.rule}"] td[data-metric="end"]`);
    if (cell)
      cell.textContent = e.divergence
        ? `stopped: diverged at ${formatNumber(e.divergence.atStep)} (${e.divergence.reason}); weights from ${formatNumber(e.divergence.restoredFromStep)} kept`
        : 'done';
    if (cell && e.divergence) cell.classList.add('warning');
  }

  /** Writes the numbers into the table (called a few times a second). */
  render(): void {
    let body = this.root.querySelector('tbody');
    if (!body) {
      this.root.replaceChildren(
        el(
          'table',
          { class: 'readout' },
          el('caption', { text: 'Numbers, as recorded' }),
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
          el(
            'th',
            { scope: 'row' },
            el('span', { class: 'swatch', style: `background:${ruleColour(rule)}` }),
            rule,
          ),
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
      for (const m of METRICS) set(m, formatNumber(row.latest[m]));
      set('first', row.first.join(', '));
    }
  }
}
