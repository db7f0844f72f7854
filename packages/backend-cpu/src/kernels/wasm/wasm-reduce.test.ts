import { Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { sum } from '../rows.js';
import { createWasmKernels } from './wasm-instance.js';

describe('wasm sumColumns (the bias step of an update)', () => {
  it.each([
    [128, 1000],
    [37, 1003],
    [1, 3],
  ])('%i×%i: the same bits as the plain-JS f64 sum, and within 1e-6 of a float64 reference', (rows, cols) => {
    const { heap, exports } = createWasmKernels();
    const rng = new Rng(3);
    const a = Float32Array.from({ length: rows * cols }, () => rng.normal() * 100);
    const [pa, pout, acc] = [heap.alloc(4 * rows * cols), heap.alloc(4 * cols), heap.alloc(8 * cols)];
    heap.f32(pa, rows * cols).set(a);
    heap.f32(pout, cols).fill(Number.NaN);
    new Float64Array(heap.memory.buffer, acc, cols).fill(Number.NaN); // scratch garbage must not leak in
    exports.sumColumns(pout, pa, rows, cols, acc);
    const js = new Float32Array(cols);
    sum(js, a, rows, cols, 0, new Float64Array(cols));
    expect(Array.from(heap.f32(pout, cols))).toEqual(Array.from(js));
    const want = new Float64Array(cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) want[j] += a[i * cols + j];
    expectClose(heap.f32(pout, cols), want, { atol: 1e-6, rtol: 1e-6 }, 'column sums');
  });
});
