import { WasmGemm } from './wasm-gemm.js';
import { createWasmKernels, type KernelExports } from './wasm-instance.js';
import { WasmStorage } from './wasm-storage.js';

/** What a CPU backend holds when it runs the 'wasm' kernels. */
export interface WasmRuntime {
  storage: WasmStorage;
  gemm: WasmGemm;
  /** The kernels' exports, for the elementwise calls. */
  x: KernelExports;
  /** Whether the memory is shared (worker threads possible). */
  shared: boolean;
}

/** Instantiates the kernels on a fresh memory with tensor storage and a gemm on `threads` threads. */
export function startWasmRuntime(threads: number): WasmRuntime {
  const kernels = createWasmKernels();
  return {
    storage: new WasmStorage(kernels),
    gemm: new WasmGemm(kernels, { threads }),
    x: kernels.exports,
    shared: kernels.heap.shared,
  };
}
