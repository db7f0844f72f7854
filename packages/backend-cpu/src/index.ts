import { registerCpuBackend } from './register.js';

export { CpuBackend, createCpuBackend } from './cpu-backend.js';
export { type CpuBackendOptions, type CpuKernels, chooseKernels } from './kernel-choice.js';
export { WasmGemm } from './kernels/wasm/wasm-gemm.js';
export {
  fmaKernelsSupported,
  preloadWasmKernels,
  type WasmKernels,
} from './kernels/wasm/wasm-instance.js';
export { sharedMemorySupported, wasmSimdSupported } from './kernels/wasm/wasm-support.js';
export { registerCpuBackend } from './register.js';

// Importing the package makes `createBackend('cpu')` work.
registerCpuBackend();
