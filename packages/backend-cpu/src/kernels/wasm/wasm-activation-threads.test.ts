import { Rng } from '@rfa/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmActivation } from './wasm-activation.js';
import { createWasmKernels } from './wasm-instance.js';
import { WasmPool } from './wasm-pool.js';
import { ACTIVATION_CODES } from './wasm-runtime.js';

// Split by rows over two threads, the fused pass must give the very bits of one
// call on one thread: each row is computed the same way wherever it runs, so any
// difference means a chunk touched the wrong rows, skipped some, or lost a part.
describe('the fused activation split over the pool', () => {
  const kernels = createWasmKernels();
  const pool = new WasmPool(kernels, 2);
  const activation = new WasmActivation(pool);
  const { heap, exports } = kernels;
  const rng = new Rng(11);
  beforeAll(async () => {
    expect(await pool.whenReady()).toBe(2);
  });
  let threadedChunks = 0;
  afterAll(() => {
    // a worker may sleep through one small job (the caller then takes every chunk), not through all
    expect(threadedChunks).toBeGreaterThan(0);
    pool.dispose();
  });

  const alloc = (n: number) => heap.alloc(4 * n);
  const fill = (at: number, n: number) => {
    const view = heap.f32(at, n);
    for (let i = 0; i < n; i++) view[i] = (rng.uniform() - 0.5) * 12;
    return view.slice();
  };
  const read = (at: number, n: number) => heap.f32(at, n).slice();

  // 128×1000 is the fig3a hidden layer at batch 128; 257×301 leaves a ragged tail in every row
  const shapes: Array<[number, number]> = [
    [128, 1000],
    [257, 301],
  ];
  const parts = [
    { bias: true, post: true, derivative: true },
    { bias: false, post: true, derivative: false },
    { bias: true, post: false, derivative: true },
  ];
  for (const [rows, cols] of shapes) {
    for (const [name, code] of Object.entries(ACTIVATION_CODES)) {
      for (const part of parts) {
        const label = Object.entries(part)
          .filter(([, on]) => on)
          .map(([key]) => key)
          .join('+');
        it(`${name} ${rows}×${cols} (${label}): two threads give one thread's bits`, () => {
          const n = rows * cols;
          const pre = alloc(n);
          const bias = part.bias ? alloc(cols) : 0;
          const post = part.post ? alloc(n) : 0;
          const d = part.derivative ? alloc(n) : 0;
          const input = fill(pre, n);
          if (bias) fill(bias, cols);
          // one thread: the kernel itself, on the caller's scratch
          exports.activation(code, pre, bias, post, d, rows, cols, pool.scratch);
          const want = [read(pre, n), post ? read(post, n) : null, d ? read(d, n) : null];
          heap.f32(pre, n).set(input);
          if (post) heap.f32(post, n).fill(Number.NaN);
          if (d) heap.f32(d, n).fill(Number.NaN);
          const before = pool.workerChunks;
          activation.run(code, pre, bias, post, d, rows, cols);
          threadedChunks += pool.workerChunks - before;
          const got = [read(pre, n), post ? read(post, n) : null, d ? read(d, n) : null];
          for (let i = 0; i < 3; i++) {
            if (want[i] === null) continue;
            expect(
              Buffer.from((got[i] as Float32Array).buffer).equals(
                Buffer.from((want[i] as Float32Array).buffer),
              ),
            ).toBe(true);
          }
          for (const [at, size] of [
            [pre, n],
            [bias, cols],
            [post, n],
            [d, n],
          ])
            if (at) heap.free(at, 4 * size);
        });
      }
    }
  }

  it('a matrix under 64 K entries stays on the calling thread', () => {
    const [rows, cols] = [64, 1000];
    const pre = alloc(rows * cols);
    const post = alloc(rows * cols);
    fill(pre, rows * cols);
    const before = pool.workerChunks;
    activation.run(ACTIVATION_CODES.logistic, pre, 0, post, 0, rows, cols);
    expect(pool.workerChunks).toBe(before);
    const y = read(post, rows * cols);
    const x = read(pre, rows * cols);
    for (let i = 0; i < x.length; i += 997) expect(y[i]).toBeCloseTo(1 / (1 + Math.exp(-x[i])), 6);
  });
});
