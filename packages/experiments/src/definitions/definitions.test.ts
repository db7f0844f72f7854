import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import type { Experiment } from '../experiment.js';
import { estimateMemoryBytes } from '../memory-estimate.js';
import { EXPERIMENTS } from '../registry.js';

const experiments = Object.values(EXPERIMENTS as Record<string, Experiment>);

describe('what every definition tells the apps', () => {
  it.each(experiments.map((e) => [e.id, e] as const))(
    '%s: caption, x unit, widths, a valid browser preset',
    (_, exp) => {
      expect(exp.caption.length).toBeGreaterThan(40);
      expect(exp.xUnit).toMatch(/^(step|epoch)$/);
      const config = resolveConfig(exp, { overrides: exp.browser.overrides });
      const widths = exp.layerWidths(config);
      expect(widths.length).toBeGreaterThanOrEqual(3);
      for (const w of widths) expect(Number.isInteger(w) && w > 0).toBe(true);
      // the browser preset fits a tab with every rule side by side (the demo's 1.5 GiB budget)
      expect(estimateMemoryBytes(exp, config, Object.keys(exp.rules))).toBeLessThan(1.5 * 2 ** 30);
    },
  );

  it.each(experiments.map((e) => [e.id, e] as const))(
    '%s: plots name only its rules, each with a unit',
    (_, exp) => {
      for (const plot of exp.plots) {
        expect(['percent', 'degrees', 'plain']).toContain(plot.unit);
        for (const r of plot.rules ?? []) expect(Object.keys(exp.rules)).toContain(r);
        if (plot.unit === 'degrees')
          expect(plot.reference).toEqual([{ value: 90, label: '90°: no alignment' }]);
      }
    },
  );

  it("draws the paper's test errors as reference lines: 1.8% (Fig. 4), FA 2.1% and BP 2.4% (Fig. 3a)", () => {
    const testError = (id: 'fig3a' | 'fig4') =>
      EXPERIMENTS[id].plots.find((p) => p.metric === 'testError')?.reference?.map((r) => r.value);
    expect(testError('fig4')).toEqual([0.018]);
    expect(testError('fig3a')).toEqual([0.021, 0.024]);
    expect(testError('fig3a')).toEqual([
      EXPERIMENTS.fig3a.paper.fa.testError,
      EXPERIMENTS.fig3a.paper.bp.testError,
    ]);
  });
});
