// Where one training step of the spiking network goes, op by op, on the CPU backend:
// every backend call of the steps `trainExample` runs is timed and grouped by its part
// (forward gemm, feedback gemm, update gemm with its decay, the update fused with the next
// forward product, spike sampling, sigmoid, the modulator's element-wise work), for the
// paper's 784-1500-1500-1500-1000 with 10 examples in parallel. Beside each gemm: its
// FLOPs and the bytes it must move, and the bound they give at this machine's rates
// measured in the same run (a large gemm's GFLOP/s, a read+write sweep's GB/s).
// Each profile runs twice, with each step's update fused into the next forward pass (the
// default) and with the two apart (`fusedUpdates: false`, what every step did before),
// so the two are compared in one run.
// Run after `pnpm build`: pnpm --filter @rfa/spiking bench:profile [-- 784,500,500,1000 [parallel]]
import { Worker } from 'node:worker_threads';
import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { createSpikingNetwork } from '../dist/index.js';

const layers = (process.argv[2] ?? '784,1500,1500,1500,1000').split(',').map(Number);
const parallel = Number(process.argv[3] ?? 10);
const STEPS = 60;

const weightSizes = layers.slice(1).map((n, i) => n * layers[i]);
const w = weightSizes.reduce((a, b) => a + b, 0);
const b = w - weightSizes[0]; // the first hidden layer has no feedback matrix
const GEMMS = {
  forward: { label: 'forward gemm  V ← (1−τ)V + τ s Wᵀ', flops: 2 * parallel * w, bytes: 4 * w },
  feedback: { label: 'feedback gemm U ← (1−τ)U + τ φ(U) B', flops: 2 * parallel * b, bytes: 4 * b },
  update: { label: 'update gemm   W ← (1−γ)W + η′ ΔW', flops: 2 * parallel * w, bytes: 8 * w },
  fused: { label: 'update, then forward through the new W', flops: 4 * parallel * w, bytes: 8 * w },
};

/** The feedback matrices (Bᵀ) of the network being profiled: a gemm reading one is the feedback product. */
const feedbackMatrices = new Set();

/** Which part of the step a backend call belongs to. */
function part(name, args) {
  if (name === 'updateThenProject') return 'fused';
  if (name === 'gemm') {
    const [c, , b, o = {}] = args;
    if (weightSizes.includes(c.size) && o.transA) return 'update';
    return feedbackMatrices.has(b) ? 'feedback' : 'forward';
  }
  if (name === 'randomBernoulli') return 'spike sampling (Bernoulli)';
  if (name === 'activate' && args[2] === 'tanh') return 'modulator φ(U) = tanh';
  if (name === 'activate' || name === 'biasActivation') return 'sigmoid σ(V) and σ′(V), bias added';
  if (name === 'activationDerivative' || (name === 'mul' && args[1] !== args[0]))
    return 'post factor σ′(V) ∘ φ(U)';
  return 'bias, error units, leak';
}

/** Times every top-level backend call of STEPS training steps; returns ms per step by part. */
function profile(fusedUpdates) {
  const backend = createCpuBackend();
  const rng = new Rng(1);
  const net = createSpikingNetwork(backend, { layers, parallel, rng, biases: true, fusedUpdates });
  feedbackMatrices.clear();
  for (const layer of net.layers)
    if (layer.feedbackTransposed) feedbackMatrices.add(layer.feedbackTransposed);
  const x = Float32Array.from({ length: parallel * 784 }, () => (rng.uniform() < 0.2 ? rng.uniform() : 0));
  const y = Uint8Array.from({ length: parallel }, (_, i) => i % 10);
  const presentations = STEPS / net.options.stepsPerExample;
  const totals = new Map();
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
      try {
        return f.apply(backend, args);
      } finally {
        depth--;
        const key = part(name, args);
        totals.set(key, (totals.get(key) ?? 0) + performance.now() - t0);
      }
    };
  }
  for (let b = 0; b < 4; b++) net.trainExample(x, y); // JIT warm-up
  timing = true;
  const t0 = performance.now();
  for (let b = 0; b < presentations; b++) net.trainExample(x, y);
  const step = (performance.now() - t0) / STEPS;
  net.dispose();
  backend.dispose();
  return { step, parts: new Map([...totals].map(([k, v]) => [k, v / STEPS])) };
}

