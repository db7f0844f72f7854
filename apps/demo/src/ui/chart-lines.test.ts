import { fig2, fig3d, plotSeries, ruleStyle } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { SeedPoints } from '../app/seed-points.js';
import { drawnLines } from './chart-lines.js';

const plot = (exp: typeof fig2 | typeof fig3d, metric: string) => {
  const p = exp.plots.find((q) => q.metric === metric);
  if (!p) throw new Error(`${exp.id} has no ${metric} plot`);
  return p;
};

describe('drawnLines (the demo charts drawn from plotSeries)', () => {
  it('fig3d over 3 seeds: NSE is the mean, its band’s edges mean ± 1 s.d. over seeds, in the rule’s colour', () => {
    const points = new SeedPoints();
    // seeds 1, 2, 3 recorded 1, 2, 3 at step 10: mean 2, s.d. 1; step 20 only by seed 1
    for (const seed of [1, 2, 3]) points.add('fa', seed, { step: 10, nse: seed });
    points.add('fa', 1, { step: 20, nse: 0.5 });
    const lines = plotSeries(fig3d, plot(fig3d, 'nse'), points.runs()).flatMap(drawnLines);
    expect(lines.map((l) => l.key)).toEqual(['fa nse', 'fa nse +', 'fa nse -']);
    expect([...lines[0].values]).toEqual([
      [10, 2],
      [20, 0.5],
    ]);
    // one seed at step 20: no edge there
    expect([...lines[1].values]).toEqual([[10, 3]]);
    expect([...lines[2].values]).toEqual([[10, 1]]);
    expect(lines[0].colour).toBe(ruleStyle('fa').colour);
    expect(lines[1].colour).toBe(`${ruleStyle('fa').colour}99`);
    expect(lines.map((l) => l.edge)).toEqual([false, true, true]);
  });

  it('fig3d: the 4-layer net’s lower-layer angle and W vs B⁺ are dashed lines in the rule’s colour', () => {
    const points = new SeedPoints();
    points.add('fa-4layer', 1, { step: 0, weightAngle: 80, weightAngle1: 85, pinvAngle: 70 });
    const lines = plotSeries(fig3d, plot(fig3d, 'weightAngle'), points.runs()).flatMap(drawnLines);
    expect(lines.map((l) => l.key)).toEqual([
      'fa-4layer weightAngle',
      'fa-4layer weightAngle1',
      'fa-4layer pinvAngle',
    ]);
    expect(new Set(lines.map((l) => l.colour))).toEqual(new Set([ruleStyle('fa-4layer').colour]));
    expect(lines[0].dash).toEqual(ruleStyle('fa-4layer').dash);
    expect(lines[1].dash).toBeDefined();
    expect(lines[2].dash).toBeDefined();
    expect(lines[1].dash).not.toEqual(lines[2].dash);
    expect(lines[1].width).toBe(1.5);
  });

  it('fig2: one seed, the recorded ±2 s.d. band of the angle: 40 ± 2 × 3', () => {
    const points = new SeedPoints();
    points.add('fa', 1, { step: 5, deltaAngle: 40, deltaAngleSd10: 3 });
    const lines = plotSeries(fig2, plot(fig2, 'deltaAngle'), points.runs()).flatMap(drawnLines);
    expect(lines.map((l) => [l.key, l.values.get(5)])).toEqual([
      ['fa deltaAngle', 40],
      ['fa deltaAngle +', 46],
      ['fa deltaAngle -', 34],
    ]);
  });
});
