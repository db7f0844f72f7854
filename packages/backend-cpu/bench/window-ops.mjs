// Time per call of the window ops (im2col, col2im, max and average pooling and their
// backward ops) on LeNet's layers at batch 128, the wasm SIMD kernels against the plain-JS
// ones on one thread, interleaved call by call in one run; prints the median and minimum of
// each and their ratio. Run: node bench/window-ops.mjs [batch] [calls] (after pnpm build)
import { Rng, windowGeometry } from '@rfa/tensor';
import { createCpuBackend } from '../dist/index.js';

// pnpm passes the `--` before the arguments on
const args = process.argv.slice(2).filter((a) => a !== '--');
const batch = Number(args[0] ?? 128);
const calls = Number(args[1] ?? 40);
const backends = {
  wasm: createCpuBackend({ kernels: 'wasm', threads: 1 }),
  js: createCpuBackend({ kernels: 'js' }),
};
const rng = new Rng(7);
const filled = (be, shape) => {
  const t = be.zeros(shape);
  be.randomUniform(t, rng, -0.5, 0.5);
  return t;
};

/** LeNet's two conv inputs (5×5 windows) and its two pooled maps (2×2, stride 2). */
const conv = [
  ['28×28×1, 5×5', { batch, height: 28, width: 28, channels: 1, kernel: 5 }],
  ['14×14×6, 5×5', { batch, height: 14, width: 14, channels: 6, kernel: 5 }],
];
const pool = [
  ['24×24×6, 2×2/2', { batch, height: 24, width: 24, channels: 6, kernel: 2, stride: 2 }],
  ['10×10×16, 2×2/2', { batch, height: 10, width: 10, channels: 16, kernel: 2, stride: 2 }],
];
const input = (g) => [g.batch, g.height * g.width * g.channels];
const patches = (g) => [g.batch * g.outHeight * g.outWidth, g.kernelHeight * g.kernelWidth * g.channels];
const pooled = (g) => [g.batch, g.outHeight * g.outWidth * g.channels];

// each case makes its tensors on a backend and returns the call to time
const cases = [];
for (const [layer, o] of conv) {
  const g = windowGeometry(o);
  cases.push([
    `im2col ${layer}`,
    (be) => {
      const [cols, x] = [be.zeros(patches(g)), filled(be, input(g))];
      return () => be.im2col(cols, x, g);
    },
  ]);
  cases.push([
    `col2im ${layer}`,
    (be) => {
      const [x, cols] = [be.zeros(input(g)), filled(be, patches(g))];
      return () => be.col2im(x, cols, g);
    },
  ]);
}
for (const [layer, o] of pool) {
  const g = windowGeometry(o);
  cases.push([
    `maxPool ${layer}`,
    (be) => {
      const [y, argmax, x] = [be.zeros(pooled(g)), be.zeros(pooled(g)), filled(be, input(g))];
      return () => be.maxPool(y, argmax, x, g);
    },
  ]);
  cases.push([
    `maxPoolBackward ${layer}`,
    (be) => {
      const [y, argmax, x] = [be.zeros(pooled(g)), be.zeros(pooled(g)), filled(be, input(g))];
      be.maxPool(y, argmax, x, g);
      const [dx, dy] = [be.zeros(input(g)), filled(be, pooled(g))];
      return () => be.maxPoolBackward(dx, dy, argmax, g);
    },
  ]);
  cases.push([
    `avgPool ${layer}`,
    (be) => {
      const [y, x] = [be.zeros(pooled(g)), filled(be, input(g))];
      return () => be.avgPool(y, x, g);
    },
  ]);
  cases.push([
    `avgPoolBackward ${layer}`,
    (be) => {
      const [dx, dy] = [be.zeros(input(g)), filled(be, pooled(g))];
      return () => be.avgPoolBackward(dx, dy, g);
    },
  ]);
}

const ms = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
console.log(`batch ${batch}, ${calls} calls each after 3 warm-ups, interleaved; ms per call (median, min)`);
console.log(
  `${'op, layer'.padEnd(34)} ${'wasm SIMD'.padStart(16)} ${'plain JS'.padStart(16)}  JS / wasm (medians)`,
);
for (const [label, make] of cases) {
  const run = Object.fromEntries(Object.entries(backends).map(([k, be]) => [k, make(be)]));
  const times = { wasm: [], js: [] };
  for (let i = 0; i < 3; i++) for (const k of ['wasm', 'js']) run[k]();
  for (let i = 0; i < calls; i++) for (const k of ['wasm', 'js']) times[k].push(ms(run[k]));
  const cell = (k) => `${f(median(times[k]))}, ${f(Math.min(...times[k]))}`.padStart(16);
  console.log(
    `${label.padEnd(34)} ${cell('wasm')} ${cell('js')}  ${(median(times.js) / median(times.wasm)).toFixed(1)}×`,
  );
}
for (const be of Object.values(backends)) be.dispose();
