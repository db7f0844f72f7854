import { fig2, plotSeries } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { finalsOverSeeds, SeedPoints, seedSdKey, statsOverSeeds } from './seed-points.js';

describe('statsOverSeeds', () => {
  it('gives mean, sample s.d. (n − 1) and n of each metric, skipping non-finite values', () => {
    const stats = statsOverSeeds([
      { nse: 1, deltaAngle: 10 },
      { nse: 2, deltaAngle: Number.NaN },
      { nse: 3, deltaAngle: 14 },
    ]);
    expect(stats.nse).toEqual({ mean: 2, sd: 1, n: 3 });
    // 10 and 14: mean 12, s.d. √((4 + 4) / 1) = √8
    expect(stats.deltaAngle.mean).toBe(12);
    expect(stats.deltaAngle.sd).toBeCloseTo(Math.sqrt(8), 12);
    expect(stats.deltaAngle.n).toBe(2);
  });
});

describe('SeedPoints', () => {
  it('averages each x over the seeds that have reached it, the s.d. NaN below two', () => {
    const points = new SeedPoints();
    // seed 1 runs to x = 20; seed 2 has reached x = 10 only
    expect(points.add('fa', 1, { step: 10, nse: 1 })).toEqual({
      step: 10,
      nse: 1,
      [seedSdKey('nse')]: Number.NaN,
    });
    points.add('fa', 1, { step: 20, nse: 4 });
    points.add('bp', 1, { step: 10, nse: 100 });
    expect(points.add('fa', 2, { step: 10, nse: 3 })).toEqual({
      step: 10,
      nse: 2,
      [seedSdKey('nse')]: Math.SQRT2,
    });
    const third = points.add('fa', 3, { step: 10, nse: 2 });
    expect(third.nse).toBe(2);
    expect(third[seedSdKey('nse')]).toBe(1);
  });

  it('keeps x as recorded, not averaged', () => {
    const points = new SeedPoints();
    for (const seed of [1, 2, 3]) points.add('fa', seed, { step: 0.1, testError: 0.5 });
    expect(points.add('fa', 4, { step: 0.1, testError: 0.5 }).step).toBe(0.1);
  });
});

describe('finalsOverSeeds', () => {
  it('gives each rule’s final metrics over the seeds that ended, and names a diverged seed', () => {
    const divergence = { atStep: 40, reason: 'loss is NaN', restoredFromStep: 30 };
    const finals = finalsOverSeeds([
      { rule: 'fa', seed: 4, final: { nse: 1 } },
      { rule: 'bp', seed: 4, final: { nse: 0.5 } },
      { rule: 'fa', seed: 5, final: { nse: 2 } },
      { rule: 'fa', seed: 6, final: { nse: 3 }, divergence },
    ]);
    expect(finals.fa.final.nse).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(finals.fa.diverged).toEqual([{ seed: 6, atStep: 40, reason: 'loss is NaN' }]);
    expect(finals.bp.final.nse).toEqual({ mean: 0.5, sd: 0, n: 1 });
  });
});

describe('SeedPoints.runs', () => {
  it('gives plotSeries the mean and s.d. over seeds at each x, in x order', () => {
    const points = new SeedPoints();
    points.add('fa', 1, { step: 10, nse: 0.5 });
    points.add('fa', 1, { step: 0, nse: 1 });
    points.add('fa', 2, { step: 0, nse: 3 });
    points.add('bp', 1, { step: 0, nse: 2, deltaAngle: 0 });
    const runs = points.runs();
    // x 0: seeds 1 and 2, mean 2, s.d. √2; x 10: seed 1 only
    expect(runs.fa.curves).toEqual({ step: [0, 10], nse: [2, 0.5] });
    expect(runs.fa.curvesSd?.nse[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(runs.fa.curvesSd?.nse[1]).toBeNaN();
    expect(runs.bp.curves).toEqual({ step: [0], nse: [2], deltaAngle: [0] });
    const nse = fig2.plots.find((p) => p.metric === 'nse');
    if (!nse) throw new Error('fig2 has no nse plot');
    const lines = plotSeries(fig2, { ...nse, band: { seeds: true, times: 1 } }, runs);
    expect(lines.map((l) => [l.rule, l.y])).toEqual([
      ['bp', [2]],
      ['fa', [2, 0.5]],
    ]);
    // the band where two seeds met: 2 ± √2; none where one seed has been
    expect(lines[1].band?.upper[0]).toBeCloseTo(2 + Math.SQRT2, 12);
    expect(lines[1].band?.lower[1]).toBeNull();
  });
});
