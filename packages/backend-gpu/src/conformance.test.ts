import { describeConformance } from '@rfa/testkit/vitest';
import { describe, it } from 'vitest';
import { createGpuBackend } from './create-gpu-backend.js';
import { headlessGlSkipReason } from './test-env.js';
import { GPU_TOLERANCE, WEBASM_TOLERANCE } from './tolerance.js';

// cpuThreshold 0 puts every tensor on the device, so every kernel is checked.
describeConformance('gpu webasm (all kernels)', () => createGpuBackend({ mode: 'webasm', cpuThreshold: 0 }), {
  tolerance: WEBASM_TOLERANCE,
});

// Default threshold: small tensors on the CPU backend, large on the device, and mixed ops between them.
describeConformance('gpu webasm (default CPU threshold)', () => createGpuBackend({ mode: 'webasm' }), {
  tolerance: WEBASM_TOLERANCE,
});

describeConformance('gpu cpu mode (all kernels)', () => createGpuBackend({ mode: 'cpu', cpuThreshold: 0 }), {
  tolerance: WEBASM_TOLERANCE,
  large: false,
  skip: {},
});

const glSkip = headlessGlSkipReason();
if (glSkip) {
  console.warn(`conformance: gpu headlessgl skipped: ${glSkip}`);
  describe.skip(`conformance: gpu headlessgl — skipped: ${glSkip}`, () => {
    it('headlessgl', () => {});
  });
} else {
  describeConformance(
    'gpu headlessgl (all kernels)',
    () => createGpuBackend({ mode: 'headlessgl', cpuThreshold: 0 }),
    {
      tolerance: GPU_TOLERANCE,
    },
  );
}
