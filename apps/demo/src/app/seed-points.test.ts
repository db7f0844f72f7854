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
