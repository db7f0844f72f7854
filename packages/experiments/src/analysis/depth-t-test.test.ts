import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { fig3d } from '../definitions/fig3d.js';
import type { AggregateRun } from '../types.js';
import { depthTTests } from './depth-t-test.js';

/** An aggregate with only what the t-test reads: per-seed final NSE. */
const run = (nse: number[]): AggregateRun => ({ final: {}, curves: {}, perSeed: { nse } });

/** Welch's t and df written out from their definitions, in float64. */
function welchByHand(a: number[], b: number[]): { t: number; df: number } {
  const m = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const v = (x: number[]) => x.reduce((s, y) => s + (y - m(x)) ** 2, 0) / (x.length - 1);
  const [sa, sb] = [v(a) / a.length, v(b) / b.length];
  return {
    t: (m(a) - m(b)) / Math.sqrt(sa + sb),
    df: (sa + sb) ** 2 / (sa ** 2 / (a.length - 1) + sb ** 2 / (b.length - 1)),
  };
}

describe('depthTTests (fig3d: 4-layer vs 3-layer final NSE)', () => {
  const deep = [0.01, 0.02, 0.015, 0.012];
  const shallow = [0.1, 0.12, 0.11];

  it('gives t < 0 and deeperBetter when the deeper net has the lower error, matching the formula', () => {
    const r = depthTTests({ bp: run(shallow), 'bp-4layer': run(deep) }, [['bp', 'bp-4layer']]).bp;
    if (!('t' in r)) throw new OptionError('expected a comparison');
    const ref = welchByHand(deep, shallow);
    expect(r.t).toBeLessThan(0);
    expect(r.t).toBeCloseTo(ref.t, 10);
    expect(r.df).toBeCloseTo(ref.df, 10);
    expect(r.deeperBetter).toBe(true);
    expect(r.meanDeeper).toBeCloseTo(0.01425, 12);
    expect(r.meanShallower).toBeCloseTo(0.11, 12);
  });

  it('p matches the closed form of Student t with 2 degrees of freedom (two runs a side, equal spread)', () => {
    const r = depthTTests({ bp: run([0.1, 0.12]), 'bp-4layer': run([0.01, 0.03]) }, [['bp', 'bp-4layer']]).bp;
    if (!('t' in r)) throw new OptionError('expected a comparison');
    expect(r.df).toBeCloseTo(2, 10);
    expect(r.t).toBeCloseTo(-0.09 / 0.01 / Math.sqrt(2), 10); // mean gap over sqrt(2 · 0.0002 / 2)
    // two-sided P(|T| ≥ |t|) for ν = 2 is 1 − |t| / sqrt(2 + t²)
    expect(r.p).toBeCloseTo(1 - Math.abs(r.t) / Math.sqrt(2 + r.t * r.t), 8);
  });

  it('gives t > 0 and deeperBetter false when the deeper net is worse, and a large p for equal samples', () => {
    const worse = depthTTests({ fa: run(deep), 'fa-4layer': run(shallow) }, [['fa', 'fa-4layer']]).fa;
    if (!('t' in worse)) throw new OptionError('expected a comparison');
    expect(worse.t).toBeGreaterThan(0);
    expect(worse.deeperBetter).toBe(false);
    const same = depthTTests({ fa: run([1, 2, 3]), 'fa-4layer': run([3, 2, 1]) }, [['fa', 'fa-4layer']]).fa;
    if (!('t' in same)) throw new OptionError('expected a comparison');
    expect(same.t).toBe(0);
    expect(same.p).toBeCloseTo(1, 10);
  });

  it('skips a pair with fewer than two values a side, saying why', () => {
    const r = depthTTests({ bp: run([0.1]), 'bp-4layer': run(deep) }, [['bp', 'bp-4layer']]).bp;
    expect(r).toEqual({ skipped: expect.stringContaining('got 4 (bp-4layer) and 1 (bp)') });
  });

  it("is what fig3d's analyse returns, for BP and FA, with the paper's p-values beside it", () => {
    const results = { bp: run(shallow), 'bp-4layer': run(deep), fa: run(shallow), 'fa-4layer': run(deep) };
    const analysis = fig3d.analyse!(results) as Record<string, { t: number; deeper: string }>;
    expect(analysis.bp.deeper).toBe('bp-4layer');
    expect(analysis.fa.deeper).toBe('fa-4layer');
    expect(analysis.fa.t).toBeCloseTo(welchByHand(deep, shallow).t, 10);
    expect(analysis.paperP).toEqual({ bp: 3e-12, fa: 9e-13, n: 20 });
  });
});
