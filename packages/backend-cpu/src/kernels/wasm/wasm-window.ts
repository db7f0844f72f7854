import type { WindowGeometry } from '@rfa/tensor';
import { CHUNK_KIND } from './pool-chunk.js';
import type { WasmPool } from './wasm-pool.js';

/** Codes of `windowOp` in asm/window.ts. */
const WINDOW_OPS = {
  im2col: 0,
  col2im: 1,
  maxPool: 2,
  maxPoolBackward: 3,
  avgPool: 4,
  avgPoolBackward: 5,
} as const;
export type WindowOpName = keyof typeof WINDOW_OPS;

/**
 * Batches whose op touches fewer floats than this run on one thread. The window ops
 * are memory-bound copies and sums: LeNet's at batch 128 (up to ~2 Mi floats) took
 * 0.07-1.7 ms on one core here, and with the split at 64 Ki floats a second thread
 * made most of them slower (e.g. pool2's maxPool 0.10 → 0.27 ms, conv2's im2col
 * 0.48 → 0.66 ms; a two-core machine shared with other work), so only jobs of
 * 4 Mi floats (16 MiB) and more, several milliseconds of work, are split.
 */
const THREAD_MIN_FLOATS = 4 * 1024 * 1024;

/**
 * The window ops of asm/window.ts (SIMD runs over each window row), on whole images:
 * a batch large enough is split into image ranges over the pool's threads (images are
 * independent, so no two threads write one entry). The geometry goes to the kernel as
 * an i32 block in wasm memory, written per call into one block kept for the runtime.
 */
export class WasmWindow {
  private block: { ptr: number; view: Int32Array } | null = null;

  /** `minFloats`: the smallest job split over threads (tests lower it). */
  constructor(
    private readonly pool: WasmPool,
    private readonly minFloats = THREAD_MIN_FLOATS,
  ) {}

  /** `floats`: how many floats the op reads and writes per image (sizes its thread split). */
  run(op: WindowOpName, g: WindowGeometry, out: number, a: number, b: number, floats: number): void {
    const geom = this.geometry(g);
    const { pool } = this;
    const parts = Math.min(pool.parts(g.batch * floats, this.minFloats), g.batch);
    if (parts <= 1) {
      pool.kernels.exports.windowOp(WINDOW_OPS[op], geom, out, a, b, 0, g.batch);
      return;
    }
    // two chunks per thread, so a thread the OS delays costs at most a quarter of the op
    const chunk = Math.max(1, Math.ceil(g.batch / (2 * parts)));
    pool.share(parts, [CHUNK_KIND.WINDOW, out, a, geom, 0, b, 0, 0, g.batch, 0, WINDOW_OPS[op], chunk], 0, 0);
  }

  /** Writes the geometry into the block (allocated once; its view re-taken after the memory grows). */
  private geometry(g: WindowGeometry): number {
    const heap = this.pool.kernels.heap;
    const slots = this.pool.kernels.exports.windowGeometrySlots();
    if (!this.block) this.block = { ptr: heap.alloc(4 * slots), view: new Int32Array(0) };
    const block = this.block;
    if (block.view.length === 0 || block.view.buffer !== heap.memory.buffer)
      block.view = new Int32Array(heap.memory.buffer, block.ptr, slots);
    const v = block.view;
    v[0] = g.height;
    v[1] = g.width;
    v[2] = g.channels;
    v[3] = g.kernelHeight;
    v[4] = g.kernelWidth;
    v[5] = g.strideHeight;
    v[6] = g.strideWidth;
    v[7] = g.padTop;
    v[8] = g.padLeft;
    v[9] = g.outHeight;
    v[10] = g.outWidth;
    return block.ptr;
  }
}
