// The spiking network's products with 10 images side by side (784-1500-1500-1500-1000):
// the unpacked few-row kernels (asm/gemm-few.ts) against the packed 4×8 kernel they
// replaced, in the same run, interleaved, on two threads. Also rows 4..16 of the
// forward product, to show where the few-row path stops paying.
// Run: pnpm --filter @rfa/backend-cpu bench:few   (reads ../dist: build first)
import { Rng } from '@rfa/tensor';
import { WasmGemm } from '../dist/index.js';
import { createWasmKernels } from '../dist/internal.js';

const kernels = createWasmKernels({ shared: true });
const few = new WasmGemm(kernels, { threads: 2 });
const packed = new WasmGemm(kernels, { threads: 2, fewMax: 0 });
await few.whenReady();
await packed.whenReady();
const rng = new Rng(1);
const { heap } = kernels;
function operand(size) {
  const p = heap.alloc(4 * size);
  heap.f32(p, size).set(Float32Array.from({ length: size }, () => rng.uniform() - 0.5));
  return p;
}

/** Best ms of 7 blocks of `reps` calls each, alternating the two kernels block by block. */
function race(m, n, k, tA, tB, alpha, beta, reps = 10) {
  const [a, b, c] = [operand(m * k), operand(k * n), operand(m * n)];
  const best = [Infinity, Infinity];
  const gemms = [few, packed];
  for (let block = 0; block < 8; block++) {
    for (const g of [0, 1]) {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) gemms[g].run(c, a, b, m, n, k, tA, tB, alpha, beta);
      if (block > 0) best[g] = Math.min(best[g], (performance.now() - t0) / reps);
    }
  }
  for (const [p, s] of [
    [a, m * k],
    [b, k * n],
    [c, m * n],
  ])
    heap.free(p, 4 * s);
  return best;
}

const row = (name, m, n, k, tA, tB, alpha, beta) => {
  const [f, p] = race(m, n, k, tA, tB, alpha, beta);
  const gflops = (ms) => ((2 * m * n * k) / ms / 1e6).toFixed(1);
  console.log(
    `| ${name} | ${m}×${n}×${k} | ${f.toFixed(3)} | ${gflops(f)} | ${p.toFixed(3)} | ${gflops(p)} | ${(p / f).toFixed(2)}× |`,
  );
};
console.log('| product | m×n×k | few-row ms | GFLOP/s | packed ms | GFLOP/s | packed / few |');
console.log('|---|---|---:|---:|---:|---:|---:|');
row('forward V ← 0.1V + 0.9 s Wᵀ', 10, 1500, 1500, false, true, 0.9, 0.1);
row('forward, first layer', 10, 1500, 784, false, true, 0.9, 0.1);
row('feedback U ← 0.1U + 0.9 φ(U) B', 10, 1500, 1500, false, false, 0.9, 0.1);
row('feedback from the output', 10, 1500, 1000, false, false, 0.9, 0.1);
row('update W ← (1−γ)W + η δᵀ s', 1500, 1500, 10, true, false, 1e-3, 1 - 1e-8);
row('update, first layer', 1500, 784, 10, true, false, 1e-3, 1 - 1e-8);
for (const m of [4, 6, 8, 12, 16]) row(`forward, ${m} rows`, m, 1500, 1500, false, true, 0.9, 0.1);
for (const m of [4, 8, 12, 16]) row(`feedback, ${m} rows`, m, 1500, 1500, false, false, 0.9, 0.1);
for (const k of [4, 8, 12, 16]) row(`update, k = ${k}`, 1500, 1500, k, true, false, 1e-3, 1);
few.dispose();
packed.dispose();