/** GFLOP/s of a 128×1000×784 gemm on this backend (the best of 20, after 5 warm-ups), its compute rate. */
function gemmPeak() {
  const backend = createCpuBackend();
  const r = new Rng(2);
  const a = backend.fromArray(
    Float32Array.from({ length: 128 * 784 }, () => r.uniform()),
    [128, 784],
  );
  const wt = backend.fromArray(
    Float32Array.from({ length: 1000 * 784 }, () => r.uniform()),
    [1000, 784],
  );
  const c = backend.zeros([128, 1000]);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 25; i++) {
    const s = performance.now();
    backend.gemm(c, a, wt, { transB: true });
    if (i >= 5) best = Math.min(best, performance.now() - s);
  }
  backend.dispose();
  return (2 * 128 * 1000 * 784) / best / 1e6;
}

/**
 * GB/s of read+write sweeps over W-sized arrays in JS (the best of 5), on `threads`
 * threads at once, each over its own share: what streaming W can reach here.
 */
async function bandwidth(threads) {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const a = new Float32Array(workerData.n);
    for (let i = 0; i < a.length; i++) a[i] = i;
    parentPort.on('message', () => {
      for (let i = 0; i < a.length; i++) a[i] = a[i] * 0.999 + 1e-3;
      parentPort.postMessage(a[7]);
    });
    parentPort.postMessage(0);`;
  const workers = Array.from(
    { length: threads },
    () => new Worker(code, { eval: true, workerData: { n: Math.ceil(w / threads) } }),
  );
  const round = () => Promise.all(workers.map((wk) => new Promise((ok) => wk.once('message', ok))));
  await round(); // filled and ready
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 6; r++) {
    const s = performance.now();
    const done = round();
    for (const wk of workers) wk.postMessage(0);
    await done;
    if (r > 0) best = Math.min(best, performance.now() - s);
  }
  await Promise.all(workers.map((wk) => wk.terminate()));
  return (8 * w) / best / 1e6;
}

const peak = gemmPeak();
const bw1 = await bandwidth(1);
const bw = await bandwidth(2);
// interleaved, the better of two each: other processes only ever add time
const runs = { fused: [], apart: [] };
for (let r = 0; r < 2; r++) {
  runs.fused.push(profile(true));
  runs.apart.push(profile(false));
}
const best = (list) => list.reduce((p, q) => (q.step < p.step ? q : p));
const fused = best(runs.fused);
const apart = best(runs.apart);
const epochMin = (ms) => ((ms * 5 * 60000) / parallel / 60000).toFixed(1);

console.log(`${layers.join('-')}, ${parallel} images in parallel, ${createCpuBackend().description}`);
console.log(
  `rates measured now: gemm 128×1000×784 ${peak.toFixed(1)} GFLOP/s; read+write sweeps over W-sized arrays ${bw1.toFixed(1)} GB/s on one thread, ${bw.toFixed(1)} GB/s on two`,
);
console.log(
  `step: ${fused.step.toFixed(2)} ms (60k images × 5 steps / ${parallel} ≈ ${epochMin(fused.step)} min an epoch); ` +
    `with the update and the forward product apart ${apart.step.toFixed(2)} ms (${epochMin(apart.step)} min): ${(apart.step / fused.step).toFixed(2)}×`,
);
console.log(
  `\n${'part'.padEnd(40)}  ms/step  share  GFLOP/s  GB/s  bound: compute, memory  (apart: ms/step)`,
);
console.log("(every step applies the previous step's update in its forward pass, across presentations too)");
const keys = [...new Set([...fused.parts.keys(), ...apart.parts.keys()])].sort(
  (p, q) => (fused.parts.get(q) ?? 0) - (fused.parts.get(p) ?? 0),
);
for (const k of keys) {
  const ms = fused.parts.get(k) ?? 0;
  // every gemm runs once a step (the fused one too: a presentation's last update waits for the next one)
  const g = GEMMS[k];
  const cols =
    g && ms > 0
      ? `${(g.flops / ms / 1e6).toFixed(1).padStart(7)}  ${(g.bytes / ms / 1e6).toFixed(1).padStart(4)}  ${(g.flops / peak / 1e6).toFixed(2)} ms, ${(g.bytes / bw / 1e6).toFixed(2)} ms`
      : `${'—'.padStart(7)}  ${'—'.padStart(4)}  —`;
  console.log(
    `${(g ? g.label : k).padEnd(40)}  ${ms.toFixed(2).padStart(7)}  ${((100 * ms) / fused.step).toFixed(0).padStart(4)}%  ${cols.padEnd(34)}  ${(apart.parts.get(k) ?? 0).toFixed(2)}`,
  );
}
