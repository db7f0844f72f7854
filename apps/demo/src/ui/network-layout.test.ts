import { describe, expect, it } from 'vitest';
import { MAX_DOTS, networkLayout } from './network-layout.js';

describe('networkLayout', () => {
  it('a 3-layer net: two forward matrices, one feedback matrix, whose angle is weightAngle', () => {
    const { columns, connections } = networkLayout([784, 1000, 10], 600);
    expect(columns.map((c) => c.label)).toEqual(['784 in', '1000 hidden', '10 out']);
    // evenly spread between 50 px margins
    expect(columns.map((c) => c.x)).toEqual([50, 300, 550]);
    expect(columns[0]).toMatchObject({ dots: MAX_DOTS, more: 784 - MAX_DOTS });
    expect(columns[2]).toMatchObject({ dots: 8, more: 2 });
    expect(connections).toEqual([
      { from: 0, to: 1, forward: 'W₀', feedback: null, angleMetric: null },
      { from: 1, to: 2, forward: 'W₁', feedback: 'B₁', angleMetric: 'weightAngle' },
    ]);
  });

  it('a 4-layer net: the lower feedback matrix’s angle is weightAngle1', () => {
    const { connections } = networkLayout([30, 20, 10, 10], 400);
    expect(connections.map((c) => [c.feedback, c.angleMetric])).toEqual([
      [null, null],
      ['B₁', 'weightAngle1'],
      ['B₂', 'weightAngle'],
    ]);
    expect(networkLayout([3, 2], 100).columns.map((c) => c.dots)).toEqual([3, 2]);
  });

  it('refuses fewer than two layers or a width that is not a positive whole number', () => {
    expect(() => networkLayout([784], 600)).toThrow(/two or more/);
    expect(() => networkLayout([784, 0, 10], 600)).toThrow(/\[784, 0, 10\]/);
  });
});
