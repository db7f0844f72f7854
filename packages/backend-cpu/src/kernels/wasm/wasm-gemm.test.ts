import { Rng } from '@rfa/tensor';
import { expectClose, refGemmFrom } from '@rfa/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmGemm } from './wasm-gemm.js';
import { createWasmKernels } from './wasm-instance.js';

describe.each([1, 2, 3])('WasmGemm on %i thread(s)', (threads) => {
  const kernels = createWasmKernels();
  const gemm = new WasmGemm(kernels, { threads });
  beforeAll(async () => {
    // the workers must really take part, or the threaded cases test nothing
    expect(await gemm.whenReady()).toBe(threads);
  });
  afterAll(() => {
    // with threads, the workers must have computed some of the chunks checked below
    if (threads > 1) expect(gemm.workerChunks).toBeGreaterThan(0);
    gemm.dispose();
  });
  const rng = new Rng(7);
  const fill = (len: number) => Float32Array.from({ length: len }, () => rng.uniform() * 2 - 1);
  // sizes straddle the 4×8 tile and the KC/MC/NC blocks (k 300 → two k-blocks, n 1100 → two n-blocks)
  const sizes: Array<[number, number, number]> = [
    [1, 1, 1],
    [5, 9, 3],
    [4, 8, 16],
    [37, 29, 300],
    [130, 1100, 17],
    [3, 1, 40],
    [1, 1000, 784],
    [784, 1000, 1],
    [1, 10, 1000],
    [300, 1, 20],
    [10, 3, 70],
    [64, 100, 64],
    [128, 1000, 784],
  ];
  for (const [m, n, k] of sizes)
    for (const tA of [false, true])
      for (const tB of [false, true])
        it(`${m}×${n}×${k} transA=${tA} transB=${tB}, alpha 0.5, beta -2`, () => {
          const { heap } = kernels;
          const [pa, pb, pc] = [heap.alloc(4 * m * k), heap.alloc(4 * k * n), heap.alloc(4 * m * n)];
          const a = fill(m * k);
          const b = fill(k * n);
          const c0 = fill(m * n);
          heap.f32(pa, m * k).set(a);
          heap.f32(pb, k * n).set(b);
          heap.f32(pc, m * n).set(c0);
          gemm.run(pc, pa, pb, m, n, k, tA, tB, 0.5, -2);
          const want = refGemmFrom(c0, a, b, m, n, k, tA, tB, 0.5, -2);
          expectClose(heap.f32(pc, m * n), want, { atol: 1e-5, rtol: 1e-5 }, 'wasm gemm');
          heap.free(pa, 4 * m * k);
          heap.free(pb, 4 * k * n);
          heap.free(pc, 4 * m * n);
        });
});
