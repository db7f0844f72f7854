import { EXPERIMENTS, ruleStyle } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { plotSvg } from './plot.js';

/** The legend of a rendered plot: label → the stroke of its symbol. */
function legendStrokes(svg: string): Map<string, string> {
  const entries = svg.matchAll(
    /role-legend-symbol[^>]*><path[^>]*stroke="(#[0-9a-fA-F]{6})"[\s\S]*?role-legend-label[^>]*><text[^>]*>([^<]+)<\/text>/g,
  );
  return new Map([...entries].map((m) => [m[2], m[1].toUpperCase()]));
}

describe('plotSvg', () => {
  // the demo's end-to-end suite checks its canvas against the same ruleStyle colours
  it('draws every rule of every experiment in its registry colour, ruleStyle(key).colour', async () => {
    const differ: string[] = [];
    for (const exp of Object.values(EXPERIMENTS)) {
      const rules = Object.keys(exp.rules);
      const results = Object.fromEntries(
        rules.map((r, i) => [r, { final: {}, curves: { step: [0, 1], nse: [1 + i, 2 + i] }, perSeed: {} }]),
      );
      const plot = { metric: 'nse', title: 'nse', yTitle: 'NSE', unit: 'plain' as const };
      const legend = legendStrokes((await plotSvg(exp.id, exp, plot, results)) ?? '');
      expect(legend.size, `${exp.id}: the legend lists every rule`).toBe(rules.length);
      // Vega cuts a long label short with '…'
      const drawn = (rule: string) =>
        [...legend].find(
          ([label]) => label === rule || (label.endsWith('…') && rule.startsWith(label.slice(0, -1))),
        )?.[1];
      for (const rule of rules)
        if (drawn(rule) !== ruleStyle(rule).colour.toUpperCase())
          differ.push(`${exp.id} ${rule}: ${drawn(rule)}, registry ${ruleStyle(rule).colour}`);
    }
    expect(differ).toEqual([]);
  });

  it('titles the y axis with its unit and draws the paper’s value as a grey dashed line', async () => {
    const exp = EXPERIMENTS.fig3a;
    const plot = exp.plots.find((p) => p.unit === 'percent' && p.reference?.length);
    if (!plot) throw new Error('fig3a has no test-error plot with a reference value');
    const results = { bp: { final: {}, curves: { step: [0, 1], [plot.metric]: [0.1, 0.05] }, perSeed: {} } };
    const svg = (await plotSvg('fig3a', exp, plot, results)) ?? '';
    expect(svg).toContain('test error (%)');
    expect(svg).toMatch(/stroke="#666666"[^>]*stroke-dasharray="4,4"/);
  });
});
