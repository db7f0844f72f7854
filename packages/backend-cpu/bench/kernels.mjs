// Per-kernel throughput of the CPU backend through the Backend API (validation
// included), for the products and fused steps of a 784-1000-10 training step.
// Prints GFLOP/s (gemm) or GB/s moved (elementwise) for the 'js' and 'wasm'
// kernels, one thread and two. Run: node bench/kernels.mjs (after pnpm build)
import { Rng } from '@rfa/tensor';
import { createCpuBackend } from '../dist/index.js';

const backends = {
  js: createCpuBackend({ kernels: 'js' }),
  wasm: createCpuBackend({ kernels: 'wasm', threads: 1 }),
  'wasm×2': createCpuBackend({ kernels: 'wasm', threads: 2 }),
};
await backends['wasm×2'].whenReady();

function time(fn, seconds = 0.5) {
  fn();
  let reps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    fn();
    reps++;
  }
  return (performance.now() - t0) / 1000 / reps;
}

const rng = new Rng(5);
const tensor = (be, shape) => {
  const t = be.zeros(shape);
  be.randomUniform(t, rng, -0.5, 0.5);
  return t;
};
const gemmCase = (label, [m, n, k], transA, transB) => ({
  label: `${label} ${m}×${n}×${k}`,
  unit: 'GFLOP/s',
  work: 2 * m * n * k,
  make: (be) => {
    const a = tensor(be, transA ? [k, m] : [m, k]);
    const b = tensor(be, transB ? [n, k] : [k, n]);
    const c = tensor(be, [m, n]);
    return () => be.gemm(c, a, b, { transA, transB, alpha: 0.5, beta: transA ? 1 : 0 });
  },
});
/** The fused bias + activation + derivative over the fig3a hidden layer at batch 128. */
const activationCase = (activation) => ({
  label: `biasActivation ${activation}+derivative 128×1000`,
  unit: 'GB/s',
  work: 4 * 128 * 1000 * 4, // read pre, write pre, post, derivative
  make: (be) => {
    const [pre, post, d, bias] = [
      tensor(be, [128, 1000]),
      tensor(be, [128, 1000]),
      tensor(be, [128, 1000]),
      tensor(be, [1000]),
    ];
    return () => be.biasActivation(pre, bias, post, activation, d);
  },
});
const cases = [
  gemmCase('A·B   forward, batch 128', [128, 1000, 784], false, false),
  gemmCase('A^T·B weight update, batch 128', [784, 1000, 128], true, false),
  gemmCase('A·B^T feedback, batch 128', [128, 784, 1000], false, true),
  gemmCase('A·B   forward, batch 1 (gemv)', [1, 1000, 784], false, false),
  gemmCase('A^T·B rank-1 update, batch 1', [784, 1000, 1], true, false),
  activationCase('relu'),
  activationCase('logistic'),
  {
    label: 'axpy 784×1000',
    unit: 'GB/s',
    work: 3 * 784 * 1000 * 4,
    make: (be) => {
      const [y, x] = [tensor(be, [784, 1000]), tensor(be, [784, 1000])];
      return () => be.axpy(y, -1e-3, x);
    },
  },
];

console.log(
  `${'kernel'.padEnd(46)} ${Object.keys(backends)
    .map((n) => n.padStart(9))
    .join(' ')}`,
);
for (const c of cases) {
  const cells = Object.values(backends).map((be) => (c.work / time(c.make(be)) / 1e9).toFixed(2).padStart(9));
  console.log(`${c.label.padEnd(46)} ${cells.join(' ')}  ${c.unit}`);
}
for (const be of Object.values(backends)) be.dispose();
