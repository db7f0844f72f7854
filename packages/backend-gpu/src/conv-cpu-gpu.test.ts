import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, it } from 'vitest';
import { CONV_STEPS, type ConvRunRule, convRun } from '../test/shared/conv-run.js';
import { expectConvSteps } from '../test/shared/expect-conv-steps.js';
import { createGpuBackend } from './create-gpu-backend.js';
import { headlessGlSkipReason } from './test-env.js';

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
          const { worst, moved } = expectConvSteps(onGpu, cpu, `${name}, cpu vs gpu:${mode}`);
          console.log(
            `conv net ${name} on gpu ${mode}: ${cpu.start.length} parameters, largest |gpu − cpu| over ${CONV_STEPS} steps ${worst.toExponential(2)}, largest move from the start ${moved.toFixed(4)}`,
          );
        },
      );
});
