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
  ];
}
