import { getExperiment } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { ruleColour } from '../app/palette.js';
import { chartSpecs, lineValue } from './chart-layout.js';

const chart = (experiment: string, rules: string[], id: string) => {
  const spec = chartSpecs(getExperiment(experiment).plots, rules).find((c) => c.id === id);
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

  it('W vs B⁺ beside W vs Bᵀ, and a small eᵀWBe > 0 share plot, where the plots leave them out', () => {
    const weights = chart('fig3d', ['fa-4layer'], 'weightAngle').lines.map((l) => l.metric);
    expect(weights).toEqual(['weightAngle', 'weightAngle1', 'pinvAngle']);
    expect(chart('fig2', ['fa'], 'weightAngle').lines.map((l) => l.metric)).toEqual([
      'weightAngle',
      'pinvAngle',
    ]);
    const share = chart('fig2', ['bp', 'fa'], 'eWBePositive');
    expect(share.small).toBe(true);
    // fig3a plots the share itself: not twice
    expect(
      chartSpecs(getExperiment('fig3a').plots, ['fa']).filter((c) => c.id === 'eWBePositive'),
    ).toHaveLength(1);
  });
});
