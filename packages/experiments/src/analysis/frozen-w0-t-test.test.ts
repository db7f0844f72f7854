import { describe, expect, it } from 'vitest';
import type { AggregateRun } from '../types.js';
import { frozenW0TTests } from './frozen-w0-t-test.js';

const run = (nse: number[]): AggregateRun => ({ final: {}, curves: {}, perSeed: { nse } });

describe('frozenW0TTests (Supp. Fig. 6: all layers learn vs W0 frozen)', () => {
  it("gives Welch's t of (frozen − learning), its df and p, against a reference", () => {
    const frozen = [0.5, 0.6, 0.7, 0.65];
    const learning = [0.3, 0.35, 0.25];
    const r = frozenW0TTests({ 'fa-4layer': run(learning), 'fa-4layer-frozen-w0': run(frozen) }, [
      ['fa-4layer', 'fa-4layer-frozen-w0'],
    ])['fa-4layer'];
    if (!('t' in r)) throw new Error('expected a comparison');
    // scipy.stats.ttest_ind(frozen, learning, equal_var=False): t 6.063390625908327, df 4.849596022374145, p 0.0019589883530799325
    expect(r.t).toBeCloseTo(6.063390625908327, 10);
    expect(r.df).toBeCloseTo(4.849596022374145, 10);
    expect(r.p).toBeCloseTo(0.0019589883530799325, 8);
    expect(r.meanFrozen).toBeCloseTo(0.6125, 12);
    expect(r.meanLearning).toBeCloseTo(0.3, 12);
    expect([r.nLearning, r.nFrozen]).toEqual([3, 4]);
    expect(r.w0UpdatesHelp).toBe(true);
  });

  it('says so when freezing W0 does not hurt, and skips a pair with too few seeds', () => {
    const r = frozenW0TTests(
      { bp: run([0.5, 0.6]), 'bp-frozen': run([0.3, 0.35]), fa: run([0.1]), 'fa-frozen': run([0.2, 0.3]) },
      [
        ['bp', 'bp-frozen'],
        ['fa', 'fa-frozen'],
      ],
    );
    const bp = r.bp;
    if (!('t' in bp)) throw new Error('expected a comparison');
    expect(bp.t).toBeLessThan(0);
    expect(bp.w0UpdatesHelp).toBe(false);
    expect(r.fa).toEqual({ skipped: 'needs ≥ 2 finite nse values per run, got 1 (fa) and 2 (fa-frozen)' });
  });
});
