// Gemm benchmark for the CPU backend: (128×784)·(784×1000), the MNIST hidden layer
// at batch 128. Prints GFLOP/s of rfa's kernel and of a naive triple loop measured
// in the same run, interleaved, and their ratio. Run: pnpm --filter @rfa/backend-cpu bench:gemm
import { Rng } from '@rfa/tensor';
import { GemmKernel } from '../dist/index.js';

const [M, N, K] = [128, 1000, 784];
const flops = 2 * M * N * K;
const rng = new Rng(1);
const a = Float32Array.from({ length: M * K }, () => rng.uniform() - 0.5);
const b = Float32Array.from({ length: K * N }, () => rng.uniform() - 0.5);
const c = new Float32Array(M * N);

/** The textbook i-j-k loop: what one writes first. */
function naive() {
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let p = 0; p < K; p++) s += a[i * K + p] * b[p * N + j];
      c[i * N + j] = s;
    }
}
const kernel = new GemmKernel();
const blocked = () => kernel.run(c, a, b, M, N, K, false, false, 1, 0);

function measure(fn, seconds) {
  fn();
  let reps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    fn();
    reps++;
  }
  return (reps * flops) / ((performance.now() - t0) / 1000) / 1e9;
}

const rounds = Number(process.env.RFA_BENCH_ROUNDS ?? 3);
const results = { naive: [], blocked: [] };
for (let r = 0; r < rounds; r++) {
  results.naive.push(measure(naive, 1));
  results.blocked.push(measure(blocked, 1));
}
const best = (xs) => Math.max(...xs);
const rows = [
  ['naive triple loop (i-j-k)', best(results.naive)],
  ['rfa cpu GemmKernel', best(results.blocked)],
];
console.log(`gemm (${M}×${K})·(${K}×${N}), best of ${rounds} interleaved 1 s rounds, one thread`);
for (const [name, g] of rows) console.log(`  ${name.padEnd(28)} ${g.toFixed(2).padStart(7)} GFLOP/s`);
console.log(`  ratio rfa / naive: ${(best(results.blocked) / best(results.naive)).toFixed(2)}×`);
