import { describe, expect, it } from 'vitest';
import { SweepSpecError } from './errors.js';
import { parseSeeds } from './seeds.js';

describe('parseSeeds', () => {
  it('reads a count, a range and a list with ranges', () => {
    expect(parseSeeds('3')).toEqual([1, 2, 3]);
    expect(parseSeeds('5-8')).toEqual([5, 6, 7, 8]);
    expect(parseSeeds('1-3,7,2')).toEqual([1, 2, 3, 7]);
  });

  it('refuses zero, downward ranges and junk, naming the field', () => {
    for (const bad of ['0', '5-2', 'a', '1,,2', '-3'])
      expect(() => parseSeeds(bad), bad).toThrow(expect.objectContaining({ field: 'seeds' }));
    expect(() => parseSeeds('x')).toThrow(SweepSpecError);
  });
});
