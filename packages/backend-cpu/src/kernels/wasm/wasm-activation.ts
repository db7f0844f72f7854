import { CHUNK_KIND } from './pool-chunk.js';
import type { WasmPool } from './wasm-pool.js';

/**
 * Matrices with fewer entries than this run the activation on one thread. A logistic
 * with its derivative costs ~3 ns an entry on one core here (128×1000: ~375 µs on one
 * thread, ~200 µs on two); below 64 Ki entries, under ~0.2 ms of work, a wake-up and
 * join (~10-50 µs) would eat much of what the second core saves.
 */
const THREAD_MIN_ENTRIES = 65_536;

/**
 * The fused bias + activation + derivative pass of asm/activation.ts over a
 * rows×cols matrix, split by row ranges over the pool's threads when large.
 * Pointers are byte addresses in wasm memory; 0 for bias, post or derivative skips
 * that part.
 */
export class WasmActivation {
  constructor(private readonly pool: WasmPool) {}

  run(
    code: number,
    pre: number,
    bias: number,
    post: number,
    derivative: number,
    rows: number,
    cols: number,
  ): void {
    const { pool } = this;
    const parts = Math.min(pool.parts(rows * cols, THREAD_MIN_ENTRIES), Math.floor(rows / 2));
    if (parts <= 1) {
      pool.kernels.exports.activation(code, pre, bias, post, derivative, rows, cols, pool.scratch);
      return;
    }
    // two chunks per thread, so a thread the OS delays costs at most a quarter of the pass
    const chunk = Math.ceil(rows / (2 * parts));
    pool.share(
      parts,
      [CHUNK_KIND.ACTIVATION, pre, bias, derivative, 0, post, 0, 0, rows, cols, code, chunk],
      0,
      0,
    );
  }
}
