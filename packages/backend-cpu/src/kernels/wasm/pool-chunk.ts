import type { KernelExports } from './wasm-instance.js';

/** How a job is split into chunks that threads claim from a shared counter. */
export const CHUNK_KIND = {
  /** packed gemm (`gemmPanel`) on column ranges */
  PANEL: 0,
  /** unpacked row updates (`gemmRowAxpy`, e.g. a rank-1 weight update) on row ranges */
  ROWS: 1,
  /** dot products (`gemmDots`, a gemv x·Wᵀ with one row) on column ranges */
  DOTS: 2,
  /**
   * the fused bias + activation + derivative (`activation`) on row ranges; slots:
   * C pre, A bias, B post, RS_A derivative, K the activation code, M×N the shape
   */
  ACTIVATION: 3,
  /** a few rows, dot products (`gemmFewDots`, x·Wᵀ for 10 images) on column ranges */
  FEW_DOTS: 4,
  /** a few rows, row updates (`gemmFewAxpy`, φ(U)·B for 10 images) on column ranges */
  FEW_AXPY: 5,
  /** a short k (`gemmSmallK`, a rank-10 weight update) on row ranges */
  SMALL_K: 6,
  /**
   * a weight update and the product through it (`gemmUpdateDots`) on row ranges of W;
   * slots: C W, A D, B S, RS_A X, CS_A Y, RS_B p, CS_B q, M×N W's shape, ALPHA2/BETA2 the product's
   */
  UPDATE_DOTS: 7,
  /**
   * a window op (`windowOp`: im2col, col2im, the pools) on ranges of images; slots:
   * C out, A the first input, B the second, RS_A the geometry block, K the op code, M the batch
   */
  WINDOW: 8,
} as const;

/**
 * Argument block of one threaded job, as Int32 slots (alpha and beta as
 * float bits): what the caller writes for each worker and what `runChunks` reads.
 */
export const ARG = {
  KIND: 0,
  C: 1,
  A: 2,
  RS_A: 3,
  CS_A: 4,
  B: 5,
  RS_B: 6,
  CS_B: 7,
  M: 8,
  N: 9,
  K: 10,
  CHUNK: 11,
  NEXT: 12,
  ALPHA: 13,
  BETA: 14,
  SCRATCH: 15,
  ALPHA2: 16,
  BETA2: 17,
  COUNT: 18,
} as const;

/**
 * Claims chunks from the shared counter at byte `next` until none is left and
 * runs each; returns how many it ran. Self-contained (no imports, no closures):
 * the worker runs this very function from its source text, so caller and
 * workers cannot drift apart.
 */
export function runChunks(
  x: KernelExports,
  memory: ArrayBufferLike,
  ints: Int32Array,
  floats: Float32Array,
  at: number,
  counter?: Int32Array,
): number {
  const kind = ints[at];
  const c = ints[at + 1];
  const a = ints[at + 2];
  const rsA = ints[at + 3];
  const csA = ints[at + 4];
  const b = ints[at + 5];
  const rsB = ints[at + 6];
  const csB = ints[at + 7];
  const m = ints[at + 8];
  const n = ints[at + 9];
  const k = ints[at + 10];
  const chunk = ints[at + 11];
  // the caller passes its view of the counter (no array per job); a worker makes one. No `??`
  // here: the CJS build rewrites it to a helper the worker's copy of this source does not have
  const next = counter !== undefined ? counter : new Int32Array(memory, ints[at + 12], 1);
  const alpha = floats[at + 13];
  const beta = floats[at + 14];
  const scratch = ints[at + 15];
  const total = kind === 1 || kind === 3 || kind === 6 || kind === 7 || kind === 8 ? m : n;
  let ran = 0;
  for (let j0 = Atomics.add(next, 0, chunk); j0 < total; j0 = Atomics.add(next, 0, chunk)) {
    const j1 = Math.min(total, j0 + chunk);
    if (kind === 0) x.gemmPanel(c, a, rsA, csA, b, rsB, csB, m, n, k, alpha, beta, j0, j1, scratch);
    else if (kind === 1)
      x.gemmRowAxpy(c + 4 * j0 * n, a + 4 * j0 * rsA, rsA, csA, b, rsB, j1 - j0, n, k, alpha, 1);
    else if (kind === 2)
      x.gemmDots(c + 4 * j0, a, rsA, csA, b + 4 * j0 * csB, rsB, csB, 1, j1 - j0, k, alpha);
    else if (kind === 4)
      x.gemmFewDots(c + 4 * j0, n, a, rsA, b + 4 * j0 * csB, csB, m, j1 - j0, k, alpha, beta);
    else if (kind === 5)
      x.gemmFewAxpy(c + 4 * j0, n, a, rsA, csA, b + 4 * j0, rsB, m, j1 - j0, k, alpha, beta);
    else if (kind === 6)
      x.gemmSmallK(c + 4 * j0 * n, a + 4 * j0 * rsA, rsA, csA, b, rsB, j1 - j0, n, k, alpha, beta);
    else if (kind === 7)
      x.gemmUpdateDots(
        c,
        a,
        b,
        rsA,
        csA,
        m,
        n,
        rsB,
        csB,
        j0,
        j1,
        alpha,
        beta,
        floats[at + 16],
        floats[at + 17],
      );
    else if (kind === 8) x.windowOp(k, rsA, c, a, b, j0, j1);
    else {
      // scratch starts with 16 bytes the activation may use as its pad; 0 pointers stay 0 (that part is skipped)
      const at = 4 * j0 * n; // byte offset of row j0
      x.activation(k, c + at, a, b && b + at, rsA && rsA + at, j1 - j0, n, scratch);
    }
    ran++;
  }
  return ran;
}
