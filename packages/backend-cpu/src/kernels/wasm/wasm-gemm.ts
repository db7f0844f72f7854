import { GemmThreads } from './gemm-threads.js';
import type { WasmKernels } from './wasm-instance.js';

const MR = 4; // register tile of assembly/gemm.ts is MR×NR
const NR = 8;
/** Products with fewer multiply-adds than this, or a side thinner than MR, skip packing. */
const PACK_MIN_WORK = 24 * 24 * 24;
/** Products with fewer multiply-adds than this stay on one thread (a wake-up costs ~10-50 µs). */
const THREAD_MIN_WORK = 64 * 64 * 64;

export interface WasmGemmOptions {
  /** Threads to split large products over, the caller's included (needs shared memory); default 1. */
  threads?: number;
}

/**
 * C = alpha · op(A) · op(B) + beta · C on matrices in wasm memory, addressed by
 * byte pointers. Large products run the packed 4×8 f32x4 kernel (any transpose
 * costs the same), split by column ranges over worker threads where the memory
 * is shared; thin ones (batch 1, rank-1 updates) run unpacked SIMD row updates
 * or dot products.
 */
export class WasmGemm {
  private readonly kernels: WasmKernels;
  private readonly scratch: number;
  private readonly threads: GemmThreads | null;

  constructor(kernels: WasmKernels, options: WasmGemmOptions = {}) {
    this.kernels = kernels;
    const bytes = kernels.exports.gemmScratchBytes();
    this.scratch = kernels.heap.alloc(bytes);
    const workers = Math.max(0, Math.floor(options.threads ?? 1) - 1);
    this.threads = workers > 0 && kernels.heap.shared ? new GemmThreads(kernels, workers, bytes) : null;
  }

  /** Threads a large product uses now (workers boot asynchronously: see `whenReady`). */
  get threadCount(): number {
    return 1 + (this.threads?.ready().length ?? 0);
  }

  /** Resolves when the worker threads have booted; returns the thread count. */
  async whenReady(): Promise<number> {
    return 1 + ((await this.threads?.whenReady()) ?? 0);
  }

  run(
    c: number,
    a: number,
    b: number,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
    alpha: number,
    beta: number,
  ): void {
    const x = this.kernels.exports;
    x.scaleC(c, m * n, beta);
    if (k === 0 || alpha === 0) return;
    const [rsA, csA] = transA ? [1, m] : [k, 1];
    const [rsB, csB] = transB ? [1, k] : [n, 1];
    if (m < MR || n < MR || k < MR || m * n * k < PACK_MIN_WORK) {
      // thin: SIMD row updates when op(B)'s rows are contiguous, else dot products
      if (!transB && n >= MR) x.gemmRowAxpy(c, a, rsA, csA, b, rsB, m, n, k, alpha);
      else x.gemmDots(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha);
      return;
    }
    const helpers = this.threads && m * n * k >= THREAD_MIN_WORK ? this.threads.ready() : [];
    const parts = Math.min(helpers.length + 1, Math.floor(n / (2 * NR)));
    if (parts <= 1) {
      x.gemmPanel(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha, 0, n, this.scratch);
      return;
    }
    // column ranges in whole NR-wide micro-panels; the caller takes the first
    const width = Math.ceil(n / parts / NR) * NR;
    const threads = this.threads as GemmThreads;
    let posted = 0;
    for (let j0 = width; j0 < n; j0 += width, posted++) {
      threads.post(
        helpers[posted],
        [c, a, rsA, csA, b, rsB, csB, m, n, k, j0, Math.min(n, j0 + width)],
        alpha,
      );
    }
    x.gemmPanel(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha, 0, width, this.scratch);
    for (let t = 0; t < posted; t++) threads.wait(helpers[t]);
  }

  /** Ends the worker threads. */
  dispose(): void {
    this.threads?.dispose();
  }
}
