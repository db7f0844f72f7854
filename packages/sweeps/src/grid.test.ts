import { describe, expect, it } from 'vitest';
import { parseGrid } from './grid.js';

describe('parseGrid', () => {
  it('reads JSON values where they parse and keeps bracketed commas together', () => {
    expect(
      parseGrid(['learningRates.fa=0.001,5e-3', 'size=paper,small', 'layers=[784,500,10],[784,100,10]']),
    ).toEqual({
      'learningRates.fa': [0.001, 0.005],
      size: ['paper', 'small'],
      layers: [
        [784, 500, 10],
        [784, 100, 10],
      ],
    });
  });

  it('refuses a pair without a key, an empty value and a key given twice, naming the field', () => {
    expect(() => parseGrid(['=1,2'])).toThrow(expect.objectContaining({ field: 'grid' }));
    expect(() => parseGrid(['lr=1,,2'])).toThrow(expect.objectContaining({ field: 'grid.lr' }));
    expect(() => parseGrid(['lr=1', 'lr=2'])).toThrow(/given twice/);
  });
});
