import { describe, expect, it } from 'vitest';
import { type Contender, interleave, median } from './interleave.js';
import { BatchCursor, makeExampleBlock, parseLayers } from './workload.js';

describe('speed workload', () => {
  it('makes inputs in [0, 1] and one-hot targets, the same for the same seed', () => {
    const block = makeExampleBlock(6, 3, 10, 4);
    expect(block.inputs.every((v) => v >= 0 && v <= 1)).toBe(true);
    for (let r = 0; r < 10; r++) {
      const row = Array.from(block.targets.subarray(r * 3, r * 3 + 3));
      expect(row.filter((v) => v === 1)).toHaveLength(1);
      expect(row.filter((v) => v === 0)).toHaveLength(2);
    }
    expect(makeExampleBlock(6, 3, 10, 4).inputs).toEqual(block.inputs);
    expect(makeExampleBlock(6, 3, 10, 5).inputs).not.toEqual(block.inputs);
  });

  it('hands out consecutive batches and wraps, dropping a ragged tail', () => {
    const block = makeExampleBlock(2, 2, 7, 1);
    const cursor = new BatchCursor(block, 3);
    const starts = [0, 1, 2].map(() => cursor.take().inputs[0]);
    expect(starts).toEqual([block.inputs[0], block.inputs[6], block.inputs[0]]);
    expect(() => new BatchCursor(block, 8)).toThrow(/larger than the example block/);
  });

  it('parses layer sizes', () => {
    expect(parseLayers('784-1000-10')).toEqual([784, 1000, 10]);
    expect(() => parseLayers('784-0-10')).toThrow(/--layers/);
  });

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
});
