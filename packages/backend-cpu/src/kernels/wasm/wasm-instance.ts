import type { KernelExports } from './kernel-exports.js';
import {
  KERNELS_FMA_SHARED_WASM,
  KERNELS_FMA_WASM,
  KERNELS_SHARED_WASM,
  KERNELS_WASM,
  SHARED_MAX_PAGES,
} from './wasm-bytes.js';
import { WasmHeap } from './wasm-heap.js';
import { decodeBase64, sharedMemorySupported } from './wasm-support.js';

export type { KernelExports } from './kernel-exports.js';

/** One instance of the kernels and the heap of the memory it imports. */
export interface WasmKernels {
  heap: WasmHeap;
  exports: KernelExports;
  /** The compiled module, for workers that instantiate it on the same shared memory. */
  module: WebAssembly.Module;
  /** Whether gemm's multiply-adds are fused (the relaxed-SIMD build). */
  fma: boolean;
}

type Variant = 'plain' | 'shared' | 'fmaPlain' | 'fmaShared';
const BYTES: Record<Variant, string> = {
  plain: KERNELS_WASM,
  shared: KERNELS_SHARED_WASM,
  fmaPlain: KERNELS_FMA_WASM,
  fmaShared: KERNELS_FMA_SHARED_WASM,
};
const variant = (shared: boolean, fma: boolean): Variant =>
  fma ? (shared ? 'fmaShared' : 'fmaPlain') : shared ? 'shared' : 'plain';

/**
 * Whether this engine runs the fused multiply-add kernels (WebAssembly relaxed SIMD:
 * V8 11.4+, i.e. Chrome 114+ and Node 22+, or Node 20 started with
 * `--experimental-wasm-relaxed-simd`). Not cached: a flag set at run time counts.
 */
export function fmaKernelsSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(decodeBase64(KERNELS_FMA_WASM));
  } catch {
    return false;
  }
}

const compiled: Partial<Record<Variant, WebAssembly.Module>> = {};

/**
 * Compiles the kernels ahead of time, off the main thread's critical path. Only
 * needed where synchronous compilation is refused (a browser's main thread caps
 * it at a few KiB in some engines); Node and workers compile on first use.
 * @example
 * await preloadWasmKernels();
 * const backend = createCpuBackend();
 */
export async function preloadWasmKernels(): Promise<void> {
  const shared = sharedMemorySupported();
  for (const fma of fmaKernelsSupported() ? [false, true] : [false]) {
    for (const key of [variant(false, fma), ...(shared ? [variant(true, fma)] : [])])
      compiled[key] ??= await WebAssembly.compile(decodeBase64(BYTES[key]));
  }
}

/** The compiled kernels (synchronously, unless `preloadWasmKernels` did it already). */
function kernelModule(shared: boolean, fma = false): WebAssembly.Module {
  const key = variant(shared, fma);
  compiled[key] ??= new WebAssembly.Module(decodeBase64(BYTES[key]));
  return compiled[key] as WebAssembly.Module;
}

/**
 * Instantiates the kernels on a fresh memory: shared when the platform allows
 * (worker threads can then run on the same tensors), plain otherwise; `fma` picks
 * the relaxed-SIMD build (check `fmaKernelsSupported` first).
 */
export function createWasmKernels(
  options: { shared?: boolean; fma?: boolean; initialPages?: number } = {},
): WasmKernels {
  const shared = options.shared ?? sharedMemorySupported();
  const fma = options.fma ?? false;
  const initial = options.initialPages ?? 256;
  const memory = shared
    ? new WebAssembly.Memory({ initial, maximum: SHARED_MAX_PAGES, shared: true })
    : new WebAssembly.Memory({ initial });
  const module = kernelModule(shared, fma);
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return {
    heap: new WasmHeap(memory, shared),
    exports: instance.exports as unknown as KernelExports,
    module,
    fma,
  };
}
