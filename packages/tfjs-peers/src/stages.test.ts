import { describe, expect, it } from 'vitest';
import { tfjsStages } from './stages.js';

describe('tfjsStages', () => {
  it("reads rfa's layer list, numbering the layers with weights as rfa's network does", () => {
    expect(
      tfjsStages([
        { type: 'conv', out: 6, kernel: 5, activation: 'tanh' },
        { type: 'maxPool', size: 2 },
        { type: 'flatten' },
        { out: 10, activation: 'softmax' },
      ]),
    ).toEqual([
      { kind: 'conv', layer: 0, activation: 'tanh' },
      { kind: 'pool', max: true, size: 2 },
      { kind: 'flatten' },
      { kind: 'dense', layer: 1, activation: 'softmax' },
    ]);
  });

  it('refuses what its gradients are not written for, naming the layer', () => {
    expect(() => tfjsStages([{ type: 'conv', out: 2, kernel: 3, stride: 2, activation: 'relu' }])).toThrow(
      /layers\[0\] \(conv\) must have stride 1/,
    );
    expect(() =>
      tfjsStages([
        { type: 'conv', out: 2, kernel: 3, activation: 'relu' },
        { type: 'maxPool', size: 3, stride: 2 },
      ]),
    ).toThrow(/layers\[1\] \(maxPool\) must have square non-overlapping windows/);
  });
});
