// Node side of the conv-run comparison: a GPU run must start where the CPU run starts and take
// its steps within CONV_STEP_TOLERANCE; the CPU run must move the weights (else matching proves nothing).
import { expectClose } from '@rfa/testkit';
import { expect } from 'vitest';
import { CONV_STEP_TOLERANCE } from '../../src/tolerance.js';
import type { ConvRun } from './conv-run.js';

/** Checks `gpu` against `cpu` step by step; returns the largest |gpu − cpu| and the CPU run's largest move. */
export function expectConvSteps(gpu: ConvRun, cpu: ConvRun, label: string): { worst: number; moved: number } {
  expectClose(gpu.start, cpu.start, { atol: 0, rtol: 0 }, `${label}: initial weights`);
  const last = cpu.steps.at(-1) as number[];
  const moved = Math.max(...last.map((v, j) => Math.abs(v - cpu.start[j])));
  expect(moved).toBeGreaterThan(1e-2);
  let worst = 0;
  cpu.steps.forEach((step, s) => {
    expectClose(gpu.steps[s], step, CONV_STEP_TOLERANCE, `${label}: weights after step ${s + 1}`);
    step.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(gpu.steps[s][j] - v));
    });
  });
  return { worst, moved };
}
