import { describe, expect, it } from 'vitest';
import { parseLayers } from './workload.js';

describe('speed workload', () => {
  it('parses layer sizes', () => {
    expect(parseLayers('784-1000-10')).toEqual([784, 1000, 10]);
    expect(() => parseLayers('784-0-10')).toThrow(/--layers/);
    expect(() => parseLayers('784')).toThrow(/at least two/);
  });
});
