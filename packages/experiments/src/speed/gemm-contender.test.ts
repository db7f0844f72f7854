import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { gemmGflops, RfaGemmContender } from './gemm-contender.js';

describe('gemm rate', () => {
  it('gemmGflops counts 2·M·K·N flops a product: 500 products of 10×20×30 in 3 ms', () => {
    expect(gemmGflops({ m: 10, k: 20, n: 30 }, 500, 3)).toBeCloseTo(
      (2 * 10 * 20 * 30 * 500) / 3e-3 / 1e9,
      12,
    );
  });

  it("RfaGemmContender times the backend's product and reports a positive rate", async () => {
    const backend = createCpuBackend({ kernels: 'js' });
    const gemm = new RfaGemmContender('rfa-cpu', backend, { m: 4, k: 3, n: 2 });
    await gemm.activate();
    const rate = await gemm.run(0.01);
    expect(rate).toBeGreaterThan(0);
    expect(Number.isFinite(rate)).toBe(true);
    gemm.dispose();
    backend.dispose();
  });
});
