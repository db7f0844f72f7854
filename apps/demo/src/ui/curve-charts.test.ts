import { describe, expect, it } from 'vitest';
import { thin } from './curve-charts.js';

describe('thin', () => {
  it('keeps short series whole and thins long ones evenly to about `max` points, the last kept', () => {
    const short = [1, 2, 3];
    expect(thin(short, 5)).toBe(short);
    const xs = Array.from({ length: 10_001 }, (_, i) => i);
    const out = thin(xs, 1000);
    expect(out.length).toBeLessThanOrEqual(1001);
    expect(out[0]).toBe(0);
    expect(out.at(-1)).toBe(10_000);
  });
});
