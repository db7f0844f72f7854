import { describe, expect, it } from 'vitest';
import { CHAR_WIDTH, MAX_DOTS, networkLayout } from './network-layout.js';

const LABELS3 = ['784 in', '1000 hidden', '10 out'];

describe('networkLayout', () => {
  it('a 3-layer net: two forward matrices, one feedback matrix, whose angle is weightAngle', () => {
    const { columns, connections, step } = networkLayout([784, 1000, 10], LABELS3, 600);
    expect(columns.map((c) => c.label)).toEqual(LABELS3);
    expect(step).toBe(250);
    // 250 between columns holds '784 in' and '1000 hidden' side by side: one row
    expect(columns.map((c) => c.labelRow)).toEqual([0, 0, 0]);
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
    const { connections } = networkLayout([30, 20, 10, 10], ['a', 'b', 'c', 'd'], 400);
    expect(connections.map((c) => [c.feedback, c.angleMetric])).toEqual([
      [null, null],
      ['B₁', 'weightAngle1'],
      ['B₂', 'weightAngle'],
    ]);
    expect(networkLayout([3, 2], ['a', 'b'], 100).columns.map((c) => c.dots)).toEqual([3, 2]);
  });

  it('LeNet: six columns 84 apart; labels that would touch take turns between two rows', () => {
    const labels = ['28×28 in', 'conv 5×5×6', 'conv 5×5×16', '120 hidden', '84 hidden', '10 out'];
    const { columns, step } = networkLayout([784, 864, 256, 120, 84, 10], labels, 520);
    expect(step).toBe(84);
    // 'conv 5×5×6' and 'conv 5×5×16' need (10 + 11) / 2 + 1 = 11.5 characters of 12 units > 84
    expect(((10 + 11) / 2 + 1) * CHAR_WIDTH).toBeGreaterThan(step);
    expect(columns.map((c) => c.labelRow)).toEqual([0, 1, 0, 1, 0, 1]);
    // in each row, neighbours are 168 apart: room for two 12-character labels and a gap
    expect(2 * step).toBeGreaterThanOrEqual(12 * CHAR_WIDTH + CHAR_WIDTH);
  });

  it('refuses fewer than two layers or a width that is not a positive whole number', () => {
    expect(() => networkLayout([784], ['in'], 600)).toThrow(/two or more/);
    expect(() => networkLayout([784, 0, 10], LABELS3, 600)).toThrow(/\[784, 0, 10\]/);
    expect(() => networkLayout([784, 10], LABELS3, 600)).toThrow(/3 labels for 2 layers/);
  });
});
