import { GemmThreads } from './gemm-threads.js';
import type { WasmKernels } from './wasm-instance.js';

const MR = 4; // register tile of asm/gemm.ts is MR×NR
const NR = 8;
/** Products with fewer multiply-adds than this, or a side thinner than MR, skip packing. */
const PACK_MIN_WORK = 24 * 24 * 24;
/**
 * Products with fewer multiply-adds than this stay on one thread: below it a product
 * takes under ~0.2 ms on one core, and a wake-up plus the join (~10-50 µs idle, a
 * scheduler time slice when the other core is busy) eats the gain. The small products
 * of a 784-1000-10 step (1.3 M multiply-adds, ~0.1 ms) are below it.
 */
const THREAD_MIN_WORK = 4_000_000;

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
  private readonly workers: number;
  /** Started on the first product big enough to share (or by `whenReady`), so small uses spawn nothing. */
  private threads: GemmThreads | null = null;
  /** Shared counter of the next unclaimed column (threads only). */
  private next: Int32Array | null = null;

  constructor(kernels: WasmKernels, options: WasmGemmOptions = {}) {
    this.kernels = kernels;
    this.scratch = kernels.heap.alloc(kernels.exports.gemmScratchBytes());
    this.workers = kernels.heap.shared ? Math.max(0, Math.floor(options.threads ?? 1) - 1) : 0;
  }

  /** Threads a large product uses now (workers boot asynchronously: see `whenReady`). */
  get threadCount(): number {
    return 1 + (this.threads?.ready().length ?? 0);
  }

  /** Starts the worker threads if need be and resolves when they have booted; returns the thread count. */
  async whenReady(): Promise<number> {
    return 1 + ((await this.startThreads()?.whenReady()) ?? 0);
  }

  private startThreads(): GemmThreads | null {
    if (this.threads || this.workers === 0) return this.threads;
    const { heap, exports } = this.kernels;
    this.threads = new GemmThreads(this.kernels, this.workers, exports.gemmScratchBytes());
    this.next = new Int32Array(heap.memory.buffer, heap.alloc(4), 1);
    return this.threads;
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
    if (k === 0 || alpha === 0) {
      x.scaleC(c, m * n, beta);
      return;
    }
    const [rsA, csA] = transA ? [1, m] : [k, 1];
    const [rsB, csB] = transB ? [1, k] : [n, 1];
    if (m < MR || n < MR || k < MR || m * n * k < PACK_MIN_WORK) {
      // thin: SIMD row updates when op(B)'s rows are contiguous, else dot products
      x.scaleC(c, m * n, beta);
      if (!transB && n >= MR) x.gemmRowAxpy(c, a, rsA, csA, b, rsB, m, n, k, alpha);
      else x.gemmDots(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha);
      return;
    }
    const helpers =
      this.workers > 0 && m * n * k >= THREAD_MIN_WORK ? (this.startThreads() as GemmThreads).ready() : [];
    const parts = Math.min(helpers.length + 1, Math.floor(n / (2 * NR)));
    if (parts <= 1) {
      x.gemmPanel(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha, beta, 0, n, this.scratch);
      return;
    }
    // Column chunks (whole NR-wide micro-panels, two per thread) claimed from a shared
    // counter by the caller and the workers alike: a worker the OS keeps waiting takes
    // fewer chunks instead of stalling the product. Each chunk repacks A, hence only two.
    const chunk = Math.ceil(n / (2 * parts) / NR) * NR;
    const next = this.next as Int32Array;
    Atomics.store(next, 0, 0);
    const threads = this.threads as GemmThreads;
    for (let t = 0; t < parts - 1; t++) {
      threads.post(helpers[t], [c, a, rsA, csA, b, rsB, csB, m, n, k, chunk, next.byteOffset], alpha, beta);
    }
    for (let j0 = Atomics.add(next, 0, chunk); j0 < n; j0 = Atomics.add(next, 0, chunk)) {
      x.gemmPanel(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha, beta, j0, Math.min(n, j0 + chunk), this.scratch);
    }
    for (let t = 0; t < parts - 1; t++) threads.wait(helpers[t]);
  }

  /** Column chunks computed by worker threads so far. */
  get workerChunks(): number {
    return this.threads?.chunksDone() ?? 0;
  }

  /** Ends the worker threads (a later large product would start them again). */
  dispose(): void {
    this.threads?.dispose();
    this.threads = null;
  }
}
