import { describe, expect, it } from 'vitest';
import { epochLine } from './epoch-line.js';

describe('epochLine', () => {
  const exp = { paper: { fa: { testError: 0.018 } } };
  it('compares each epoch-end metric with the paper', () => {
    expect(epochLine(exp, 'fa', 3, { testError: 0.0241, other: 1 })).toBe(
      'epoch 3: testError 2.41% (paper 1.80%)',
    );
  });
  it('adds the wall time since the last whole epoch (or the start), as m:ss or h:mm:ss', () => {
    expect(epochLine(exp, 'fa', 4, { testError: 0.02 }, { seconds: 331.4, from: 'epoch 3' })).toBe(
      'epoch 4: testError 2.00% (paper 1.80%); 5:31 since epoch 3',
    );
    expect(epochLine(exp, 'fa', 1, { testError: 0.02 }, { seconds: 3725, from: 'the start' })).toBe(
      'epoch 1: testError 2.00% (paper 1.80%); 1:02:05 since the start',
    );
  });
  it('for a rule the paper gives no number for, shows the error rates alone', () => {
    expect(epochLine(exp, 'bp', 3, { testError: 0.0312, trainError: 0.0123, trainLoss: 0.25 })).toBe(
      'epoch 3: testError 3.12%, trainError 1.23%',
    );
    expect(epochLine({ paper: {} }, 'fa', 3, { testError: 0.03 })).toBe('epoch 3: testError 3.00%');
  });
  it('says nothing mid-epoch, before training, or without an error rate to show', () => {
    expect(epochLine(exp, 'fa', 2.5, { testError: 0.03 })).toBeNull();
    expect(epochLine(exp, 'fa', 0, { testError: 0.9 })).toBeNull();
    expect(epochLine(exp, 'bp', 3, { trainLoss: 0.25 })).toBeNull();
  });
});
