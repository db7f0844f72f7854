import { createCpuBackend } from '@rfa/backend-cpu';

const backend = createCpuBackend(); // { kernels: 'auto', threads: cores (≤ 4) }
console.log(backend.kernels); // wasm (WebAssembly SIMD) or js; backend.description says why
await backend.whenReady(); // worker threads booted (until then gemm runs on fewer)
const x = backend.fromArray(new Float32Array(128 * 784).fill(0.5), [128, 784]);
const w = backend.fromArray(new Float32Array(784 * 1000).fill(0.01), [784, 1000]);
const h = backend.zeros([128, 1000]);
backend.gemm(h, x, w); // h = x·w, in place (in wasm memory with the wasm kernels)
const out = h.readSync();
console.log(out.length, out[0].toFixed(3)); // 128000 '3.920' (784 · 0.5 · 0.01)
backend.dispose(); // ends the worker threads
