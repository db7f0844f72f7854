// Time per simulation step of the spiking network in training (forward, feedback and
// plasticity, as `trainExample` runs them) on the CPU backend, 10 examples in parallel,
// for the reference reading's 784-500-500-1000 and the paper's 784-1500-1500-1500-1000,
// three ways interleaved in one run: the default (few-row kernels, each step's weight
// update fused into the next forward pass), the update and the forward product apart
// (`fusedUpdates: false`), and the packed kernel the few-row kernels replaced; ratios to
// the default.
// Run after `pnpm build`: pnpm --filter @rfa/spiking bench:step
import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { createSpikingNetwork } from '../dist/index.js';

const parallel = 10;
const WAYS = {
  fused: { label: 'fused update + forward', fewRows: true, fusedUpdates: true },
  apart: { label: 'update and forward apart', fewRows: true, fusedUpdates: false },
  packed: { label: 'packed kernel, apart  ', fewRows: false, fusedUpdates: false },
};

function network(layers, { fewRows, fusedUpdates }) {
  const rng = new Rng(1);
  const net = createSpikingNetwork(createCpuBackend({ fewRows }), { layers, parallel, rng, fusedUpdates });
  const x = Float32Array.from({ length: parallel * 784 }, () => (rng.uniform() < 0.2 ? rng.uniform() : 0));
  const y = Uint8Array.from({ length: parallel }, (_, i) => i);
  for (let b = 0; b < 4; b++) net.trainExample(x, y); // warm up the JIT
  return { net, x, y };
}

/** ms a step over one block of 4 presentations (20 steps). */
function block({ net, x, y }) {
  const t0 = performance.now();
  for (let b = 0; b < 4; b++) net.trainExample(x, y);
  return (performance.now() - t0) / (4 * net.options.stepsPerExample);
}

for (const layers of [
  [784, 500, 500, 1000],
  [784, 1500, 1500, 1500, 1000],
]) {
  const nets = Object.fromEntries(Object.entries(WAYS).map(([k, w]) => [k, network(layers, w)]));
  const best = Object.fromEntries(Object.keys(WAYS).map((k) => [k, Infinity]));
  // the fastest of 6 blocks each, the ways alternating block by block: other processes only ever add time
  for (let round = 0; round < 6; round++) {
    for (const k of Object.keys(WAYS)) best[k] = Math.min(best[k], block(nets[k]));
  }
  for (const [k, w] of Object.entries(WAYS)) {
    const epoch = (best[k] * nets[k].net.options.stepsPerExample * 60_000) / parallel / 60_000;
    const ratio = k === 'fused' ? '' : `, ${(best[k] / best.fused).toFixed(2)}× the fused step`;
    console.log(
      `${layers.join('-')} ×${parallel}, ${w.label}: ${best[k].toFixed(2)} ms/step in training (one 60k-image epoch ≈ ${epoch.toFixed(1)} min)${ratio}`,
    );
  }
  for (const { net } of Object.values(nets)) net.dispose();
}
process.exit(0);
