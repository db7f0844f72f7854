import { OptionError, UnsupportedError } from '@rfa/tensor';
import type { GemmKernel } from './kernels/gemm.js';
import { JsKernelSet } from './kernels/js-kernel-set.js';
import type { CpuKernelSet } from './kernels/kernel-set.js';
import { fmaKernelsSupported } from './kernels/wasm/wasm-instance.js';
import { WasmKernelSet } from './kernels/wasm/wasm-kernel-set.js';
import { startWasmRuntime } from './kernels/wasm/wasm-runtime.js';
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
  /**
   * Fused multiply-adds in the wasm gemm (WebAssembly relaxed SIMD): the gemm runs
   * ~1.3× faster on a core, but results differ from the default kernels in the last bits
   * (one rounding per multiply-add instead of two), so a seeded run matches only
   * other fused runs on the same hardware. Needs relaxed SIMD (`fmaKernelsSupported()`:
   * Chrome 114+, Node 22+, or Node 20 with `--experimental-wasm-relaxed-simd`).
   * Default false: the same bits in every engine.
   */
  fma?: boolean;
  /**
   * Unpacked kernels for products with at most 16 rows, or an inner length k of at most
   * 16, beside large sides (the spiking network's 10 images side by side): they read the
   * large matrix where it lies instead of packing it first. Default true; false sends
   * those products to the packed kernel (for comparisons).
   */
  fewRows?: boolean;
}

/** Cores of this machine (Node's os module, or the browser's navigator), at least 1. */
function coreCount(): number {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const os = nodeProcess?.getBuiltinModule?.('node:os') as
    | { availableParallelism?: () => number }
    | undefined;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return Math.max(1, os?.availableParallelism?.() ?? nav?.hardwareConcurrency ?? 1);
}

/**
 * Starts what the options ask for: the kernel set (WebAssembly with its runtime, or
 * plain JS) and the backend's description, which names the kernels, memory, threads
 * and why they were chosen.
 */
export function setUpKernels(options: CpuBackendOptions): { kernels: CpuKernelSet; description: string } {
  const choice = chooseKernels(options.kernels);
  const threads = options.threads ?? Math.min(coreCount(), 4);
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new OptionError(`createCpuBackend: threads must be a whole number ≥ 1, got ${String(threads)}`);
  }
  const fma = options.fma ?? false;
  if (typeof fma !== 'boolean') {
    throw new OptionError(`createCpuBackend: fma must be true or false, got ${String(fma)}`);
  }
  if (fma && choice.kernels !== 'wasm') {
    if (options.kernels === 'js')
      throw new OptionError("createCpuBackend: fma applies to the wasm kernels, not kernels 'js'");
    throw new UnsupportedError(
      'createCpuBackend: fma needs the wasm kernels, and this engine has no WebAssembly SIMD',
    );
  }
  if (fma && !fmaKernelsSupported()) {
    throw new UnsupportedError(
      'createCpuBackend: fma needs WebAssembly relaxed SIMD, which this engine lacks (Node 20: start it with --experimental-wasm-relaxed-simd)',
    );
  }
  const fewRows = options.fewRows ?? true;
  if (typeof fewRows !== 'boolean') {
    throw new OptionError(`createCpuBackend: fewRows must be true or false, got ${String(fewRows)}`);
  }
  let why = choice.why;
  if (choice.kernels === 'wasm') {
    try {
      const wasm = startWasmRuntime(threads, fma, fewRows);
      const memory = wasm.shared
        ? `shared wasm memory, gemm and activations on up to ${threads} threads`
        : 'unshared wasm memory (no SharedArrayBuffer here), one thread';
      return {
        kernels: new WasmKernelSet(wasm),
        description: `cpu: WebAssembly SIMD kernels (packed 4×8 f32x4 gemm${fewRows ? ', unpacked 4×8 tiles for ≤ 16 rows' : ''}${fma ? ', fused multiply-add' : ''}), tensors in ${memory} (${why})`,
      };
    } catch (error) {
      // e.g. a browser main thread that refuses synchronous compiles: preloadWasmKernels() fixes that
      const reason = `the wasm kernels failed to start (${(error as Error).message})`;
      // asked for by name (or for the fused build, which only wasm has): no silent fallback
      if (options.kernels === 'wasm' || fma) throw new UnsupportedError(`createCpuBackend: ${reason}`);
      why = `auto: ${reason}; fell back to JS (await preloadWasmKernels() first)`;
    }
  }
  return {
    kernels: new JsKernelSet(options.gemm),
    description: `cpu: plain JavaScript kernels on ndarray storage (blocked 4×4 gemm), one thread (${why})`,
  };
}
