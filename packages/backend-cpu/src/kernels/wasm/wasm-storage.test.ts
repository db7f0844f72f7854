import { UnsupportedError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { createWasmKernels } from './wasm-instance.js';
import { WasmStorage } from './wasm-storage.js';

// memory.grow detaches a plain memory's old buffer: tensors allocated before must
// still read and write their own values afterwards
describe.each([false, true])('WasmStorage (shared memory: %s) across memory growth', (shared) => {
  it('keeps earlier handles valid and zeroes recycled blocks', () => {
    const storage = new WasmStorage(createWasmKernels({ shared, initialPages: 1 }));
    const first = storage.allocate(100);
    first.data.set(Array.from({ length: 100 }, (_, i) => i + 0.5));
    const before = storage.kernels.heap.byteLength;
    const big = storage.allocate(200_000); // 800 kB: forces growth past one 64 KiB page
    expect(storage.kernels.heap.byteLength).toBeGreaterThan(before);
    expect(first.data.length).toBe(100);
    expect(first.data[99]).toBe(99.5);
    first.data[0] = -1;
    expect(storage.kernels.heap.f32(first.ptr, 1)[0]).toBe(-1);
    big.data[199_999] = 7;
    expect(big.data[199_999]).toBe(7);
    storage.free(first);
    const again = storage.allocate(100);
    expect(again.ptr).toBe(first.ptr);
    expect(Array.from(again.data).every((x) => x === 0)).toBe(true);
  });
});

describe('WasmHeap at its maximum', () => {
  it('grows by what is needed when doubling would pass the maximum, then throws a typed error', () => {
    const { heap } = createWasmKernels({ shared: true, initialPages: 1 });
    // the shared memory's maximum is 2 GiB: 1.5 GiB fits only without doubling
    heap.alloc(1.5 * 2 ** 30);
    expect(heap.byteLength).toBeLessThan(2 ** 31 + 1);
    expect(() => heap.alloc(2 ** 30)).toThrow(UnsupportedError);
  });
});

describe('WasmHeap block alignment', () => {
  it('starts every block on a 64-byte cache line, whatever sizes came before', () => {
    const { heap } = createWasmKernels({ shared: false, initialPages: 1 });
    const sizes = [4, 40, 100, 4 * 1000, 4 * 784 * 1000, 12, 4 * 128 * 10];
    const ptrs = sizes.map((bytes) => heap.alloc(bytes));
    heap.free(ptrs[1], sizes[1]);
    ptrs.push(heap.alloc(sizes[1]), heap.alloc(3));
    for (const ptr of ptrs) expect(ptr % 64).toBe(0);
    // distinct blocks: no two overlap
    const spans = ptrs.slice(0, sizes.length).map((p, i) => [p, p + sizes[i]]);
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
  });
});
