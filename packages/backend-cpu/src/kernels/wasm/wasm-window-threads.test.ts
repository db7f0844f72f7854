import { Rng, type WindowGeometry, windowGeometry } from '@rfa/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmKernels } from './wasm-instance.js';
import { WasmPool } from './wasm-pool.js';
import { WasmWindow, type WindowOpName } from './wasm-window.js';

// Split by images over two threads, every window op must give the bits of one thread:
// each image is computed the same way wherever it runs, so a difference means a chunk
// touched another chunk's images, skipped some, or read the geometry wrong.
describe('the window ops split over the pool', () => {
  const kernels = createWasmKernels();
  const pool = new WasmPool(kernels, 2);
  // the default threshold keeps LeNet-sized jobs on one thread; split every job here
  const threaded = new WasmWindow(pool, 1);
  const single = new WasmWindow(new WasmPool(kernels, 1));
  const { heap } = kernels;
  const rng = new Rng(5);
  beforeAll(async () => {
    expect(await pool.whenReady()).toBe(2);
  });
  afterAll(() => {
    // a worker may sleep through one job (the caller then takes every chunk), not through all
    expect(pool.workerChunks).toBeGreaterThan(0);
    pool.dispose();
  });

  const alloc = (n: number) => heap.alloc(4 * n);
  const fill = (at: number, n: number, integers = false) => {
    const view = heap.f32(at, n);
    for (let i = 0; i < n; i++) view[i] = integers ? rng.int(3) : rng.uniform() - 0.5;
  };
  const read = (at: number, n: number) => heap.f32(at, n).slice();
  /** Entries whose bits differ (toEqual on millions of floats is slow). */
  const differing = (a: Float32Array, b: Float32Array) => {
    const [x, y] = [new Uint32Array(a.buffer), new Uint32Array(b.buffer)];
    let n = x.length === y.length ? 0 : Number.POSITIVE_INFINITY;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
    return n;
  };

  const geometries: WindowGeometry[] = [
    windowGeometry({ batch: 128, height: 28, width: 28, channels: 1, kernel: 5 }),
    windowGeometry({ batch: 67, height: 14, width: 14, channels: 6, kernel: 5, stride: 2, padding: 'same' }),
    windowGeometry({ batch: 128, height: 24, width: 24, channels: 6, kernel: 3, stride: 2, padding: 1 }),
  ];
  for (const g of geometries) {
    const image = g.height * g.width * g.channels;
    const pooled = g.outHeight * g.outWidth * g.channels;
    const cols = pooled * g.kernelHeight * g.kernelWidth;
    // [op, output floats per image, input floats per image, second operand floats (0: none), integer input]
    const ops: [WindowOpName, number, number, number][] = [
      ['im2col', cols, image, 0],
      ['col2im', image, cols, 0],
      ['maxPool', pooled, image, pooled],
      ['maxPoolBackward', image, pooled, pooled],
      ['avgPool', pooled, image, 0],
      ['avgPoolBackward', image, pooled, 0],
    ];
    for (const [op, outN, inN, secondN] of ops) {
      it(`${op} b${g.batch} ${g.height}×${g.width}×${g.channels} k${g.kernelHeight} s${g.strideHeight}: two threads give one thread's bits`, () => {
        const [outs, ins, second] = [
          alloc(g.batch * outN),
          alloc(g.batch * inN),
          alloc(g.batch * secondN + 1),
        ];
        fill(ins, g.batch * inN);
        // maxPoolBackward reads argmax taps: integers of the window
        if (op === 'maxPoolBackward') {
          const taps = heap.f32(second, g.batch * secondN);
          for (let i = 0; i < taps.length; i++) taps[i] = rng.int(g.kernelHeight * g.kernelWidth);
        }
        const floats = outN + inN + secondN;
        single.run(op, g, outs, ins, second, floats);
        const one = read(outs, g.batch * outN);
        const oneSecond = op === 'maxPool' ? read(second, g.batch * secondN) : null;
        heap.f32(outs, g.batch * outN).fill(Number.NaN);
        threaded.run(op, g, outs, ins, second, floats);
        expect(differing(read(outs, g.batch * outN), one)).toBe(0);
        if (oneSecond) expect(differing(read(second, g.batch * secondN), oneSecond)).toBe(0);
        expect(one.some((v) => v !== 0)).toBe(true);
        heap.free(outs, 4 * g.batch * outN);
        heap.free(ins, 4 * g.batch * inN);
        heap.free(second, 4 * (g.batch * secondN + 1));
      });
    }
  }
});
