import { WasmActivation } from './wasm-activation.js';
import { WasmGemm } from './wasm-gemm.js';
import { createWasmKernels, type KernelExports } from './wasm-instance.js';
import { WasmPool } from './wasm-pool.js';
import { WasmStorage } from './wasm-storage.js';
import { WasmWindow } from './wasm-window.js';

/** What a CPU backend holds when it runs the 'wasm' kernels. */
export interface WasmRuntime {
  storage: WasmStorage;
  /** The worker threads gemm and the activation share. */
  pool: WasmPool;
  gemm: WasmGemm;
  activation: WasmActivation;
  /** im2col, col2im and the pools, threaded over images for large batches. */
  window: WasmWindow;
  /** The kernels' exports, for the elementwise calls. */
  x: KernelExports;
  /** Whether the memory is shared (worker threads possible). */
  shared: boolean;
}

/** Codes of `activation` in asm/activation.ts (softmax stays in JS). */
export const ACTIVATION_CODES = { relu: 0, linear: 1, logistic: 2, tanh: 3 } as const;

/**
 * Instantiates the kernels on a fresh memory with tensor storage, and gemm and activation
 * on `threads` threads; `fewRows` false turns off gemm's unpacked few-row kernels.
 */
export function startWasmRuntime(threads: number, fma = false, fewRows = true): WasmRuntime {
  const kernels = createWasmKernels({ fma });
  const pool = new WasmPool(kernels, threads);
  return {
    storage: new WasmStorage(kernels),
    pool,
    gemm: new WasmGemm(kernels, fewRows ? { pool } : { pool, fewMax: 0 }),
    activation: new WasmActivation(pool),
    window: new WasmWindow(pool),
    x: kernels.exports,
    shared: kernels.heap.shared,
  };
}
