import { ARG, CHUNK_KIND, runChunks } from './gemm-chunk.js';
import { GemmThreads } from './gemm-threads.js';
import type { WasmKernels } from './wasm-instance.js';

const MR = 4; // register tile of asm/gemm.ts is MR×NR
const NR = 8;
/** Products with fewer multiply-adds than this, or a side thinner than MR, skip packing. */
const PACK_MIN_WORK = 24 * 24 * 24;
/**
 * Packed products with fewer multiply-adds than this stay on one thread: below it a
 * product takes under ~0.2 ms on one core, and a wake-up plus the join (~10-50 µs
 * idle, a scheduler time slice when the other core is busy) eats the gain. The small
 * products of a 784-1000-10 step (1.3 M multiply-adds, ~0.1 ms) are below it.
 */
const THREAD_MIN_WORK = 4_000_000;
/**
 * Thin products (gemv, rank-1 update) are memory-bound at ~20 GFLOP/s. Splitting them
 * is off by default: on the MNIST loop at batch 1 (784×1000, ~80 µs a product) two
 * threads ran at 3,200 examples/s against 3,720 on one, idle machine: the wake-up and
 * join cost more than the second core's share. `thinThreadMinWork` turns it on.
 */
const THIN_THREAD_MIN_WORK = Number.POSITIVE_INFINITY;
/** Rows or columns per chunk of a threaded thin product (a 64×784 slice of W is 200 KB). */
const THIN_CHUNK = 64;

export interface WasmGemmOptions {
  /** Threads to split large products over, the caller's included (needs shared memory); default 1. */
  threads?: number;
  /** Multiply-adds from which thin products (batch-1 gemv, rank-1) are split too; default: never. */
  thinThreadMinWork?: number;
}

/**
 * C = alpha · op(A) · op(B) + beta · C on matrices in wasm memory, addressed by
 * byte pointers. Large products run the packed 4×8 f32x4 kernel (any transpose
 * costs the same), split by column ranges over worker threads where the memory
 * is shared; thin ones (batch 1, rank-1 updates) run unpacked SIMD row updates
 * or dot products, split by rows (row updates) or columns (a gemv) when large.
 */
export class WasmGemm {
  private readonly kernels: WasmKernels;
  private readonly scratch: number;
  private readonly workers: number;
  /** Started on the first product big enough to share (or by `whenReady`), so small uses spawn nothing. */
  private threads: GemmThreads | null = null;
  /** The caller's job block (`ARG` layout) in wasm memory; its NEXT slot points at the shared chunk counter. */
  private job: { ints: Int32Array; floats: Float32Array; next: Int32Array } | null = null;

  private readonly thinThreadMinWork: number;

  constructor(kernels: WasmKernels, options: WasmGemmOptions = {}) {
    this.thinThreadMinWork = options.thinThreadMinWork ?? THIN_THREAD_MIN_WORK;
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
    const at = heap.alloc(4 * (ARG.COUNT + 1));
    const ints = new Int32Array(heap.memory.buffer, at, ARG.COUNT);
    this.job = {
      ints,
      floats: new Float32Array(heap.memory.buffer, at, ARG.COUNT),
      next: new Int32Array(heap.memory.buffer, at + 4 * ARG.COUNT, 1),
    };
    return this.threads;
  }

  /** Ready workers to share a product of `work` multiply-adds with, at least `min` (none below it). */
  private helpers(work: number, min: number) {
    return this.workers > 0 && work >= min ? (this.startThreads() as GemmThreads).ready() : [];
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
    const work = m * n * k;
    if (m < MR || n < MR || k < MR || work < PACK_MIN_WORK) {
      // thin: SIMD row updates when op(B)'s rows are contiguous, else dot products
      const rowUpdate = !transB && n >= MR;
      const kind = rowUpdate ? CHUNK_KIND.ROWS : CHUNK_KIND.DOTS;
      const total = rowUpdate ? m : n;
      const helpers = rowUpdate || m === 1 ? this.helpers(work, this.thinThreadMinWork) : [];
      const parts = Math.min(helpers.length + 1, Math.floor(total / THIN_CHUNK));
      // one thread's row update applies β in its own pass; every other path scales first
      if (parts > 1 || !rowUpdate) x.scaleC(c, m * n, beta);
      if (parts > 1)
        this.share(
          helpers.slice(0, parts - 1),
          [kind, c, a, rsA, csA, b, rsB, csB, m, n, k, THIN_CHUNK],
          alpha,
          1,
        );
      else if (rowUpdate) x.gemmRowAxpy(c, a, rsA, csA, b, rsB, m, n, k, alpha, beta);
      else x.gemmDots(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha);
      return;
    }
    const helpers = this.helpers(work, THREAD_MIN_WORK);
    const parts = Math.min(helpers.length + 1, Math.floor(n / (2 * NR)));
    if (parts <= 1) {
      x.gemmPanel(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha, beta, 0, n, this.scratch);
      return;
    }
    // Column chunks (whole NR-wide micro-panels, two per thread): each chunk repacks A, hence only two.
    const chunk = Math.ceil(n / (2 * parts) / NR) * NR;
    this.share(
      helpers.slice(0, parts - 1),
      [CHUNK_KIND.PANEL, c, a, rsA, csA, b, rsB, csB, m, n, k, chunk],
      alpha,
      beta,
    );
  }

  /**
   * Runs one product's chunks on the caller and `helpers` alike, all claiming from
   * one shared counter: a worker the OS keeps waiting takes fewer chunks instead of
   * stalling the product. `args` is the `ARG` block up to CHUNK.
   */
  private share(
    helpers: ReturnType<GemmThreads['ready']>,
    args: number[],
    alpha: number,
    beta: number,
  ): void {
    const job = this.job as NonNullable<WasmGemm['job']>;
    const threads = this.threads as GemmThreads;
    job.ints.set(args);
    job.ints[ARG.NEXT] = job.next.byteOffset;
    job.floats[ARG.ALPHA] = alpha;
    job.floats[ARG.BETA] = beta;
    job.ints[ARG.SCRATCH] = this.scratch;
    Atomics.store(job.next, 0, 0);
    for (const helper of helpers) threads.post(helper, job.ints, alpha, beta);
    runChunks(this.kernels.exports, this.kernels.heap.memory.buffer, job.ints, job.floats, 0);
    for (const helper of helpers) threads.wait(helper);
  }

  /** Chunks computed by worker threads so far. */
  get workerChunks(): number {
    return this.threads?.chunksDone() ?? 0;
  }

  /** Ends the worker threads (a later large product would start them again). */
  dispose(): void {
    this.threads?.dispose();
    this.threads = null;
  }
}
