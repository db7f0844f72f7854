// piscina task for bench/gemm.mjs: one column range of a gemm, on the kernels'
// shared memory. The first task instantiates the module; later ones reuse it
// (every task carries the same memory).
let exports = null;

export default function gemmPanel({ module, memory, args }) {
  exports ??= new WebAssembly.Instance(module, { env: { memory } }).exports;
  exports.gemmPanel(...args);
}
