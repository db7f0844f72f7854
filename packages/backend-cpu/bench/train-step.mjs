// Where one training step of the fig3a network (784-1000-10, logistic, squared
// error, FA or BP) spends its time on the CPU backend: every Backend call is
// timed by name and shapes. Run after building this package and its siblings:
// node bench/train-step.mjs [batch=128] [rule=fa] [threads=2] [fma]
// (fma: the fused multiply-add kernels; this script turns on Node 20's relaxed-SIMD flag)

import { Rng } from '@rfa/tensor';
import { createNetwork, uniformInit } from '../../layers/dist/index.js';
import { backprop, createTrainer, feedbackAlignment } from '../../learning-rules/dist/index.js';
import { createCpuBackend } from '../dist/index.js';

const [batch = 128, rule = 'fa', threads = 2, kernels = ''] = process.argv
  .slice(2)
  .map((a, i) => (i === 1 || i === 3 ? a : Number(a)));
const fma = kernels === 'fma';
if (fma) (await import('node:v8')).setFlagsFromString('--experimental-wasm-relaxed-simd');
const backend = createCpuBackend({ kernels: 'wasm', threads, fma });
await backend.whenReady();
const times = new Map();
/** Every call's time by name: medians resist the noise of a shared machine better than sums. */
const calls = new Map();
const timed = new Proxy(backend, {
  get(target, key) {
    const value = Reflect.get(target, key, target);
    if (typeof value !== 'function') return value;
    if (key === 'zeros' || key === 'dispose') return value.bind(target);
    return (...args) => {
      const shapes = args.map((a) =>
        a?.shape
          ? a.shape.join('×')
          : ArrayBuffer.isView(a)
            ? `f32[${a.length}]`
            : typeof a === 'object'
              ? JSON.stringify(a)
              : a,
      );
      const name = `${String(key)}(${shapes.join(', ')})`;
      const t0 = performance.now();
      const out = value.apply(target, args);
      const t = performance.now() - t0;
      times.set(name, (times.get(name) ?? 0) + t);
      if (!calls.has(name)) calls.set(name, []);
      calls.get(name).push(t);
      return out;
    };
  },
});
const sizes = [784, 1000, 10];
const network = createNetwork(timed, {
  rng: new Rng(1),
  init: uniformInit(0.05),
  layers: [
    { in: 784, out: 1000, activation: 'logistic' },
    { in: 1000, out: 10, activation: 'logistic' },
  ],
});
const trainer = createTrainer(network, rule === 'bp' ? backprop() : feedbackAlignment(), {
  loss: 'mse',
  learningRate: 0.1,
  rng: new Rng(2),
});
const rng = new Rng(3);
const inputs = Float32Array.from({ length: 64 * batch * sizes[0] }, () => rng.uniform());
const targets = new Float32Array(64 * batch * sizes[2]);
const step = (s) => {
  const o = (s % 64) * batch;
  trainer.step(
    inputs.subarray(o * 784, (o + batch) * 784),
    targets.subarray(o * 10, (o + batch) * 10),
    batch,
  );
};
for (let s = 0; s < 20; s++) step(s);
times.clear();
calls.clear();
const stepTimes = [];
const steps = batch >= 32 ? 200 : 4000;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let s = 0; s < steps; s++) {
  const ts = performance.now();
  step(s);
  stepTimes.push(performance.now() - ts);
}
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0); // every thread of the process: the workers' share included
const perStep = (ms) => ((ms / steps) * 1000).toFixed(1).padStart(8);
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const us = (ms) => (ms * 1000).toFixed(1).padStart(8);
let sum = 0;
console.log('  mean/step  median/call  call');
for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1])) {
  sum += ms;
  const perCall = calls.get(name);
  console.log(
    `${perStep(ms)} µs ${us(median(perCall))} µs  ${name}${perCall.length > steps ? ` ×${perCall.length / steps}` : ''}`,
  );
}
console.log(`${perStep(sum)} µs  all backend calls`);
console.log(
  `${perStep((cpu.user + cpu.system) / 1000)} µs  CPU time per step, all threads (load: ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
console.log(`${perStep(total)} µs  whole step → ${((steps * batch) / (total / 1000)).toFixed(0)} examples/s`);
console.log(
  `${us(median(stepTimes))} µs  median step → ${(batch / (median(stepTimes) / 1000)).toFixed(0)} examples/s`,
);
backend.dispose();
