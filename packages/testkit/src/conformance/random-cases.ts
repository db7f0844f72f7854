import { Rng } from '@rfa/tensor';
import { expectClose, expectEqual } from '../expect-close.js';
import { randomArray } from '../fixtures.js';
import { runOp } from './elementwise-cases.js';
import type { ConformanceCase } from './types.js';

/** Random fills must reproduce the generator's stream in row-major order on every backend. */
export function randomCases(): ConformanceCase[] {
  const shape = [37, 41];
  const n = 37 * 41;
  return [
    {
      name: 'randomUniform follows the seeded stream',
      group: 'random',
      run: async (backend, ctx) => {
        const got = await runOp(backend, [], shape, (o) =>
          backend.randomUniform(o, new Rng(ctx.seed), -0.5, 0.5),
        );
        const r = new Rng(ctx.seed);
        const expected = Float64Array.from({ length: n }, () => -0.5 + r.uniform());
        expectClose(got, expected, ctx.tolerance.elementwise, 'randomUniform');
        for (const v of got)
          if (v < -0.5 || v >= 0.5) throw new Error(`randomUniform: ${v} outside [-0.5, 0.5)`);
      },
    },
    {
      name: 'randomNormal follows the seeded stream',
      group: 'random',
      run: async (backend, ctx) => {
        const got = await runOp(backend, [], shape, (o) =>
          backend.randomNormal(o, new Rng(ctx.seed), 1, 0.1),
        );
        const r = new Rng(ctx.seed);
        expectClose(
          got,
          Float64Array.from({ length: n }, () => 1 + 0.1 * r.normal()),
          ctx.tolerance.elementwise,
          'randomNormal',
        );
      },
    },
    {
      name: 'randomBernoulli with scalar and per-entry p',
      group: 'random',
      run: async (backend, ctx) => {
        const scalar = await runOp(backend, [], shape, (o) =>
          backend.randomBernoulli(o, new Rng(ctx.seed), 0.3),
        );
        const r = new Rng(ctx.seed);
        expectEqual(
          scalar,
          Float64Array.from({ length: n }, () => (r.uniform() < 0.3 ? 1 : 0)),
          'bernoulli p=0.3',
        );
        const p = randomArray(new Rng(ctx.seed + 1), shape, 0, 1);
        const perEntry = await runOp(backend, [{ data: p, shape }], shape, (o, pt) =>
          backend.randomBernoulli(o, new Rng(ctx.seed), pt),
        );
        const r2 = new Rng(ctx.seed);
        expectEqual(
          perEntry,
          Float64Array.from(p, (pi) => (r2.uniform() < pi ? 1 : 0)),
          'bernoulli per-entry p',
        );
      },
    },
    {
      name: 'randomBernoulli continues the generator: draws in a row, then the stream goes on',
      group: 'random',
      run: async (backend, ctx) => {
        // the sizes of a spiking step (odd ones included), one generator for all, as a step draws
        const rng = new Rng(ctx.seed);
        const ref = new Rng(ctx.seed);
        for (const [rows, cols] of [
          [3, 7],
          [5, 33],
          [3, 7],
          [1, 1],
        ]) {
          const p = randomArray(new Rng(ctx.seed + rows * cols), [rows, cols], -0.2, 1.2);
          const got = await runOp(backend, [{ data: p, shape: [rows, cols] }], [rows, cols], (o, pt) =>
            backend.randomBernoulli(o, rng, pt),
          );
          expectEqual(
            got,
            Float64Array.from(p, (pi) => (ref.uniform() < pi ? 1 : 0)),
            `bernoulli ${rows}×${cols}`,
          );
        }
        const edges = await runOp(backend, [], [2, 9], (o) => backend.randomBernoulli(o, rng, 1));
        for (let i = 0; i < 18; i++) ref.uniform();
        expectEqual(edges, new Float64Array(18).fill(1), 'bernoulli p = 1');
        if (rng.uniform() !== ref.uniform())
          throw new Error('randomBernoulli: the generator did not continue where the draws ended');
      },
    },
  ];
}
