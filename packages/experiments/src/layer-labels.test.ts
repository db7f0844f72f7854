import { describe, expect, it } from 'vitest';
import { fig3d } from './definitions/fig3d.js';
import { LENET_WIDTHS } from './definitions/lenet.js';
import { lenetFashion } from './definitions/lenet-fashion.js';
import { lenetMnist } from './definitions/lenet-mnist.js';
import { layerLabels } from './layer-labels.js';
import { EXPERIMENTS } from './registry.js';

describe('layerLabels', () => {
  it('from the widths when a definition has none: input, hidden, output', () => {
    const config = { ...fig3d.defaults, hiddenUnits: 20, secondHiddenUnits: 7 };
    expect(layerLabels(fig3d, config)).toEqual(['30 in', '20 hidden', '7 hidden', '10 out']);
  });

  it("LeNet's own: one per width, the conv columns by kernel and maps", () => {
    for (const lenet of [lenetMnist, lenetFashion]) {
      const labels = layerLabels(lenet, lenet.defaults);
      expect(labels).toEqual(['28×28 in', 'conv 5×5×6', 'conv 5×5×16', '120 hidden', '84 hidden', '10 out']);
      expect(labels.length).toBe(LENET_WIDTHS.length);
    }
  });

  it('every registered experiment: one short label per layer of its browser preset', () => {
    for (const exp of Object.values(EXPERIMENTS)) {
      const e = exp as unknown as Parameters<typeof layerLabels<object>>[0] & { defaults: object };
      const labels = layerLabels(e, e.defaults);
      expect(labels.length, exp.id).toBe(e.layerWidths(e.defaults).length);
      for (const l of labels) expect(l.length, `${exp.id}: '${l}'`).toBeLessThanOrEqual(12);
    }
  });

  it('refuses labels that do not match the widths, naming the experiment', () => {
    const bad = { id: 'toy', layerWidths: () => [4, 3, 2], layerLabels: () => ['in', 'out'] };
    expect(() => layerLabels(bad, {})).toThrow(/toy gives 2 labels for 3 layers/);
    const empty = { ...bad, layerLabels: () => ['in', ' ', 'out'] };
    expect(() => layerLabels(empty, {})).toThrow(RangeError);
  });
});
