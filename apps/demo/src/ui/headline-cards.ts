import { formatInUnit, type PlotUnit } from '@rfa/experiments';
import { el } from './dom.js';
import { ruleSwatch, type StyledRule } from './rule-swatch.js';

/** The headline numbers, in order: the first a rule has of `score` is its big number. */
const SCORES: { metric: string; label: string; unit: PlotUnit }[] = [
  { metric: 'testError', label: 'test error', unit: 'percent' },
  { metric: 'nse', label: 'NSE', unit: 'plain' },
];
/** The smaller numbers under it; '–' for a rule without the metric (backprop has no B). */
const DETAILS: { metric: string; label: string; unit: PlotUnit; digits: number }[] = [
  { metric: 'deltaAngle', label: 'δ vs backprop', unit: 'degrees', digits: 2 },
  { metric: 'weightAngle', label: 'W vs Bᵀ', unit: 'degrees', digits: 2 },
  { metric: 'normRatio', label: '‖B‖/‖W‖', unit: 'plain', digits: 3 },
];

/**
 * One card per rule with its latest numbers, large: the score (test error in percent, or
 * the normalised squared error), the angle between its error signal and backprop's, and
 * the top layer's W against the rule's own current feedback (the angle to Bᵀ and ‖B‖/‖W‖,
 * for every rule that reports them: FA's B, Kolen–Pollack's K, sign symmetry's sign(W), the
 * top D of DFA). Written a few times a second.
 */
export class HeadlineCards {
  private latest = new Map<string, Record<string, number>>();
  private cards = new Map<string, HTMLElement>();

  constructor(private readonly root: HTMLElement) {}

  reset(rules: StyledRule[]): void {
    this.latest = new Map(rules.map((r) => [r.rule, {}]));
    this.cards = new Map(
      rules.map((r) => [
        r.rule,
        el(
          'div',
          { class: 'headline-card', 'data-rule': r.rule, style: `border-top-color:${r.colour}` },
          el('span', { class: 'rule-name' }, ruleSwatch(r.rule, r), r.rule),
          el('span', { class: 'score', text: '–' }),
          el('span', { class: 'score-label', text: 'waiting for the first evaluation' }),
          el(
            'dl',
            {},
            ...DETAILS.flatMap((a) => [
              el('dt', { text: a.label }),
              el('dd', { 'data-metric': a.metric, text: '–' }),
            ]),
          ),
        ),
      ]),
    );
    this.root.replaceChildren(...this.cards.values());
  }

  /** Keeps a rule's latest finite value of each metric. */
  add(rule: string, point: Record<string, number>): void {
    const latest = this.latest.get(rule);
    if (!latest) return;
    for (const [k, v] of Object.entries(point)) if (Number.isFinite(v)) latest[k] = v;
  }

  render(): void {
    for (const [rule, card] of this.cards) {
      const latest = this.latest.get(rule) ?? {};
      const score = SCORES.find((s) => Number.isFinite(latest[s.metric]));
      if (score) {
        set(card.querySelector('.score'), formatInUnit(latest[score.metric], score.unit));
        set(card.querySelector('.score-label'), score.label);
        card.dataset.score = String(latest[score.metric]);
      }
      for (const d of DETAILS)
        set(
          card.querySelector(`dd[data-metric="${d.metric}"]`),
          formatInUnit(latest[d.metric], d.unit, d.digits),
        );
    }
  }
}

const set = (node: Element | null, text: string) => {
  if (node && node.textContent !== text) node.textContent = text;
};
