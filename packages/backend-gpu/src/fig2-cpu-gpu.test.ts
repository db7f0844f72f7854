import { createCpuBackend } from '@rfa/backend-cpu';
import { createLinearTask } from '@rfa/datasets';
import { createNetwork, uniformInit } from '@rfa/layers';
import { createTrainer, feedbackAlignment } from '@rfa/learning-rules';
import { normalisedSquaredError } from '@rfa/metrics';
import { type Backend, Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from './create-gpu-backend.js';
import { headlessGlSkipReason } from './test-env.js';

/** The paper's Fig. 2 run (linear 30-20-10, FA, online), seeded; returns the held-out NSE every 100 steps. */
async function fig2Curve(backend: Backend, steps: number): Promise<number[]> {
  const task = createLinearTask({ seed: 3, heldOutSize: 500 });
  const rng = new Rng(4);
  const net = createNetwork(backend, {
    rng,
    init: uniformInit(0.01),
    layers: [
      { in: 30, out: 20, activation: 'linear' },
      { out: 10, activation: 'linear' },
    ],
  });
  const trainer = createTrainer(net, feedbackAlignment({ init: uniformInit(0.5) }), {
    loss: 'mse',
    learningRate: 0.005,
    rng,
  });
  const batch = { inputs: new Float32Array(30), targets: new Float32Array(10) };
  const curve: number[] = [];
  for (let step = 0; step <= steps; step++) {
    if (step % 100 === 0) {
      const out = await trainer.predict(task.heldOut.inputs, task.heldOut.count).read();
      curve.push(normalisedSquaredError(out, task.heldOut.targets, task.heldOut.count, 10));
    }
    task.sample(1, batch);
    trainer.step(batch.inputs, batch.targets, 1);
  }
  trainer.dispose();
  net.dispose();
  return curve;
}

describe('fig2 FA run: the same NSE curve on the CPU and GPU backends', () => {
  const modes = [
    { mode: 'webasm' as const, skip: undefined },
    { mode: 'headlessgl' as const, skip: headlessGlSkipReason() },
  ];
  for (const { mode, skip } of modes) {
    const test = skip ? it.skip : it;
    test(`gpu mode ${mode}${skip ? ` — skipped: ${skip}` : ''}`, async () => {
      const cpu = await fig2Curve(createCpuBackend(), 1500);
      // threshold 0: every tensor lives on the device, so the whole run is gpu.js kernels
      const gpu = await createGpuBackend({ mode, cpuThreshold: 0 });
      const onGpu = await fig2Curve(gpu, 1500);
      gpu.dispose();
      expect(cpu[0]).toBeGreaterThan(0.9);
      expect(cpu.at(-1)).toBeLessThan(0.05);
      // float32 on both sides; different summation orders drift a little over 1500 steps
      expectClose(onGpu, cpu, { atol: 1e-5, rtol: 2e-3 }, `NSE curve cpu vs gpu:${mode}`);
    });
  }
});
