// Time per simulation step (training: forward, feedback and plasticity) of the
// spiking network on the CPU backend, 10 examples in parallel, for the
// reference reading's 784-500-500-1000 and the paper's 784-1500-1500-1500-1000.
// Run after `pnpm build`: pnpm --filter @rfa/spiking bench:step
import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { createSpikingNetwork } from '../dist/index.js';

const parallel = 10;
for (const layers of [
  [784, 500, 500, 1000],
  [784, 1500, 1500, 1500, 1000],
]) {
  const rng = new Rng(1);
  const net = createSpikingNetwork(createCpuBackend(), { layers, parallel, rng });
  const x = Float32Array.from({ length: parallel * 784 }, () => (rng.uniform() < 0.2 ? rng.uniform() : 0));
  const labels = Uint8Array.from({ length: parallel }, (_, i) => i);
  net.present(x, labels);
  for (let t = 0; t < 20; t++) net.step(true); // warm up the JIT
  // the fastest of 5 blocks of 20 steps: other processes only ever add time
  const timed = (plastic) => {
    let best = Number.POSITIVE_INFINITY;
    for (let block = 0; block < 5; block++) {
      const t0 = performance.now();
      for (let t = 0; t < 20; t++) net.step(plastic);
      best = Math.min(best, (performance.now() - t0) / 20);
    }
    return best;
  };
  const train = timed(true);
  const test = timed(false);
  const perImage = (train * net.options.stepsPerExample) / parallel;
  console.log(
    `${layers.join('-')} ×${parallel}: ${train.toFixed(2)} ms/step with plasticity, ${test.toFixed(2)} ms/step with plasticity off (feedback still runs);` +
      ` one 60k-image epoch ≈ ${perImage.toFixed(1)} min of training`,
  );
  net.dispose();
}
