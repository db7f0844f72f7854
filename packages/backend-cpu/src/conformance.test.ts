import { describeConformance } from '@rfa/testkit/vitest';
import { createCpuBackend } from './cpu-backend.js';

// the plain-JS kernels stay the reference and the fallback: every variant runs the whole suite
describeConformance('cpu (plain JS kernels)', () => createCpuBackend({ kernels: 'js' }));
describeConformance('cpu (wasm SIMD kernels, one thread)', () =>
  createCpuBackend({ kernels: 'wasm', threads: 1 }),
);
describeConformance('cpu (wasm SIMD kernels, two threads)', async () => {
  const backend = createCpuBackend({ kernels: 'wasm', threads: 2 });
  await backend.whenReady();
  return backend;
});
