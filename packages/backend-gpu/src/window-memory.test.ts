import { createCpuBackend } from '@rfa/backend-cpu';
import { type Backend, Rng, reshapeView, windowGeometry } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from './create-gpu-backend.js';
import type { GpuBackend } from './gpu-backend.js';
import { headlessGlSkipReason } from './test-env.js';

/**
 * A conv layer's step on the window ops: im2col, the product through a view of the
 * NHWC output, max pooling, then the way back (pool backward, the patch gradient,
 * col2im) and an update of the kernels, all into tensors made once.
 */
function convLoop(backend: Backend, steps: number, onStep?: (step: number) => void) {
  const rng = new Rng(3);
  const g = windowGeometry({ batch: 8, height: 12, width: 12, channels: 2, kernel: 3, padding: 'same' });
  const p = windowGeometry({ batch: 8, height: 12, width: 12, channels: 4, kernel: 2, stride: 2 });
  const pixels = g.batch * g.outHeight * g.outWidth;
  const x = backend.zeros([8, 12 * 12 * 2]);
  const cols = backend.zeros([pixels, 3 * 3 * 2]);
  const w = backend.zeros([4, 3 * 3 * 2]);
  const y = backend.zeros([8, 12 * 12 * 4]);
  const yRows = reshapeView(y, [pixels, 4]);
  const pooled = backend.zeros([8, 6 * 6 * 4]);
  const argmax = backend.zeros([8, 6 * 6 * 4]);
  const dy = backend.zeros([8, 12 * 12 * 4]);
  const dyRows = reshapeView(dy, [pixels, 4]);
  const dCols = backend.zeros([pixels, 3 * 3 * 2]);
  const dx = backend.zeros([8, 12 * 12 * 2]);
  const dw = backend.zeros([4, 3 * 3 * 2]);
  backend.randomUniform(x, rng, -1, 1);
  backend.randomUniform(w, rng, -0.3, 0.3);
  for (let s = 0; s < steps; s++) {
    backend.im2col(cols, x, g);
    backend.gemm(yRows, cols, w, { transB: true });
    backend.maxPool(pooled, argmax, y, p);
    backend.maxPoolBackward(dy, pooled, argmax, p); // the pooled output itself as the error
    backend.gemm(dw, dyRows, cols, { transA: true, alpha: 1 / 8 });
    backend.gemm(dCols, dyRows, w);
    backend.col2im(dx, dCols, g);
    backend.axpy(w, -0.01, dw);
    backend.avgPool(pooled, y, p);
    backend.avgPoolBackward(dy, pooled, p);
    onStep?.(s);
  }
  return { w, dx, all: [x, cols, w, y, pooled, argmax, dy, dCols, dx, dw], views: [yRows, dyRows] };
}

const modes = [
  { mode: 'webasm' as const, skip: undefined },
  { mode: 'headlessgl' as const, skip: headlessGlSkipReason() },
];

for (const { mode, skip } of modes) {
  describe.skipIf(skip !== undefined)(
    `20 conv steps on gpu ${mode}${skip ? ` — skipped: ${skip}` : ''}`,
    () => {
      it('leave tensors and device buffers flat, run every window kernel on the device, and match the CPU backend', async () => {
        const gpu: GpuBackend = await createGpuBackend({ mode, cpuThreshold: 0 });
        const snapshots: ReturnType<GpuBackend['memory']>[] = [];
        const { w, dx, all, views } = convLoop(gpu, 20, (s) => {
          // step 0 compiles the kernels; from step 1 on nothing may grow
          if (s === 1 || s === 19) snapshots.push(gpu.memory());
        });
        expect(snapshots[1]).toEqual(snapshots[0]);
        expect(snapshots[0].tensors).toBe(10); // the two views are not tensors of their own
        expect(snapshots[0].deviceBuffers).toBe(10);
        // no window kernel went to gpu.js's CPU fallback
        expect(gpu.description).not.toContain('CPU fallback');

        const cpu = createCpuBackend();
        const ref = convLoop(cpu, 20);
        const tolerance = { atol: 1e-5, rtol: 1e-4 };
        expectClose(await w.read(), await ref.w.read(), tolerance, `${mode} kernels after 20 steps`);
        expectClose(await dx.read(), await ref.dx.read(), tolerance, `${mode} input gradient`);
        for (const t of [...views, ...all]) t.dispose();
        expect(gpu.memory().tensors).toBe(0);
        expect(gpu.memory().deviceBuffers).toBe(0);
        gpu.dispose();
        cpu.dispose();
      });
    },
  );
}
