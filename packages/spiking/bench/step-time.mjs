// Time per simulation step (training: forward, feedback and plasticity) of the
// spiking network on the CPU backend, 10 examples in parallel, for the reference
// reading's 784-500-500-1000 and the paper's 784-1500-1500-1500-1000, with the
// backend's unpacked few-row gemm kernels (the default) and with the packed kernel
// they replaced, interleaved in one run, and the ratio.
// Run after `pnpm build`: pnpm --filter @rfa/spiking bench:step
import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { createSpikingNetwork } from '../dist/index.js';

const parallel = 10;

function network(layers, fewRows) {
  const rng = new Rng(1);
  const net = createSpikingNetwork(createCpuBackend({ fewRows }), { layers, parallel, rng });
  const x = Float32Array.from({ length: parallel * 784 }, () => (rng.uniform() < 0.2 ? rng.uniform() : 0));
  net.present(
    x,
    Uint8Array.from({ length: parallel }, (_, i) => i),
  );
  for (let t = 0; t < 20; t++) net.step(true); // warm up the JIT
  return net;
}

/** ms of one block of 20 steps. */
function block(net, plastic) {
  const t0 = performance.now();
  for (let t = 0; t < 20; t++) net.step(plastic);
  return (performance.now() - t0) / 20;
}

for (const layers of [
  [784, 500, 500, 1000],
  [784, 1500, 1500, 1500, 1000],
]) {
  const nets = { few: network(layers, true), packed: network(layers, false) };
  const best = { few: { train: Infinity, test: Infinity }, packed: { train: Infinity, test: Infinity } };
  // the fastest of 6 blocks each, the two kernels alternating block by block: other processes only ever add time
  for (let round = 0; round < 6; round++) {
    for (const name of ['few', 'packed']) {
      best[name].train = Math.min(best[name].train, block(nets[name], true));
      best[name].test = Math.min(best[name].test, block(nets[name], false));
    }
  }
  for (const name of ['few', 'packed']) {
    const { train, test } = best[name];
    const epoch = (train * nets[name].options.stepsPerExample * 60_000) / parallel / 60_000;
    console.log(
      `${layers.join('-')} ×${parallel}, ${name === 'few' ? 'few-row kernels' : 'packed kernel  '}: ${train.toFixed(2)} ms/step with plasticity, ${test.toFixed(2)} ms/step with plasticity off (feedback still runs); one 60k-image epoch ≈ ${epoch.toFixed(1)} min of training`,
    );
  }
  console.log(`  packed / few-row: ${(best.packed.train / best.few.train).toFixed(2)}× a training step`);
  nets.few.dispose();
  nets.packed.dispose();
}
