import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropyFromLogits } from './cross-entropy.js';
import { uniformArray } from './test-helpers.js';

describe('softmaxCrossEntropyFromLogits', () => {
  it('matches -log(softmax) computed naively in float64', () => {
    const rows = 9;
    const cols = 6;
    const logits = uniformArray(8, rows * cols, -4, 4);
    const labels = [0, 5, 2, 3, 1, 4, 4, 0, 2];
    let reference = 0;
    for (let t = 0; t < rows; t++) {
      let denominator = 0;
      for (let i = 0; i < cols; i++) denominator += Math.exp(logits[t * cols + i]);
      reference -= Math.log(Math.exp(logits[t * cols + labels[t]]) / denominator);
    }
    expect(softmaxCrossEntropyFromLogits(logits, labels, rows, cols)).toBeCloseTo(reference / rows, 12);
  });

  it('gives log(classes) for uniform logits and stays finite for huge logits', () => {
    expect(softmaxCrossEntropyFromLogits([0, 0, 0, 0], [3], 1, 4)).toBeCloseTo(Math.log(4), 15);
    // logits 1000 and 0: loss of the right class is log(1 + e^-1000) ≈ 0, of the wrong one 1000
    expect(softmaxCrossEntropyFromLogits([1000, 0, 1000, 0], [0, 1], 2, 2)).toBeCloseTo(500, 10);
  });

  it('rejects a label out of range', () => {
    expect(() => softmaxCrossEntropyFromLogits([0, 0], [-1], 1, 2)).toThrow(OptionError);
  });
});
