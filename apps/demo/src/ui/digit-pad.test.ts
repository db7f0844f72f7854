import { describe, expect, it } from 'vitest';
import { topThree } from './digit-pad.js';

describe('topThree', () => {
  it('gives the three largest outputs with their digits, largest first', () => {
    const outputs = [0.1, 0.05, 0.7, 0.02, 0.3, 0, 0, 0.9, 0.01, 0.2];
    expect(topThree(outputs)).toEqual([
      { digit: 7, value: 0.9 },
      { digit: 2, value: 0.7 },
      { digit: 4, value: 0.3 },
    ]);
  });
});
