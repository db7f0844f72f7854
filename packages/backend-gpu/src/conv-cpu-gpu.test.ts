import { createCpuBackend } from '@rfa/backend-cpu';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { CONV_STEPS, type ConvRunRule, convRun } from '../test/shared/conv-run.js';
import { createGpuBackend } from './create-gpu-backend.js';
import { headlessGlSkipReason } from './test-env.js';
import { CONV_STEP_TOLERANCE } from './tolerance.js';

const modes = [
  { mode: 'webasm' as const, skip: undefined },
  { mode: 'headlessgl' as const, skip: headlessGlSkipReason() },
];

describe('a conv net (conv + max pool + dense) trained on the GPU backend takes the CPU backend’s steps', () => {
  for (const { mode, skip } of modes)
    for (const name of ['bp', 'fa'] as ConvRunRule[])
      it.skipIf(skip !== undefined)(
        `${name} on gpu ${mode}, ${CONV_STEPS} steps from the same seeds${skip ? ` — skipped: ${skip}` : ''}`,
        async () => {
          const cpu = await convRun(createCpuBackend(), name);
          // threshold 0: every tensor lives on the device, so each step runs gpu.js kernels
          const gpu = await createGpuBackend({ mode, cpuThreshold: 0 });
          const onGpu = await convRun(gpu, name);
          gpu.dispose();
          // the same start, and the runs really move the weights (else matching proves nothing)
          expectClose(onGpu.start, cpu.start, { atol: 0, rtol: 0 }, `${name} initial weights`);
          const last = cpu.steps.at(-1) as number[];
          const moved = Math.max(...last.map((v, j) => Math.abs(v - cpu.start[j])));
          expect(moved).toBeGreaterThan(1e-2);
          let worst = 0;
          cpu.steps.forEach((step, s) => {
            expectClose(
              onGpu.steps[s],
              step,
              CONV_STEP_TOLERANCE,
              `${name} weights after step ${s + 1}, cpu vs gpu:${mode}`,
            );
            step.forEach((v, j) => {
              worst = Math.max(worst, Math.abs(onGpu.steps[s][j] - v));
            });
          });
          console.log(
            `conv net ${name} on gpu ${mode}: ${last.length} parameters, largest |gpu − cpu| over ${CONV_STEPS} steps ${worst.toExponential(2)}, largest move from the start ${moved.toFixed(4)}`,
          );
        },
      );
});
