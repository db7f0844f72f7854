/**
 * @rfa/backend-cpu/internal — building blocks the benches and tools of rfa use. Not
 * part of the public API: anything here may change or go in any release, semver or not.
 */
export { GemmKernel } from './kernels/gemm.js';
export { gemmDirect } from './kernels/gemm-direct.js';
export { WasmHeap } from './kernels/wasm/wasm-heap.js';
export { createWasmKernels, type KernelExports } from './kernels/wasm/wasm-instance.js';
