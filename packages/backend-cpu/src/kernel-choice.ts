import { OptionError, UnsupportedError } from '@rfa/tensor';
import type { GemmKernel } from './kernels/gemm.js';
import { wasmSimdSupported } from './kernels/wasm/wasm-support.js';

/** Which kernels a CPU backend runs: plain JavaScript, WebAssembly SIMD, or the best available. */
export type CpuKernels = 'js' | 'wasm' | 'auto';

/** Resolves the `kernels` option against this engine; `why` says what decided it. */
export function chooseKernels(requested: CpuKernels = 'auto'): { kernels: 'js' | 'wasm'; why: string } {
  if (requested !== 'js' && requested !== 'wasm' && requested !== 'auto') {
    throw new OptionError(
      `createCpuBackend: kernels must be 'js', 'wasm' or 'auto', got ${String(requested)}`,
    );
  }
  const simd = wasmSimdSupported();
  if (requested === 'wasm' && !simd) {
    throw new UnsupportedError(
      "createCpuBackend: kernels 'wasm' needs WebAssembly SIMD, which this engine lacks",
    );
  }
  if (requested === 'js') return { kernels: 'js', why: 'requested' };
  if (requested === 'wasm') return { kernels: 'wasm', why: 'requested' };
  return simd
    ? { kernels: 'wasm', why: 'auto: WebAssembly SIMD available' }
    : { kernels: 'js', why: 'auto: no WebAssembly SIMD here, fell back to JS' };
}

export interface CpuBackendOptions {
  /**
   * 'auto' (default): WebAssembly SIMD kernels with tensors in wasm memory where
   * the engine has WebAssembly SIMD, plain JavaScript otherwise; 'js' or 'wasm' force one.
   */
  kernels?: CpuKernels;
  /** Replaces the plain-JS gemm kernel (used when the kernels are 'js'). */
  gemm?: GemmKernel;
  /**
   * Threads for large gemms with the 'wasm' kernels, the calling one included;
   * needs shared memory (Node, or a cross-origin-isolated page), else one.
   * Default: the machine's cores, at most 4.
   */
  threads?: number;
}

/** Cores of this machine (Node's os module, or the browser's navigator), at least 1. */
export function coreCount(): number {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const os = nodeProcess?.getBuiltinModule?.('node:os') as
    | { availableParallelism?: () => number }
    | undefined;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return Math.max(1, os?.availableParallelism?.() ?? nav?.hardwareConcurrency ?? 1);
}
