import { describe, expect, it } from 'vitest';
import { type Contender, interleave, median, spread } from './interleave.js';

describe('interleave', () => {
  it('interleaves contenders in rotating order and takes the median', async () => {
    const order: string[] = [];
    const make = (impl: string, rate: number): Contender => ({
      impl,
      activate: async () => void order.push(`+${impl}`),
      run: async () => {
        order.push(impl);
        return rate;
      },
    });
    const rates = await interleave([make('a', 1), make('b', 2)], { rounds: 2, seconds: 0, warmupSeconds: 0 });
    expect(rates).toEqual([
      [1, 1],
      [2, 2],
    ]);
    // warm-up: a first run, then one more that agrees with it (the rate is steady)
    expect(order).toEqual(['+a', 'a', 'a', '+b', 'b', 'b', '+a', 'a', '+b', 'b', '+b', 'b', '+a', 'a']);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('warms a contender up until two runs agree within 5%, and at most 8 runs past the first', async () => {
    const climbing = (rates: number[]): Contender & { runs: number } => {
      const c = {
        impl: 'c',
        runs: 0,
        activate: async () => {},
        run: async () => rates[Math.min(c.runs++, rates.length - 1)],
      };
      return c;
    };
    // JIT tier-up: 1, 2, 3, 3.1 (within 5% of 3): warm-up ends after the fourth run
    const settling = climbing([1, 2, 3, 3.1, 50, 50]);
    const [rates] = await interleave([settling], { rounds: 1, seconds: 0, warmupSeconds: 0 });
    expect(settling.runs).toBe(5);
    expect(rates).toEqual([50]);
    const never = climbing(Array.from({ length: 20 }, (_, i) => 2 ** i));
    await interleave([never], { rounds: 1, seconds: 0, warmupSeconds: 0 });
    expect(never.runs).toBe(1 + 8 + 1);
  });

  it('gives the spread as (max − min) / median, and none for one round', () => {
    // median 100, range 90..120: 30/100
    expect(spread([100, 90, 120])).toBeCloseTo(0.3, 12);
    expect(spread([7])).toBe(0);
  });
});
