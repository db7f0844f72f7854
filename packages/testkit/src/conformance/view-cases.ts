import {
  type Backend,
  DisposedError,
  formatShape,
  Rng,
  reshapeView,
  type Shape,
  scopeAsync,
} from '@rfa/tensor';
import { expectClose, expectEqual } from '../expect-close.js';
import { randomArray } from '../fixtures.js';
import { refGemm } from '../reference.js';
import { expectThrows, expectTrue } from './assert.js';
import type { ConformanceCase } from './types.js';

/** [base, view] shape pairs: a small one (host-side on the GPU backend) and a conv-layer-sized one. */
const PAIRS: [Shape, Shape][] = [
  [
    [2, 6],
    [4, 3],
  ],
  [
    [32, 24 * 24 * 6],
    [32 * 24 * 24, 6],
  ],
];

function sharesStorage(base: Shape, view: Shape): ConformanceCase {
  const name = `reshapeView ${formatShape(base)} as ${formatShape(view)} shares storage both ways`;
  return {
    name,
    group: 'views',
    run: async (backend, ctx) => {
      const rng = new Rng(ctx.seed);
      const values = randomArray(rng, base);
      const [rows, cols] = view;
      const a = randomArray(rng, [rows, 3]);
      const w = randomArray(rng, [cols, 3]);
      const before = backend.memory().tensors;
      await scopeAsync(async () => {
        const t = backend.fromArray(values, base);
        const v = reshapeView(t, view);
        expectEqual(await v.read(), values, `${name}: read through the view`);
        backend.scale(v, v, 2); // an op writing through the view
        expectEqual(
          await t.read(),
          Float32Array.from(values, (x) => 2 * x),
          `${name}: base after scale(view)`,
        );
        // the conv layer's use: y seen as [pixels, channels] = a · wᵀ, then read as images
        const ta = backend.fromArray(a, [rows, 3]);
        const tw = backend.fromArray(w, [cols, 3]);
        backend.gemm(v, ta, tw, { transB: true });
        const want = new Float64Array(rows * cols);
        const bound = new Float64Array(rows * cols);
        refGemm(want, a, w, rows, cols, 3, false, true, 1, 0, bound);
        expectClose(
          await t.read(),
          want,
          ctx.tolerance.gemm,
          `${name}: base after gemm into the view`,
          bound,
        );
        // and an op writing the base, read through the view
        backend.fill(t, 0.5);
        expectEqual(
          await v.read(),
          new Float32Array(values.length).fill(0.5),
          `${name}: view after fill(base)`,
        );
        expectTrue(backend.memory().tensors === before + 3, `${name}: views are not counted as tensors`);
      });
      expectTrue(backend.memory().tensors === before, `${name}: memory back to baseline`);
    },
  };
}

const disposeSemantics: ConformanceCase = {
  name: 'reshapeView: disposing the view keeps the storage; disposing the base ends the view',
  group: 'views',
  run: async (backend: Backend) => {
    const before = backend.memory();
    const t = backend.fromArray([1, 2, 3, 4, 5, 6], [2, 3]);
    const v = reshapeView(t, [3, 2]);
    v.dispose();
    expectTrue(backend.memory().tensors === before.tensors + 1, 'disposing a view freed the storage');
    expectEqual(await t.read(), [1, 2, 3, 4, 5, 6], 'base after its view was disposed');
    expectThrows(() => backend.fill(v, 1), DisposedError, ['fill'], 'op on a disposed view');
    const w = reshapeView(t, [6]);
    t.dispose();
    expectThrows(
      () => backend.fill(w, 1),
      DisposedError,
      ['view of tensor'],
      'op on a view of a disposed base',
    );
    expectTrue(w.disposed, 'a view of a disposed base reports disposed');
    w.dispose(); // idempotent, frees nothing more
    const after = backend.memory();
    expectTrue(
      after.tensors === before.tensors && after.bytes === before.bytes,
      `memory back to baseline: ${JSON.stringify(after)} vs ${JSON.stringify(before)}`,
    );
  },
};

export function viewCases(): ConformanceCase[] {
  return [disposeSemantics, ...PAIRS.map(([b, v]) => sharesStorage(b, v))];
}
