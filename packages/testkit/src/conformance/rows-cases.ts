import { formatShape, Rng } from '@rfa/tensor';
import { expectClose, expectEqual } from '../expect-close.js';
import { randomArray } from '../fixtures.js';
import { refArgmaxRows, refSum } from '../reference.js';
import { runOp } from './elementwise-cases.js';
import type { ConformanceCase } from './types.js';

const MATRICES: [number, number][] = [
  [1, 1],
  [1, 9],
  [9, 1],
  [7, 13],
  [128, 1000],
];

function addRowVectorCase(rows: number, cols: number): ConformanceCase {
  const name = `addRowVector ${formatShape([rows, cols])}`;
  return {
    name,
    group: 'rows',
    run: async (backend, ctx) => {
      const rng = new Rng(ctx.seed);
      const a = randomArray(rng, [rows, cols]);
      const r = randomArray(rng, [cols]);
      const got = await runOp(
        backend,
        [
          { data: a, shape: [rows, cols] },
          { data: r, shape: [cols] },
        ],
        [rows, cols],
        (o, x, y) => backend.addRowVector(o, x, y),
      );
      expectClose(
        got,
        Float64Array.from(a, (v, i) => v + r[i % cols]),
        ctx.tolerance.elementwise,
        name,
      );
    },
  };
}

function sumCase(rows: number, cols: number, axis: 0 | 1): ConformanceCase {
  const name = `sum axis ${axis} ${formatShape([rows, cols])}`;
  return {
    name,
    group: 'rows',
    run: async (backend, ctx) => {
      const rng = new Rng(ctx.seed);
      const a = randomArray(rng, [rows, cols]);
      const got = await runOp(
        backend,
        [{ data: a, shape: [rows, cols] }],
        [axis === 0 ? cols : rows],
        (o, x) => backend.sum(o, x, axis),
      );
      expectClose(got, refSum(a, rows, cols, axis), ctx.tolerance.reduction, name);
    },
  };
}

function argmaxCase(rows: number, cols: number): ConformanceCase {
  const name = `argmaxRows ${formatShape([rows, cols])}`;
  return {
    name,
    group: 'rows',
    run: async (backend, ctx) => {
      const rng = new Rng(ctx.seed);
      const a = randomArray(rng, [rows, cols]);
      const got = await runOp(backend, [{ data: a, shape: [rows, cols] }], [rows], (o, x) =>
        backend.argmaxRows(o, x),
      );
      expectEqual(got, refArgmaxRows(a, rows, cols), name);
    },
  };
}

const argmaxTies: ConformanceCase = {
  name: 'argmaxRows ties pick the first',
  group: 'rows',
  run: async (backend) => {
    const a = [0, 3, 3, 1, /**/ 5, 5, 5, 5, /**/ -1, -2, -1, -3];
    const got = await runOp(backend, [{ data: a, shape: [3, 4] }], [3], (o, x) => backend.argmaxRows(o, x));
    expectEqual(got, [1, 0, 0], 'argmax ties');
  },
};

export function rowsCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [argmaxTies];
  for (const [r, c] of MATRICES) {
    cases.push(addRowVectorCase(r, c), sumCase(r, c, 0), sumCase(r, c, 1), argmaxCase(r, c));
  }
  return cases;
}
