import { getExperiment, ruleStyle } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';

const ruleColour = (rule: string) => ruleStyle(rule).colour;

import { SeedPoints, seedSdKey } from '../app/seed-points.js';
import { chartSpecs, lineValue } from './chart-layout.js';

const chart = (experiment: string, rules: string[], id: string, seeds = 1) => {
  const spec = chartSpecs(getExperiment(experiment).plots, rules, seeds).find((c) => c.id === id);
  if (!spec) throw new Error(`${experiment} has no ${id} chart`);
  return spec;
};

describe('chartSpecs', () => {
  it('fig3d: the 4-layer net’s lower-layer angle is its own dashed line in the rule’s colour', () => {
    const lines = chart('fig3d', ['bp', 'fa', 'fa-4layer'], 'deltaAngle').lines;
    const top = lines.find((l) => l.key === 'fa-4layer deltaAngle');
    const lower = lines.find((l) => l.key === 'fa-4layer deltaAngle1');
    expect(top?.colour).toBe(ruleColour('fa'));
    expect(lower?.colour).toBe(ruleColour('fa'));
    expect(lower?.dash).toBeDefined();
    expect(lower?.dash).not.toEqual(top?.dash);
    expect(lines.some((l) => l.rule === 'bp')).toBe(false); // the plot names its rules
  });

  it('every rule keeps one colour in every chart', () => {
    for (const id of ['fig2', 'fig3a', 'fig3d', 'fig5']) {
      const exp = getExperiment(id);
      for (const c of chartSpecs(exp.plots, Object.keys(exp.rules)))
        for (const l of c.lines) expect(l.colour.slice(0, 7)).toBe(ruleColour(l.rule));
    }
  });

  it('fig2: the angle carries a ±2 s.d. band from the 10-example spread', () => {
    const lines = chart('fig2', ['bp', 'fa'], 'deltaAngle').lines.filter((l) => l.rule === 'fa');
    expect(lines.map((l) => l.key)).toEqual(['fa deltaAngle', 'fa deltaAngle +', 'fa deltaAngle -']);
    const point = { step: 5, deltaAngle: 40, deltaAngleSd10: 3 };
    expect(lines.map((l) => lineValue(l, point))).toEqual([40, 46, 34]);
  });

  it('fig3d with 3 seeds: NSE is the mean with a ±1 s.d. band over seeds, and says n', () => {
    const nse = chart('fig3d', ['bp', 'fa'], 'nse', 3);
    const fa = nse.lines.filter((l) => l.rule === 'fa');
    expect(fa.map((l) => l.key)).toEqual(['fa nse', 'fa nse +', 'fa nse -']);
    expect(fa[1].label).toBe('fa +1 s.d. over seeds');
    expect(nse.note).toMatch(/^mean of n = 3 seeds/);
    // seeds 1, 2, 3 recorded 1, 2, 3 at step 10: mean 2, s.d. 1
    const points = new SeedPoints();
    const mean = [1, 2, 3].map((v, i) => points.add('fa', i + 1, { step: 10, nse: v }))[2];
    expect(fa.map((l) => lineValue(l, mean))).toEqual([2, 3, 1]);
    // the band's spread is the s.d. over seeds, not a recorded metric
    expect(fa[1].band?.spread).toBe(seedSdKey('nse'));
    // a plot without a seed band gets the mean only
    expect(chart('fig3d', ['fa'], 'weightAngle', 3).lines.some((l) => l.band)).toBe(false);
  });

  it('one seed: no band over seeds, and the caption says why', () => {
    const nse = chart('fig3d', ['bp', 'fa'], 'nse');
    expect(nse.lines.map((l) => l.key)).toEqual(['bp nse', 'fa nse']);
    expect(nse.note).toMatch(/one seed/);
    expect(chart('fig3d', ['fa'], 'weightAngle').note).toBeUndefined();
    // fig2's band is a recorded spread: there with one seed as with several
    expect(chart('fig2', ['fa'], 'deltaAngle', 2).lines.map((l) => l.band?.spread)).toEqual([
      undefined,
      'deltaAngleSd10',
      'deltaAngleSd10',
    ]);
  });

  it('W vs B⁺ beside W vs Bᵀ, and a small eᵀWBe > 0 share plot, from the definitions', () => {
    const weights = chart('fig3d', ['fa-4layer'], 'weightAngle').lines.map((l) => l.metric);
    expect(weights).toEqual(['weightAngle', 'weightAngle1', 'pinvAngle']);
    expect(chart('fig2', ['fa'], 'weightAngle').lines.map((l) => l.metric)).toEqual([
      'weightAngle',
      'pinvAngle',
    ]);
    const share = chart('fig2', ['bp', 'fa'], 'eWBePositive');
    expect(share.small).toBe(true);
    expect(share.lines.map((l) => l.rule)).toEqual(['fa']);
    // fig3a plots the share itself: not twice
    expect(
      chartSpecs(getExperiment('fig3a').plots, ['fa']).filter((c) => c.id === 'eWBePositive'),
    ).toHaveLength(1);
  });
});
