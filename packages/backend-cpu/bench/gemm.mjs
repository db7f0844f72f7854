// Gemm benchmark for the CPU backend: (128×784)·(784×1000), the MNIST hidden layer
// at batch 128. Prints GFLOP/s of a naive triple loop, rfa's plain-JS kernel and
// rfa's wasm SIMD kernel, measured in the same run, interleaved, and their ratios.
// Run: pnpm --filter @rfa/backend-cpu bench:gemm   (reads ../dist: build first)

import os from 'node:os';
import v8 from 'node:v8';
import { Rng } from '@rfa/tensor';
import { Piscina } from 'piscina';
import { fmaKernelsSupported, WasmGemm } from '../dist/index.js';
import { createWasmKernels, GemmKernel } from '../dist/internal.js';

// Node 20's V8 keeps relaxed SIMD (the fused multiply-add build) behind a flag
v8.setFlagsFromString('--experimental-wasm-relaxed-simd');

const [M, N, K] = [Number(process.env.M ?? 128), Number(process.env.N ?? 1000), Number(process.env.K ?? 784)];
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

// the wasm kernel works on matrices that live in its memory (as the backend's tensors do)
const kernels = createWasmKernels();
const wasmGemm = new WasmGemm(kernels);
const [pa, pb, pc] = [
  kernels.heap.alloc(4 * M * K),
  kernels.heap.alloc(4 * K * N),
  kernels.heap.alloc(4 * M * N),
];
kernels.heap.f32(pa, M * K).set(a);
kernels.heap.f32(pb, K * N).set(b);
const wasm = () => wasmGemm.run(pc, pa, pb, M, N, K, false, false, 1, 0);
// the same kernel split by column ranges over a worker thread sharing the memory
const wasmThreaded = new WasmGemm(kernels, { threads: 2 });
if ((await wasmThreaded.whenReady()) !== 2) throw new Error('the gemm worker thread did not start');
const wasm2 = () => wasmThreaded.run(pc, pa, pb, M, N, K, false, false, 1, 0);

// the fused multiply-add build (createCpuBackend({ fma: true })), on its own memory
const fmaKernels = fmaKernelsSupported() ? createWasmKernels({ fma: true }) : null;
let wasmFma = null;
let wasmFma2 = null;
let fmaThreaded = null;
let fmaC = 0;
if (fmaKernels) {
  const [fa, fb] = [fmaKernels.heap.alloc(4 * M * K), fmaKernels.heap.alloc(4 * K * N)];
  fmaC = fmaKernels.heap.alloc(4 * M * N);
  fmaKernels.heap.f32(fa, M * K).set(a);
  fmaKernels.heap.f32(fb, K * N).set(b);
  const one = new WasmGemm(fmaKernels);
  fmaThreaded = new WasmGemm(fmaKernels, { threads: 2 });
  if ((await fmaThreaded.whenReady()) !== 2) throw new Error('the fma gemm worker thread did not start');
  wasmFma = () => one.run(fmaC, fa, fb, M, N, K, false, false, 1, 0);
  wasmFma2 = () => fmaThreaded.run(fmaC, fa, fb, M, N, K, false, false, 1, 0);
}

// the same split on a piscina pool of one worker: a task message per product, and
// the caller must await it (the Backend API is synchronous, so this is bench-only)
const pool = new Piscina({
  filename: new URL('./piscina-gemm-worker.mjs', import.meta.url).href,
  minThreads: 1,
  maxThreads: 1,
});
const poolScratch = kernels.heap.alloc(kernels.exports.gemmScratchBytes());
const mainScratch = kernels.heap.alloc(kernels.exports.gemmScratchBytes());
const half = Math.ceil(N / 2 / 8) * 8;
async function wasmPiscina() {
  // alpha 1, beta 0 (each half overwrites its columns)
  const args = [pc, pa, K, 1, pb, N, 1, M, N, K, 1, 0, half, N, poolScratch];
  const task = pool.run({ module: kernels.module, memory: kernels.heap.memory, args });
  kernels.exports.gemmPanel(pc, pa, K, 1, pb, N, 1, M, N, K, 1, 0, 0, half, mainScratch);
  await task;
}

