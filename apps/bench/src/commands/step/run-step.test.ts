import { Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { runStep } from './run-step.js';
import { parseStepSpec } from './spec.js';

const rng = new Rng(7);
const mat = (r: number, c: number, s = 0.5) =>
  Array.from({ length: r }, () => Array.from({ length: c }, () => Math.fround(rng.uniformIn(-s, s))));
const transpose = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));

const base = {
  layers: [
    { in: 6, out: 5, activation: 'tanh' },
    { in: 5, out: 4, activation: 'tanh' },
    { in: 4, out: 3, activation: 'linear' },
  ],
  weights: [mat(5, 6), mat(4, 5), mat(3, 4)],
  biases: [mat(1, 5)[0], mat(1, 4)[0], mat(1, 3)[0]],
  loss: 'mse',
  x: mat(4, 6, 1),
  target: mat(4, 3, 1),
  lr: 0.1,
  weightDecay: 0.01,
};

describe('runStep writes the spec through a snapshot and reads the result back from one', () => {
  it("sign symmetry's feedback derives from the spec's W: the step equals FA with B = sign(W)ᵀ given", async () => {
    const signs = base.weights.map((w, l) =>
      l === 0 ? null : transpose(w.map((row) => row.map(Math.sign))),
    );
    const derived = await runStep(parseStepSpec({ ...base, rule: 'sign-symmetry' }));
    const given = await runStep(parseStepSpec({ ...base, rule: 'fa', feedback: signs }));
    // the same sums in another order (sign symmetry keeps B in W's layout): equal to float rounding
    const flat = (r: typeof derived) => [r.weights, r.biases, r.deltas, r.loss].flat(3) as number[];
    expectClose(flat(derived), flat(given), { atol: 1e-6, rtol: 1e-5 }, 'sign symmetry vs FA with sign(W)ᵀ');
    expect(derived.deltas[0]!.flat().some((d) => d !== 0)).toBe(true); // sign(0) feedback would give zeros
    // the spec's W reached the network: the output layer's error is nonzero and the weights moved
    expect(derived.deltas[2]!.flat().some((d) => d !== 0)).toBe(true);
    expect(derived.weights[0]).not.toEqual(base.weights[0]);
  });

  it('given feedback reaches the rule: other B, other hidden deltas, the same output error', async () => {
    const one = await runStep(parseStepSpec({ ...base, rule: 'fa', feedback: [null, mat(5, 4), mat(4, 3)] }));
    const two = await runStep(parseStepSpec({ ...base, rule: 'fa', feedback: [null, mat(5, 4), mat(4, 3)] }));
    expect(one.deltas[2]).toEqual(two.deltas[2]);
    expect(one.loss).toBe(two.loss);
    expect(one.deltas[1]).not.toEqual(two.deltas[1]);
  });
});
