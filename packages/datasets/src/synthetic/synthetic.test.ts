import { LengthError, OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { columnMeans, nseReference } from '../testing/nse-reference.js';
import { createDeepTargetTask } from './deep-target.js';
import { createLinearTask } from './linear.js';
import { createQuadraticTask } from './quadratic.js';
import type { SyntheticTask } from './task.js';

const factories: [string, (seed: number) => SyntheticTask, number, number][] = [
  ['linear', (seed) => createLinearTask({ seed }), 30, 10],
  ['deep-target', (seed) => createDeepTargetTask({ seed }), 30, 10],
  ['quadratic', (seed) => createQuadraticTask({ seed }), 20, 20],
];

describe.each(factories)('%s task', (_name, create, inputSize, outputSize) => {
  it('has the paper sizes and a 1000-example held-out set', () => {
    const task = create(1);
    expect([task.inputSize, task.outputSize]).toEqual([inputSize, outputSize]);
    expect(task.heldOut.count).toBe(1000);
    expect(task.heldOut.inputs.length).toBe(1000 * inputSize);
    expect(task.heldOut.targets.length).toBe(1000 * outputSize);
  });

  it('is deterministic under a seed: same first batch twice, another under another seed', () => {
    const a = create(11).sample(4);
    const b = create(11).sample(4);
    const c = create(12).sample(4);
    expect(a.inputs).toEqual(b.inputs);
    expect(a.targets).toEqual(b.targets);
    expect(c.inputs).not.toEqual(a.inputs);
    expect(c.targets).not.toEqual(a.targets);
    expect(create(11).heldOut.targets).toEqual(create(11).heldOut.targets);
  });

  it('streams endlessly: the next batch differs, the held-out set is not the stream, state replays', () => {
    const task = create(5);
    const first = task.sample(3);
    const state = task.rng.getState();
    const second = task.sample(3);
    expect(second.inputs).not.toEqual(first.inputs);
    expect(task.heldOut.inputs.subarray(0, 3 * inputSize)).not.toEqual(first.inputs);
    task.rng.setState(state);
    expect(task.sample(3).targets).toEqual(second.targets);
  });

  it('fills the buffers it is given', () => {
    const task = create(2);
    const into = { inputs: new Float32Array(2 * inputSize), targets: new Float32Array(2 * outputSize) };
    const batch = task.sample(2, into);
    expect(batch.inputs).toBe(into.inputs);
    expect(batch.targets).toBe(into.targets);
    expect(Array.from(task.evaluate(into.inputs, 2))).toEqual(Array.from(into.targets));
    expect(() => task.sample(3, into)).toThrow(LengthError);
    expect(() => task.sample(0)).toThrow(OptionError);
  });

  it('held-out NSE: 1 for its own mean, 0 for the target function, above 1 for a mean estimated elsewhere', () => {
    const { heldOut } = create(8);
    const { count } = heldOut;
    const mean = columnMeans(heldOut.targets, count, outputSize);
    expect(nseReference(heldOut.targets, count, outputSize, (_t, i) => mean[i])).toBeCloseTo(1, 12);
    expect(
      nseReference(heldOut.targets, count, outputSize, (t, i) => heldOut.targets[t * outputSize + i]),
    ).toBe(0);
    const other = create(8).sample(200);
    const otherMean = columnMeans(other.targets, 200, outputSize);
    const nse = nseReference(heldOut.targets, count, outputSize, (_t, i) => otherMean[i]);
    expect(nse).toBeGreaterThan(1);
    expect(nse).toBeLessThan(1.1);
  });
});

function moments(values: ArrayLike<number>): { mean: number; variance: number; min: number; max: number } {
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    sum += values[k];
    squares += values[k] ** 2;
    min = Math.min(min, values[k]);
    max = Math.max(max, values[k]);
  }
  const mean = sum / values.length;
  return { mean, variance: squares / values.length - mean ** 2, min, max };
}

