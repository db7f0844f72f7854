import v8 from 'node:v8';
import { OptionError, Rng, UnsupportedError } from '@rfa/tensor';
import { expectClose, refGemm } from '@rfa/testkit';
import { describeConformance } from '@rfa/testkit/vitest';
import { describe, expect, it, vi } from 'vitest';
import { createCpuBackend } from './cpu-backend.js';
import { fmaKernelsSupported } from './kernels/wasm/wasm-instance.js';

// Node 20's V8 (11.3) has relaxed SIMD behind this flag; from V8 11.4 it is on by default.
// Set here, before any kernel module compiles, as a Node 20 user would.
v8.setFlagsFromString('--experimental-wasm-relaxed-simd');

describe('fused multiply-add kernels (relaxed SIMD)', () => {
  it('are available once the engine has relaxed SIMD', () => {
    expect(fmaKernelsSupported()).toBe(true);
  });

  it('say so in the description, and give float64 answers to float32 accuracy on the fig3a product', () => {
    const rng = new Rng(5);
    const [m, k, n] = [128, 784, 1000];
    const a = Float32Array.from({ length: m * k }, () => rng.uniform());
    const b = Float32Array.from({ length: k * n }, () => rng.uniform() - 0.5);
    const run = (fma: boolean) => {
      const backend = createCpuBackend({ kernels: 'wasm', threads: 1, fma });
      const c = backend.zeros([m, n]);
      backend.gemm(c, backend.fromArray(a, [m, k]), backend.fromArray(b, [k, n]));
      const out = c.readSync();
      const description = backend.description;
      backend.dispose();
      return { out, description };
    };
    const fused = run(true);
    const plain = run(false);
    expect(fused.description).toMatch(/fused multiply-add/);
    expect(plain.description).not.toMatch(/fused/);
    const want = new Float64Array(m * n);
    refGemm(want, a, b, m, n, k, false, false, 1, 0);
    expectClose(fused.out, want, { atol: 1e-4, rtol: 1e-5 }, 'fma gemm vs float64');
    // one rounding per multiply-add instead of two: the bits must differ somewhere, or the option did nothing
    let differ = 0;
    for (let i = 0; i < fused.out.length; i++) if (fused.out[i] !== plain.out[i]) differ++;
    expect(differ).toBeGreaterThan(fused.out.length / 10);
  });

  it('name a bad fma option, and refuse it where relaxed SIMD is missing', () => {
    expect(() => createCpuBackend({ fma: 'yes' as never })).toThrow(OptionError);
    expect(() => createCpuBackend({ fma: 'yes' as never })).toThrow(/fma/);
    expect(() => createCpuBackend({ kernels: 'js', fma: true })).toThrow(/fma applies to the wasm kernels/);
    // an engine with SIMD but no relaxed SIMD: the 42-byte SIMD probe validates, the fma module does not
    const original = WebAssembly.validate;
    const validate = vi
      .spyOn(WebAssembly, 'validate')
      .mockImplementation((bytes) => (bytes as Uint8Array).byteLength < 100 && original(bytes));
    try {
      expect(() => createCpuBackend({ fma: true })).toThrow(UnsupportedError);
      expect(() => createCpuBackend({ fma: true })).toThrow(/--experimental-wasm-relaxed-simd/);
    } finally {
      validate.mockRestore();
    }
    // no SIMD at all: 'auto' would fall back to JS, which has no fused build
    const none = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    try {
      expect(() => createCpuBackend({ fma: true })).toThrow(/no WebAssembly SIMD/);
    } finally {
      none.mockRestore();
    }
  });
});

describeConformance('cpu (wasm SIMD kernels, fused multiply-add, one thread)', () =>
  createCpuBackend({ kernels: 'wasm', threads: 1, fma: true }),
);
describeConformance('cpu (wasm SIMD kernels, fused multiply-add, two threads)', async () => {
  const backend = createCpuBackend({ kernels: 'wasm', threads: 2, fma: true });
  await backend.whenReady();
  return backend;
});
