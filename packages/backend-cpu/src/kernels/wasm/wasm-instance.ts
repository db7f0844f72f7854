import {
  KERNELS_FMA_SHARED_WASM,
  KERNELS_FMA_WASM,
  KERNELS_SHARED_WASM,
  KERNELS_WASM,
  SHARED_MAX_PAGES,
} from './wasm-bytes.js';
import { WasmHeap } from './wasm-heap.js';
import { decodeBase64, sharedMemorySupported } from './wasm-support.js';

/** The functions asm/*.ts exports; pointers are byte addresses, sizes are elements. */
export interface KernelExports {
  scaleC(c: number, size: number, beta: number): void;
  gemmRowAxpy(
    c: number,
    a: number,
    rsA: number,
    csA: number,
    b: number,
    rsB: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    beta: number,
  ): void;
  gemmDots(
    c: number,
    a: number,
    rsA: number,
    csA: number,
    b: number,
    rsB: number,
    csB: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
  ): void;
  /** C = alpha·A·op(B) + beta·C, A's rows and op(B)'s columns contiguous; C has ldc floats a row. */
  gemmFewDots(
    c: number,
    ldc: number,
    a: number,
    rsA: number,
    b: number,
    csB: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    beta: number,
  ): void;
  /** C = alpha·op(A)·B + beta·C, B's rows contiguous (ldb floats apart); C has ldc floats a row. */
  gemmFewAxpy(
    c: number,
    ldc: number,
    a: number,
    rsA: number,
    csA: number,
    b: number,
    ldb: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    beta: number,
  ): void;
  /** C = alpha·op(A)·B + beta·C for a short k, B's rows contiguous (ldb floats apart); C has n floats a row. */
  gemmSmallK(
    c: number,
    a: number,
    rsA: number,
    csA: number,
    b: number,
    ldb: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    beta: number,
  ): void;
  /**
   * W ← beta·W + alpha·Dᵀ·S, then Y ← beta2·Y + alpha2·X·Wᵀ, for W's rows j0..j1 in bands of
   * four (W [n, m], D [p, n], S [p, m], X [q, m], Y [q, n]); the numbers of gemmSmallK then gemmFewDots.
   */
  gemmUpdateDots(
    w: number,
    d: number,
    s: number,
    x: number,
    y: number,
    n: number,
    m: number,
    p: number,
    q: number,
    j0: number,
    j1: number,
    alpha: number,
    beta: number,
    alpha2: number,
    beta2: number,
  ): void;
  gemmScratchBytes(): number;
  /** out[j] = Σ_i a[i, j], accumulated in f64 in `acc` (cols f64 of scratch). */
  sumColumns(out: number, a: number, rows: number, cols: number, acc: number): void;
  /** op 0 add, 1 sub, 2 mul, 3 div */
  binary(op: number, out: number, a: number, b: number, size: number): void;
  scaleShift(out: number, a: number, size: number, scale: number, shift: number): void;
  axpy(y: number, x: number, size: number, alpha: number): void;
  addRowVector(out: number, a: number, row: number, rows: number, cols: number): void;
  /** out ~ Bernoulli(p) (p = 0: pScalar) from the xoshiro128** state at `state`, advanced in place. */
  bernoulliXoshiro(out: number, p: number, pScalar: number, n: number, state: number): void;
  /** kind 0 relu, 1 linear, 2 logistic, 3 tanh; bias, post, derivative 0 = none; pad: 16 bytes of scratch */
  activation(
    kind: number,
    pre: number,
    bias: number,
    post: number,
    derivative: number,
    rows: number,
    cols: number,
    pad: number,
  ): void;
  gemmPanel(
    c: number,
    a: number,
    rsA: number,
    csA: number,
    b: number,
    rsB: number,
    csB: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    beta: number,
    j0: number,
    j1: number,
    scratch: number,
  ): void;
}

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
export function kernelModule(shared: boolean, fma = false): WebAssembly.Module {
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