// all kernels must agree before any number is printed
naive();
const want = c.slice();
for (const fn of [wasm, wasm2, wasmPiscina]) {
  kernels.heap.f32(pc, M * N).fill(Number.NaN);
  await fn();
  const got = kernels.heap.f32(pc, M * N);
  const worst = got.reduce((w, x, i) => Math.max(w, Math.abs(x - want[i])), 0);
  if (!(worst < 1e-3)) throw new Error(`wasm gemm disagrees with the naive loop by ${worst}`);
}
for (const fn of fmaKernels ? [wasmFma, wasmFma2] : []) {
  fmaKernels.heap.f32(fmaC, M * N).fill(Number.NaN);
  fn();
  const got = fmaKernels.heap.f32(fmaC, M * N);
  const worst = got.reduce((w, x, i) => Math.max(w, Math.abs(x - want[i])), 0);
  if (!(worst < 1e-3)) throw new Error(`fma gemm disagrees with the naive loop by ${worst}`);
}

async function measure(fn, seconds) {
  await fn();
  let reps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await fn();
    reps++;
  }
  return (reps * flops) / ((performance.now() - t0) / 1000) / 1e9;
}

const rounds = Number(process.env.RFA_BENCH_ROUNDS ?? 3);
const kernelsToRun = {
  naive,
  blocked,
  wasm,
  wasm2,
  wasmPiscina,
  ...(fmaKernels ? { wasmFma, wasmFma2 } : {}),
};
const results = Object.fromEntries(Object.keys(kernelsToRun).map((name) => [name, []]));
for (let r = 0; r < rounds; r++)
  for (const [name, fn] of Object.entries(kernelsToRun)) results[name].push(await measure(fn, 1));
const best = (name) => Math.max(...results[name]);
const rows = [
  ['naive triple loop (i-j-k)', 'naive'],
  ['rfa plain-JS GemmKernel', 'blocked'],
  ['rfa wasm SIMD WasmGemm', 'wasm'],
  ['rfa wasm SIMD, 2 threads', 'wasm2'],
  ['  same, piscina pool', 'wasmPiscina'],
  ...(fmaKernels
    ? [
        ['rfa wasm fused multiply-add', 'wasmFma'],
        ['  same, 2 threads', 'wasmFma2'],
      ]
    : []),
];
console.log(
  `gemm (${M}×${K})·(${K}×${N}), best of ${rounds} interleaved 1 s rounds (one thread unless said)`,
);
for (const [label, name] of rows) {
  const ratio = (best(name) / best('naive')).toFixed(2);
  console.log(
    `  ${label.padEnd(28)} ${best(name).toFixed(2).padStart(7)} GFLOP/s  ${ratio.padStart(6)}× naive`,
  );
}
console.log(`  ratio wasm / plain JS: ${(best('wasm') / best('blocked')).toFixed(2)}×`);
console.log(`  ratio wasm 2 threads / 1 thread: ${(best('wasm2') / best('wasm')).toFixed(2)}×`);
console.log(`  ratio piscina 2 threads / 1 thread: ${(best('wasmPiscina') / best('wasm')).toFixed(2)}×`);
if (fmaKernels) {
  console.log(`  ratio fused / mul+add, 1 thread: ${(best('wasmFma') / best('wasm')).toFixed(2)}×`);
  console.log(`  ratio fused 2 threads / 1 thread: ${(best('wasmFma2') / best('wasmFma')).toFixed(2)}×`);
} else console.log('  (fused multiply-add rows skipped: no WebAssembly relaxed SIMD here)');
console.log(
  `  (${os.availableParallelism()} cores; load average ${os.loadavg()[0].toFixed(1)}: other work on the machine skews the threaded rows)`,
);
wasmThreaded.dispose();
fmaThreaded?.dispose();
await pool.destroy();
