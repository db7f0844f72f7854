import { OptionError, Rng, ShapeError, scope, type WindowGeometry, windowGeometry } from '@rfa/tensor';
import { expectClose, expectEqual } from '../expect-close.js';
import { randomArray } from '../fixtures.js';
import { refMaxPool, refMaxPoolBackward } from '../reference-window.js';
import { expectThrows } from './assert.js';
import type { ConformanceCase } from './types.js';
import { runWindowOp, windowShapes } from './window-run.js';

/** Pixels drawn from {0, 1, 2}: most windows hold ties, and the first tap must win. */
const randomTies: ConformanceCase = {
  name: 'maxPool ties on integer images: the first tap wins, backward routes there',
  group: 'windows',
  run: async (backend, ctx) => {
    const g = windowGeometry({
      batch: 3,
      height: 8,
      width: 7,
      channels: 2,
      kernel: 3,
      stride: 2,
      padding: 'same',
    });
    const s = windowShapes(g);
    const rng = new Rng(ctx.seed);
    const x = Float32Array.from({ length: g.batch * g.height * g.width * g.channels }, () => rng.int(3));
    const dy = randomArray(rng, s.pooled);
    const want = refMaxPool(x, g);
    const [out, argmax, dx] = await runWindowOp(
      backend,
      [
        { data: x, shape: s.image },
        { data: dy, shape: s.pooled },
      ],
      [s.pooled, s.pooled, s.image],
      ([o, a, d], [tx, tdy]) => {
        backend.maxPool(o, a, tx, g);
        backend.maxPoolBackward(d, tdy, a, g);
      },
    );
    expectEqual(out, want.out, 'max');
    expectEqual(argmax, want.argmax, 'argmax');
    const bound = new Float64Array(x.length);
    expectClose(dx, refMaxPoolBackward(dy, want.argmax, g, bound), ctx.tolerance.reduction, 'dx', bound);
  },
};

const errors: ConformanceCase = {
  name: 'window ops: typed errors name the op, the operand and the shapes',
  group: 'windows',
  run: async (backend) => {
    const g: WindowGeometry = windowGeometry({
      batch: 2,
      height: 4,
      width: 4,
      channels: 3,
      kernel: 2,
      stride: 2,
    });
    scope(() => {
      const x = backend.zeros([2, 48]);
      const cols = backend.zeros([8, 12]);
      const pooled = backend.zeros([2, 12]);
      const argmax = backend.zeros([2, 12]);
      expectThrows(
        () => backend.im2col(backend.zeros([8, 11]), x, g),
        ShapeError,
        ['im2col', 'cols must be [8,12]', '[8,11]'],
        'cols shape',
      );
      expectThrows(
        () => backend.col2im(backend.zeros([2, 47]), cols, g),
        ShapeError,
        ['col2im', 'x must be [2,48]'],
        'x shape',
      );
      expectThrows(
        () => backend.maxPool(pooled, argmax, backend.zeros([3, 48]), g),
        ShapeError,
        ['maxPool', 'x must be [2,48]'],
        'pool input',
      );
      expectThrows(
        () => backend.maxPool(pooled, pooled, x, g),
        ShapeError,
        ['maxPool', 'out must not share storage with argmax'],
        'aliased outputs',
      );
      expectThrows(
        () => backend.avgPoolBackward(x, backend.zeros([2, 13]), g),
        ShapeError,
        ['avgPoolBackward', 'dy must be [2,12]'],
        'dy shape',
      );
      expectThrows(
        () => backend.avgPool(pooled, x, { ...g, strideHeight: 0 }),
        OptionError,
        ['avgPool', 'strideHeight'],
        'bad geometry',
      );
      expectThrows(
        () => backend.maxPoolBackward(x, pooled, argmax, { ...g, padTop: 2 }),
        OptionError,
        ['maxPoolBackward', 'padTop'],
        'padding ≥ kernel',
      );
    });
  },
};

/** Ties on integer images and the typed errors of the window ops. */
export function windowEdgeCases(): ConformanceCase[] {
  return [randomTies, errors];
}
