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
  /** 16 bytes of scratch for the activation kernel's ragged tails. */
  pad: number;
}

/** Codes of `activation` in asm/activation.ts (softmax stays in JS). */
export const ACTIVATION_CODES = { relu: 0, linear: 1, logistic: 2, tanh: 3 } as const;

/** Instantiates the kernels on a fresh memory with tensor storage and a gemm on `threads` threads. */
export function startWasmRuntime(threads: number): WasmRuntime {
  const kernels = createWasmKernels();
  return {
    storage: new WasmStorage(kernels),
    gemm: new WasmGemm(kernels, { threads }),
    x: kernels.exports,
    shared: kernels.heap.shared,
    pad: kernels.heap.alloc(16),
  };
}
