import { OptionError, Rng, UnsupportedError } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it, vi } from 'vitest';
import { createCpuBackend } from './cpu-backend.js';

describe('createCpuBackend kernel choice', () => {
  it("'auto' picks the wasm kernels where WebAssembly SIMD exists (Node 20 has it) and says so", () => {
    const backend = createCpuBackend();
    expect(backend.kernels).toBe('wasm');
    expect(backend.description).toMatch(/WebAssembly SIMD.*auto/);
    backend.dispose();
  });

  it("'js' forces the plain-JS kernels", () => {
    const backend = createCpuBackend({ kernels: 'js' });
    expect(backend.kernels).toBe('js');
    expect(backend.description).toMatch(/plain JavaScript/);
  });

  it("falls back to JS where WebAssembly SIMD is missing, and 'wasm' then throws", () => {
    const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    try {
      const backend = createCpuBackend();
      expect(backend.kernels).toBe('js');
      expect(backend.description).toMatch(/no WebAssembly SIMD here, fell back to JS/);
      expect(() => createCpuBackend({ kernels: 'wasm' })).toThrow(UnsupportedError);
    } finally {
      validate.mockRestore();
    }
  });

  it('rejects an unknown kernel set and a bad thread count by name', () => {
    expect(() => createCpuBackend({ kernels: 'gpu' as never })).toThrow(OptionError);
    expect(() => createCpuBackend({ kernels: 'gpu' as never })).toThrow(/kernels/);
    expect(() => createCpuBackend({ kernels: 'wasm', threads: 0 })).toThrow(/threads/);
  });

  it('names a bad fewRows option, and says in its description whether the few-row kernels run', () => {
    expect(() => createCpuBackend({ fewRows: 'no' as never })).toThrow(OptionError);
    expect(() => createCpuBackend({ fewRows: 'no' as never })).toThrow(/fewRows/);
    const on = createCpuBackend({ kernels: 'wasm' });
    const off = createCpuBackend({ kernels: 'wasm', fewRows: false });
    expect(on.description).toMatch(/unpacked 4×8 tiles for ≤ 16 rows/);
    expect(off.description).not.toMatch(/unpacked/);
    on.dispose();
    off.dispose();
  });
});

describe('wasm-resident tensors', () => {
  it('keep their values and gemm stays right after the memory grows under them', () => {
    const backend = createCpuBackend({ kernels: 'wasm', threads: 1 });
    const rng = new Rng(3);
    const a = Array.from({ length: 6 * 5 }, () => rng.uniform());
    const b = Array.from({ length: 5 * 7 }, () => rng.uniform());
    const ta = backend.fromArray(a, [6, 5]);
    const tb = backend.fromArray(b, [5, 7]);
    const big = backend.zeros([4096, 4096]); // 64 MiB: more than the initial 16 MiB memory
    const tc = backend.zeros([6, 7]);
    backend.gemm(tc, ta, tb);
    const want = new Float64Array(42);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 7; j++) for (let p = 0; p < 5; p++) want[i * 7 + j] += a[i * 5 + p] * b[p * 7 + j];
    expectClose(tc.readSync(), want, { atol: 1e-6, rtol: 1e-6 }, 'gemm after growth');
    expectClose(ta.readSync(), a, { atol: 0, rtol: 1e-7 }, 'a after growth');
    for (const t of [ta, tb, big, tc]) t.dispose();
    expect(backend.memory().tensors).toBe(0);
  });
});
