import { CHUNK_KIND } from './pool-chunk.js';
import type { WasmKernels } from './wasm-instance.js';
import { WasmPool } from './wasm-pool.js';

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
/**
 * Products with at most this many rows (or this short a k) and large other sides skip
 * packing (asm/gemm-few.ts): the spiking network's 10 images side by side.
 */
const FEW_MAX = 16;
/** Chunks per thread of a threaded few-row product: a late worker then takes fewer. */
const FEW_CHUNKS_PER_THREAD = 4;

export interface WasmGemmOptions {
  /** Threads to split large products over, the caller's included (needs shared memory); default 1. */
  threads?: number;
  /** A pool to share with other kernels (the runtime's); `threads` is ignored then. */
  pool?: WasmPool;
  /** Multiply-adds from which thin products (batch-1 gemv, rank-1) are split too; default: never. */
  thinThreadMinWork?: number;
  /**
   * Rows (or inner length k) up to which the unpacked few-row kernels take a product
   * (default 16); 0 sends those products to the packed kernel, as before them.
   */
  fewMax?: number;
}

/**
 * C = alpha · op(A) · op(B) + beta · C on matrices in wasm memory, addressed by
 * byte pointers. Large products run the packed 4×8 f32x4 kernel (any transpose
 * costs the same), split by column ranges over the pool's worker threads where
 * the memory is shared; thin ones (batch 1, rank-1 updates) run unpacked SIMD row
 * updates or dot products, split by rows (row updates) or columns (a gemv) when large.
 */
export class WasmGemm {
  readonly pool: WasmPool;
  private readonly kernels: WasmKernels;
  private readonly thinThreadMinWork: number;
  private readonly fewMax: number;

  constructor(kernels: WasmKernels, options: WasmGemmOptions = {}) {
    this.thinThreadMinWork = options.thinThreadMinWork ?? THIN_THREAD_MIN_WORK;
    this.fewMax = options.fewMax ?? FEW_MAX;
    this.kernels = kernels;
    this.pool = options.pool ?? new WasmPool(kernels, options.threads ?? 1);
  }

  /** Threads a large product uses now (workers boot asynchronously: see `whenReady`). */
  get threadCount(): number {
    return this.pool.threadCount;
  }

  /** Starts the worker threads if need be and resolves when they have booted; returns the thread count. */
  whenReady(): Promise<number> {
    return this.pool.whenReady();
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
    // x·Wᵀ into a few columns (a 10-way output layer): four-column dot products beat
    // packing, whose second 8-wide tile would be mostly padding (96 vs 118 µs at 128×10×1000)
    const fewDots = n < 2 * NR && !transA && transB;
    if (m < MR || n < MR || k < MR || work < PACK_MIN_WORK || fewDots) {
      // thin: SIMD row updates when op(B)'s rows are contiguous, else dot products
      const rowUpdate = !transB && n >= MR;
      const kind = rowUpdate ? CHUNK_KIND.ROWS : CHUNK_KIND.DOTS;
      const total = rowUpdate ? m : n;
      const threads = rowUpdate || m === 1 ? this.pool.parts(work, this.thinThreadMinWork) : 1;
      const parts = Math.min(threads, Math.floor(total / THIN_CHUNK));
      // one thread's row update applies β in its own pass; every other path scales first
      if (parts > 1 || !rowUpdate) x.scaleC(c, m * n, beta);
      if (parts > 1)
        this.pool.share(parts, [kind, c, a, rsA, csA, b, rsB, csB, m, n, k, THIN_CHUNK], alpha, 1);
      else if (rowUpdate) x.gemmRowAxpy(c, a, rsA, csA, b, rsB, m, n, k, alpha, beta);
      else x.gemmDots(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha);
      return;
    }
    if (this.few(c, a, b, m, n, k, transA, transB, rsA, csA, rsB, csB, alpha, beta)) return;
    const parts = Math.min(this.pool.parts(work, THREAD_MIN_WORK), Math.floor(n / (2 * NR)));
    if (parts <= 1) {
      x.gemmPanel(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha, beta, 0, n, this.pool.scratch);
      return;
    }
    // Column chunks (whole NR-wide micro-panels, two per thread): each chunk repacks A, hence only two.
    const chunk = Math.ceil(n / (2 * parts) / NR) * NR;
    this.pool.share(parts, [CHUNK_KIND.PANEL, c, a, rsA, csA, b, rsB, csB, m, n, k, chunk], alpha, beta);
  }