describe('createLinearTask', () => {
  it('computes y = T x with T ~ U[-1, 1] (10 × 30) and x ~ N(0, I)', () => {
    const task = createLinearTask({ seed: 3 });
    const T = moments(task.weights);
    expect(task.weights.length).toBe(300);
    expect(T.min).toBeGreaterThanOrEqual(-1);
    expect(T.max).toBeLessThan(1);
    expect(T.variance).toBeCloseTo(1 / 3, 1);
    const x = moments(task.heldOut.inputs);
    expect(Math.abs(x.mean)).toBeLessThan(0.03);
    expect(Math.abs(x.variance - 1)).toBeLessThan(0.05);
    const { inputs, targets } = task.sample(50);
    for (let t = 0; t < 50; t++) {
      for (let i = 0; i < 10; i++) {
        let y = 0;
        for (let j = 0; j < 30; j++) y += task.weights[i * 30 + j] * inputs[t * 30 + j];
        expect(targets[t * 10 + i]).toBeCloseTo(y, 5);
      }
    }
  });
});

describe('createDeepTargetTask', () => {
  it('is a 30-20-10-10 net, tanh hidden, linear output, weights and biases ~ U[-0.5, 0.5]', () => {
    const task = createDeepTargetTask({ seed: 4 });
    expect(task.layerSizes).toEqual([30, 20, 10, 10]);
    expect(task.weights.map((w) => w.length)).toEqual([600, 200, 100]);
    expect(task.biases.map((b) => b.length)).toEqual([20, 10, 10]);
    for (const block of [...task.weights, ...task.biases]) {
      const m = moments(block);
      expect(m.min).toBeGreaterThanOrEqual(-0.5);
      expect(m.max).toBeLessThan(0.5);
    }
    const { inputs, targets } = task.sample(40);
    let beyondTanh = false;
    for (let t = 0; t < 40; t++) {
      let h: number[] = Array.from(inputs.subarray(t * 30, (t + 1) * 30));
      task.weights.forEach((w, l) => {
        const n = h.length;
        const a = Array.from(task.biases[l], (b, i) => b + h.reduce((s, v, j) => s + w[i * n + j] * v, 0));
        h = l === 2 ? a : a.map(Math.tanh);
      });
      h.forEach((y, i) => {
        expect(targets[t * 10 + i]).toBeCloseTo(y, 5);
        if (Math.abs(y) > 1) beyondTanh = true;
      });
    }
    expect(beyondTanh).toBe(true); // the output layer is linear, not squashed
  });

  it('has no biases with biasRange 0, and refuses a one-layer spec', () => {
    const task = createDeepTargetTask({ seed: 4, biasRange: 0, layerSizes: [5, 3] });
    expect(Array.from(task.biases[0])).toEqual([0, 0, 0]);
    expect(() => createDeepTargetTask({ seed: 1, layerSizes: [5] })).toThrow(OptionError);
  });
});

describe('createQuadraticTask', () => {
  it('computes y_k = x^T Q_k x with x ~ U[-2, 2]^20 and Q_k ~ U[-0.5, 0.5]', () => {
    const task = createQuadraticTask({ seed: 6 });
    expect(task.matrices.length).toBe(20 * 20 * 20);
    const Q = moments(task.matrices);
    expect([Q.min >= -0.5, Q.max < 0.5]).toEqual([true, true]);
    const x = moments(task.heldOut.inputs);
    expect(x.min).toBeGreaterThanOrEqual(-2);
    expect(x.max).toBeLessThan(2);
    expect(x.variance).toBeCloseTo(4 / 3, 1);
    const { inputs, targets } = task.sample(10);
    for (let t = 0; t < 10; t++) {
      const v = inputs.subarray(t * 20, (t + 1) * 20);
      for (let k = 0; k < 20; k++) {
        let y = 0;
        for (let i = 0; i < 20; i++)
          for (let j = 0; j < 20; j++) y += v[i] * task.matrices[k * 400 + i * 20 + j] * v[j];
        expect(targets[t * 20 + k]).toBeCloseTo(y, 3);
      }
    }
  });
});
