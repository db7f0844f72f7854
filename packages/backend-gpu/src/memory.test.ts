import { createCpuBackend } from '@rfa/backend-cpu';
import { type Backend, Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from './create-gpu-backend.js';
import type { GpuBackend } from './gpu-backend.js';
import { headlessGlSkipReason } from './test-env.js';

/** A training-like epoch: forward gemm, fused bias + tanh, a weight-gradient gemm and an axpy update, all in place. */
function trainingLoop(backend: Backend, epochs: number, onEpoch?: (epoch: number) => void) {
  const rng = new Rng(7);
  const x = backend.zeros([32, 64]);
  const w = backend.zeros([64, 96]);
  const b = backend.zeros([96]);
  const pre = backend.zeros([32, 96]);
  const post = backend.zeros([32, 96]);
  const deriv = backend.zeros([32, 96]);
  const grad = backend.zeros([64, 96]);
  backend.randomUniform(x, rng, -1, 1);
  backend.randomUniform(w, rng, -0.1, 0.1);
  backend.randomUniform(b, rng, -0.1, 0.1);
  for (let e = 0; e < epochs; e++) {
    backend.gemm(pre, x, w);
    backend.biasActivation(pre, b, post, 'tanh', deriv);
    backend.mul(post, post, deriv);
    backend.gemm(grad, x, post, { transA: true, alpha: 1 / 32 });
    backend.axpy(w, -0.05, grad);
    onEpoch?.(e);
  }
  return { w, all: [x, w, b, pre, post, deriv, grad] };
}

const modes = [
  { mode: 'webasm' as const, skip: undefined },
  { mode: 'headlessgl' as const, skip: headlessGlSkipReason() },
];

for (const { mode, skip } of modes) {
  describe.skipIf(skip !== undefined)(`100 epochs on gpu ${mode}${skip ? ` — skipped: ${skip}` : ''}`, () => {
    it('leave tensors, device buffers and GL textures flat, and match the CPU backend', async () => {
      const gpu: GpuBackend = await createGpuBackend({ mode, cpuThreshold: 0 });
      const snapshots: ReturnType<GpuBackend['memory']>[] = [];
      const { w, all } = trainingLoop(gpu, 100, (e) => {
        // epoch 0 compiles the kernels; from epoch 1 on nothing may grow
        if (e === 1 || e === 99) snapshots.push(gpu.memory());
      });
      expect(snapshots[1]).toEqual(snapshots[0]);
      expect(snapshots[0].tensors).toBe(7);
      expect(snapshots[0].deviceBuffers).toBe(7);
      if (mode === 'headlessgl') expect(snapshots[0].glTextures).toBeGreaterThan(0);

      const cpu = createCpuBackend();
      const ref = trainingLoop(cpu, 100);
      expectClose(
        await w.read(),
        await ref.w.read(),
        { atol: 1e-5, rtol: 1e-4 },
        `${mode} weights after 100 epochs`,
      );
      for (const t of all) t.dispose();
      expect(gpu.memory().tensors).toBe(0);
      expect(gpu.memory().deviceBuffers).toBe(0);
      gpu.dispose();
    });
  });
}
