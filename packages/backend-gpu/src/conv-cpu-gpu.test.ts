import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, normalInit, uniformInit } from '@rfa/layers';
import { backprop, createTrainer, feedbackAlignment, type RuleFactory } from '@rfa/learning-rules';
import { type Backend, Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from './create-gpu-backend.js';
import { headlessGlSkipReason } from './test-env.js';
import { GPU_TOLERANCE } from './tolerance.js';

const STEPS = 6;
const BATCH = 4;

/**
 * A small conv net (conv 3×3 'same' → max pool 2 → flatten → dense softmax) on 8×8×2 images,
 * trained STEPS steps from fixed seeds; returns each layer's W and bias after every step,
 * and the weights before the first.
 */
async function convRun(backend: Backend, rule: () => RuleFactory) {
  const net = createNetwork(backend, {
    rng: new Rng(21),
    inputShape: [8, 8, 2],
    init: normalInit(0.4),
    biasInit: normalInit(0.1),
    layers: [
      { type: 'conv', out: 3, kernel: 3, padding: 'same', activation: 'tanh' },
      { type: 'maxPool', size: 2 },
      { type: 'flatten' },
      { out: 4, activation: 'softmax' },
    ],
  });
  const trainer = createTrainer(net, rule(), { loss: 'softmax-ce', learningRate: 0.2, rng: new Rng(22) });
  const data = new Rng(23);
  // every layer's W then b, one flat array
  const read = () =>
    Float32Array.from(net.layers.flatMap((l) => [...l.weights.readSync(), ...l.bias.readSync()]));
  const start = read();
  const steps: Float32Array[] = [];
  for (let s = 0; s < STEPS; s++) {
    const x = randomArray(data, [BATCH, 8 * 8 * 2]);
    const y = new Float32Array(BATCH * 4);
    for (let r = 0; r < BATCH; r++) y[r * 4 + data.int(4)] = 1;
    trainer.step(x, y, BATCH);
    steps.push(read());
  }
  trainer.dispose();
  net.dispose();
  return { start, steps };
}

const RULES: [string, () => RuleFactory][] = [
  ['bp', () => backprop()],
  ['fa', () => feedbackAlignment({ init: uniformInit(0.5) })],
];
const modes = [
  { mode: 'webasm' as const, skip: undefined },
  { mode: 'headlessgl' as const, skip: headlessGlSkipReason() },
];

/** Float32 on both sides, sums in different orders: after each step a few float32 ulps per op drift. */
const STEP_TOLERANCE = { atol: 1e-5, rtol: 20 * (GPU_TOLERANCE.gemm?.rtol ?? 1e-5) };

describe('a conv net (conv + max pool + dense) trained on the GPU backend takes the CPU backend’s steps', () => {
  for (const { mode, skip } of modes)
    for (const [name, rule] of RULES)
      it.skipIf(skip !== undefined)(
        `${name} on gpu ${mode}, ${STEPS} steps from the same seeds${skip ? ` — skipped: ${skip}` : ''}`,
        async () => {
          const cpu = await convRun(createCpuBackend(), rule);
          // threshold 0: every tensor lives on the device, so each step runs gpu.js kernels
          const gpu = await createGpuBackend({ mode, cpuThreshold: 0 });
          const onGpu = await convRun(gpu, rule);
          gpu.dispose();
          // the same start, and the runs really move the weights (else matching proves nothing)
          expectClose(onGpu.start, cpu.start, { atol: 0, rtol: 0 }, `${name} initial weights`);
          const last = cpu.steps.at(-1) as Float32Array;
          const moved = Math.max(...last.map((v, j) => Math.abs(v - cpu.start[j])));
          expect(moved).toBeGreaterThan(1e-2);
          let worst = 0;
          cpu.steps.forEach((step, s) => {
            expectClose(
              onGpu.steps[s],
              step,
              STEP_TOLERANCE,
              `${name} weights after step ${s + 1}, cpu vs gpu:${mode}`,
            );
            step.forEach((v, j) => {
              worst = Math.max(worst, Math.abs(onGpu.steps[s][j] - v));
            });
          });
          console.log(
            `conv net ${name} on gpu ${mode}: ${last.length} parameters, largest |gpu − cpu| over ${STEPS} steps ${worst.toExponential(2)}, largest move from the start ${moved.toFixed(4)}`,
          );
        },
      );
});
