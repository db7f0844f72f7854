import { describe, expect, it } from 'vitest';
import { portableAtan2 } from './portable-atan.js';

/** Distance in units of the last place of the reference value. */
const ulps = (a: number, ref: number) =>
  Math.abs(a - ref) / (Number.EPSILON * Math.max(Math.abs(ref), 2 ** -1022));

describe('portableAtan2', () => {
  it('agrees with Math.atan2 to within 4 ulps (the reduction by π/6 costs a few) over [0, 1e3]² (10,000 pairs) and at the reduction boundary', () => {
    let worst = 0;
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 10_000; i++) {
      const y = next() ** 3 * 1000;
      const x = next() ** 3 * 1000;
      worst = Math.max(worst, ulps(portableAtan2(y, x), Math.atan2(y, x)));
    }
    const t = 2 - Math.sqrt(3);
    for (const y of [t, t * (1 + 1e-15), t * (1 - 1e-15)])
      worst = Math.max(worst, ulps(portableAtan2(y, 1), Math.atan2(y, 1)));
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('closed forms: 0, π/6, π/4, π/3, π/2', () => {
    expect(portableAtan2(0, 5)).toBe(0);
    expect(ulps(portableAtan2(1, Math.sqrt(3)), Math.PI / 6)).toBeLessThanOrEqual(4);
    expect(ulps(portableAtan2(1, 1), Math.PI / 4)).toBeLessThanOrEqual(4);
    expect(ulps(portableAtan2(Math.sqrt(3), 1), Math.PI / 3)).toBeLessThanOrEqual(4);
    expect(portableAtan2(5, 0)).toBe(Math.PI / 2);
    expect(portableAtan2(Infinity, 1)).toBe(Math.PI / 2);
  });

  it('is NaN for NaN inputs, negative inputs and 0/0', () => {
    expect(portableAtan2(Number.NaN, 1)).toBeNaN();
    expect(portableAtan2(-1, 1)).toBeNaN();
    expect(portableAtan2(0, 0)).toBeNaN();
  });
});