  /** The unpacked few-row and short-k paths; false when the product is not theirs. */
  private few(
    c: number,
    a: number,
    b: number,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
    rsA: number,
    csA: number,
    rsB: number,
    csB: number,
    alpha: number,
    beta: number,
  ): boolean {
    let kind: number;
    const most = this.fewMax;
    if (m <= most && !transA && transB) kind = CHUNK_KIND.FEW_DOTS;
    else if (m <= most && !transB) kind = CHUNK_KIND.FEW_AXPY;
    else if (k <= most && !transB) kind = CHUNK_KIND.SMALL_K;
    else return false;
    const x = this.kernels.exports;
    const byRows = kind === CHUNK_KIND.SMALL_K;
    const total = byRows ? m : n;
    // chunks of whole tiles: 16-column blocks of the row updates, column quads of the dot
    // products, 4-row bands of the short-k update
    const unit = kind === CHUNK_KIND.FEW_AXPY ? 16 : 4;
    const parts = Math.min(this.pool.parts(m * n * k, THREAD_MIN_WORK), Math.floor(total / unit));
    if (parts > 1) {
      const chunk = Math.ceil(total / (FEW_CHUNKS_PER_THREAD * parts) / unit) * unit;
      this.pool.share(parts, [kind, c, a, rsA, csA, b, rsB, csB, m, n, k, chunk], alpha, beta);
    } else if (kind === CHUNK_KIND.FEW_DOTS) x.gemmFewDots(c, n, a, rsA, b, csB, m, n, k, alpha, beta);
    else if (kind === CHUNK_KIND.FEW_AXPY) x.gemmFewAxpy(c, n, a, rsA, csA, b, rsB, m, n, k, alpha, beta);
    else x.gemmSmallK(c, a, rsA, csA, b, rsB, m, n, k, alpha, beta);
    return true;
  }

  /**
   * W ← beta·W + alpha·Dᵀ·S, then Y ← beta2·Y + alpha2·X·Wᵀ (W [n, m], D [p, n], S [p, m],
   * X [q, m], Y [q, n]). Where both products would take the few-row kernels (p and q
   * at most `fewMax`: a rank-10 update and 10 images' forward product), one pass over W
   * does both, band by band, with the same numbers; otherwise two `run`s.
   */
  updateThenProject(
    w: number,
    d: number,
    s: number,
    x: number,
    y: number,
    n: number,
    m: number,
    p: number,
    q: number,
    alpha: number,
    beta: number,
    alpha2: number,
    beta2: number,
  ): void {
    const most = this.fewMax;
    // the conditions under which `run` sends the update to SMALL_K and the product to FEW_DOTS
    const fused =
      p <= most &&
      q <= most &&
      p >= MR &&
      q >= MR &&
      n >= 2 * NR &&
      m >= MR &&
      n * m * Math.min(p, q) >= PACK_MIN_WORK &&
      alpha !== 0 &&
      alpha2 !== 0;
    if (!fused) {
      this.run(w, d, s, n, m, p, true, false, alpha, beta);
      this.run(y, x, w, q, n, m, false, true, alpha2, beta2);
      return;
    }
    const parts = Math.min(this.pool.parts(n * m * (p + q), THREAD_MIN_WORK), Math.floor(n / 4));
    if (parts <= 1) {
      this.kernels.exports.gemmUpdateDots(w, d, s, x, y, n, m, p, q, 0, n, alpha, beta, alpha2, beta2);
      return;
    }
    // row ranges of W in whole bands of four
    const chunk = Math.ceil(n / (FEW_CHUNKS_PER_THREAD * parts) / 4) * 4;
    // slots in ARG order: C W, A D, RS_A X, CS_A Y, B S, RS_B p, CS_B q, M×N W
    this.pool.share(parts, [CHUNK_KIND.UPDATE_DOTS, w, d, x, y, s, p, q, n, m, 0, chunk], alpha, beta, [
      alpha2,
      beta2,
    ]);
  }

  /** Chunks computed by worker threads so far. */
  get workerChunks(): number {
    return this.pool.workerChunks;
  }

  /** Ends the worker threads (a later large product would start them again). */
  dispose(): void {
    this.pool.dispose();
  }
}
