import {
  BackendMismatchError,
  DisposedError,
  LengthError,
  OptionError,
  ShapeError,
  scope,
} from '@rfa/tensor';
import { expectClose } from '../expect-close.js';
import { expectThrows, expectTrue } from './assert.js';
import type { ConformanceCase } from './types.js';

export function lifecycleCases(): ConformanceCase[] {
  return [
    {
      name: 'fromArray, write, read and readSync round-trip',
      group: 'lifecycle',
      run: async (backend) => {
        const values = Float32Array.from({ length: 6 }, (_, i) => i * 0.5 - 1);
        const t = backend.fromArray(values, [2, 3]);
        expectTrue(t.shape[0] === 2 && t.shape[1] === 3 && t.size === 6, `shape ${t.shape}`);
        expectClose(await t.read(), values, { atol: 0, rtol: 0 }, 'read');
        backend.write(t, [9, 8, 7, 6, 5, 4]);
        expectClose(await t.read(), [9, 8, 7, 6, 5, 4], { atol: 0, rtol: 0 }, 'write then read');
        if (backend.canReadSync)
          expectClose(t.readSync(), [9, 8, 7, 6, 5, 4], { atol: 0, rtol: 0 }, 'readSync');
        const z = backend.zeros([4]);
        expectClose(await z.read(), [0, 0, 0, 0], { atol: 0, rtol: 0 }, 'zeros');
        t.dispose();
        z.dispose();
      },
    },
    {
      name: 'typed errors name the op and the shapes',
      group: 'lifecycle',
      run: async (backend) => {
        expectThrows(
          () => backend.fromArray([1, 2, 3], [2, 2]),
          LengthError,
          ['fromArray', '3', '[2,2]'],
          'wrong length',
        );
        expectThrows(() => backend.zeros([2, -1]), ShapeError, ['zeros'], 'negative dim');
        scope(() => {
          const a = backend.zeros([2, 3]);
          const b = backend.zeros([4, 5]);
          const c = backend.zeros([2, 5]);
          expectThrows(
            () => backend.gemm(c, a, b),
            ShapeError,
            ['gemm', '[2,3]', '[4,5]'],
            'gemm inner dims',
          );
          expectThrows(() => backend.add(c, a, a), ShapeError, ['add', '[2,5]', '[2,3]'], 'add shapes');
          // W [2,3], D [4,2], S [4,3], X [2,3], Y [2,2]: S with the wrong width, then Y aliasing W
          const [w, d, s, y] = [a, backend.zeros([4, 2]), backend.zeros([4, 3]), backend.zeros([2, 2])];
          expectThrows(
            () => backend.updateThenProject(w, d, backend.zeros([4, 5]), a, y),
            ShapeError,
            ['updateThenProject', 'S must be [4,3]', 'S [4,5]'],
            'updateThenProject shapes',
          );
          const square = backend.zeros([2, 2]); // W [2,2] with Y = W: shapes fit, the alias does not
          expectThrows(
            () => backend.updateThenProject(square, d, backend.zeros([4, 2]), backend.zeros([2, 2]), square),
            ShapeError,
            ['updateThenProject', 'alias'],
            'updateThenProject alias',
          );
          expectThrows(
            () => backend.updateThenProject(w, d, s, backend.zeros([2, 3]), y, { outBeta: Number.NaN }),
            OptionError,
            ['updateThenProject', 'outBeta'],
            'updateThenProject option',
          );
          expectThrows(
            () => backend.sum(backend.zeros([2]), a, 0),
            ShapeError,
            ['sum', '[2,3]', 'needs out [3]'],
            'sum out',
          );
          expectThrows(
            () => backend.addRowVector(a, a, backend.zeros([2])),
            ShapeError,
            ['addRowVector', '[2]'],
            'row vector',
          );
          expectThrows(
            () => backend.activationDerivative(a, a, 'softmax'),
            OptionError,
            ['softmax'],
            'softmax derivative',
          );
          expectThrows(
            () => backend.activate(a, a, 'swish' as never),
            OptionError,
            ['swish'],
            'unknown activation',
          );
        });
      },
    },
    {
      name: 'use after dispose throws DisposedError; dispose is idempotent',
      group: 'lifecycle',
      run: async (backend) => {
        const t = backend.zeros([3]);
        const u = backend.zeros([3]);
        t.dispose();
        t.dispose();
        expectTrue(t.disposed, 'disposed flag');
        expectThrows(() => backend.add(u, t, u), DisposedError, ['add', 'disposed'], 'add after dispose');
        let rejected = false;
        await t.read().catch((e) => {
          rejected = e instanceof DisposedError;
        });
        if (!rejected) {
          try {
            await t.read();
          } catch (e) {
            rejected = e instanceof DisposedError;
          }
        }
        expectTrue(rejected, 'read after dispose must fail with DisposedError');
        u.dispose();
      },
    },
    {
      name: 'tensors of another backend are refused',
      group: 'lifecycle',
      run: async (backend) => {
        const foreign = { ...backend, name: 'other' };
        const a = backend.zeros([2]);
        const alien = Object.create(a, { backend: { value: foreign } });
        expectThrows(
          () => backend.add(a, a, alien),
          BackendMismatchError,
          ['add', 'other'],
          'foreign tensor',
        );
        a.dispose();
      },
    },
    {
      name: 'scope frees temporaries and memory() returns to baseline',
      group: 'lifecycle',
      run: async (backend) => {
        const before = backend.memory();
        const kept = scope(() => {
          for (let i = 0; i < 50; i++) backend.zeros([16, 16]);
          return backend.zeros([4]);
        });
        const during = backend.memory();
        expectTrue(
          during.tensors === before.tensors + 1,
          `scope should keep only the returned tensor (${before.tensors} → ${during.tensors})`,
        );
        expectTrue(during.bytes === before.bytes + 16, `bytes ${before.bytes} → ${during.bytes}`);
        kept.dispose();
        const after = backend.memory();
        expectTrue(
          after.tensors === before.tensors && after.bytes === before.bytes,
          `leak: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
        );
      },
    },
  ];
}
