// Where one training step of the spiking network goes, op by op, on the CPU backend:
// every backend call of a step is timed and grouped by its part of the step (forward
// gemm, feedback gemm, update gemm with decay, spike sampling, integration and the
// modulator's element-wise work), for the paper's 784-1500-1500-1500-1000 with 10
// examples in parallel. Beside each part: the bytes it must move and its FLOPs, so the
// printed bound says what each part could take at this machine's measured bandwidth.
// Run after `pnpm build`: pnpm --filter @rfa/spiking bench:profile [-- 784,500,500,1000]
import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { createSpikingNetwork } from '../dist/index.js';

const layers = (process.argv[2] ?? '784,1500,1500,1500,1000').split(',').map(Number);
const parallel = Number(process.argv[3] ?? 10);
const backend = createCpuBackend();
const rng = new Rng(1);
const net = createSpikingNetwork(backend, { layers, parallel, rng, biases: true });
const x = Float32Array.from({ length: parallel * 784 }, () => (rng.uniform() < 0.2 ? rng.uniform() : 0));
net.present(
  x,
  Uint8Array.from({ length: parallel }, (_, i) => i % 10),
);

// which part of the step a call belongs to, from the op and its arguments
const weightSizes = new Set(layers.slice(1).map((n, i) => n * layers[i]));
function part(name, args) {
  if (name === 'gemm') {
    const [c, , , o = {}] = args;
    if (weightSizes.has(c.size) && o.transA) return 'update gemm (W ← (1−γ)W + η′ΔW)';
    if (o.transB) return 'forward gemm (V ← (1−τ)V + τ s Wᵀ)';
    return 'feedback gemm (U ← (1−τ)U + τ φ(U) B)';
  }
  if (name === 'randomBernoulli') return 'spike sampling (Bernoulli)';
  if (name === 'activate') return 'spike probability (sigmoid)';
  if (name === 'activationDerivative' || name === 'mul') return 'post factor (σ′(V) ∘ φ(U))';
  if (name === 'tanh' || (name === 'activate' && args[2] === 'tanh')) return 'modulator φ(U) (tanh)';
  if (name === 'sum' || name === 'addRowVector' || name === 'scale' || name === 'axpy' || name === 'sub')
    return 'bias, error units, leak';
  return `other: ${name}`;
}
const totals = new Map();
const counts = new Map();
let timing = false;
let depth = 0; // only the step's own calls count, not the backend's calls to itself
const names = new Set();
for (let o = backend; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
  for (const n of Object.getOwnPropertyNames(o)) names.add(n);
for (const name of names) {
  const f = backend[name];
  if (typeof f !== 'function' || name === 'constructor') continue;
  backend[name] = (...args) => {
    if (!timing || depth > 0) return f.apply(backend, args);
    depth++;
    const t0 = performance.now();
    let r;
    try {
      r = f.apply(backend, args);
    } finally {
      depth--;
    }
    const key = part(name, args);
    totals.set(key, (totals.get(key) ?? 0) + performance.now() - t0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return r;
  };
}
for (let t = 0; t < 20; t++) net.step(true); // JIT warm-up
const steps = 60;
timing = true;
const t0 = performance.now();
for (let t = 0; t < steps; t++) net.step(true);
const wall = (performance.now() - t0) / steps;
timing = false;

// what each gemm must move: W (or B) read, and W written back in the update
const w = [...weightSizes].reduce((a, b) => a + b, 0);
const b = w - layers[1] * layers[0];
const bytes = {
  'forward gemm (V ← (1−τ)V + τ s Wᵀ)': 4 * w,
  'feedback gemm (U ← (1−τ)U + τ φ(U) B)': 4 * b,
  'update gemm (W ← (1−γ)W + η′ΔW)': 8 * w,
};
const flops = {
  'forward gemm (V ← (1−τ)V + τ s Wᵀ)': 2 * parallel * w,
  'feedback gemm (U ← (1−τ)U + τ φ(U) B)': 2 * parallel * b,
  'update gemm (W ← (1−γ)W + η′ΔW)': 2 * parallel * w,
};
// this machine's streaming bandwidth, measured now: a read-modify-write sweep over W-sized arrays
const a = new Float32Array(w);
const bw = (() => {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    for (let i = 0; i < a.length; i++) a[i] = a[i] * 0.999 + 1e-3;
    best = Math.min(best, performance.now() - s);
  }
  return (8 * w) / (best / 1000) / 1e9; // GB/s, one thread
})();
console.log(`${layers.join('-')} ×${parallel}, ${backend.describe?.() ?? ''}`);
console.log(
  `step: ${wall.toFixed(2)} ms (an epoch of 60k images at 5 steps each ≈ ${((wall * 30000 * 10) / parallel / 60000).toFixed(1)} min)`,
);
console.log(`one-thread streaming bandwidth (JS loop, read+write): ${bw.toFixed(1)} GB/s`);
console.log(
  'part                                      ms/step  share  calls/step  GFLOP/s  GB/s  bound (1-thread stream)',
);
for (const [k, v] of [...totals].sort((p, q) => q[1] - p[1])) {
  const ms = v / steps;
  const by = bytes[k];
  const fl = flops[k];
  console.log(
    `${k.padEnd(42)}${ms.toFixed(2).padStart(7)}  ${((100 * ms) / wall).toFixed(0).padStart(4)}%  ${(counts.get(k) / steps).toFixed(0).padStart(10)}` +
      `  ${fl ? (fl / ms / 1e6).toFixed(1).padStart(7) : '      —'}  ${by ? (by / ms / 1e6).toFixed(1).padStart(4) : '   —'}  ${by ? `${((by / bw) * 1e-6).toFixed(2)} ms` : ''}`,
  );
}
net.dispose();
backend.dispose();
