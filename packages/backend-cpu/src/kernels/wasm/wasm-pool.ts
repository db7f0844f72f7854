import { ARG, runChunks } from './pool-chunk.js';
import type { WasmKernels } from './wasm-instance.js';
import { WorkerThreads } from './worker-threads.js';

/**
 * The worker threads one runtime's kernels share (gemm and the fused activation),
 * and the caller's own job block and scratch. Workers start on the first job big
 * enough to share (or on `whenReady`), so small uses spawn nothing; with an
 * unshared memory there are none and every job runs on the caller.
 */
export class WasmPool {
  readonly kernels: WasmKernels;
  /** The calling thread's packing scratch (`gemmScratchBytes`; its first 16 bytes double as the activation pad). */
  readonly scratch: number;
  private readonly workers: number;
  private threads: WorkerThreads | null = null;
  /** The caller's job block (`ARG` layout) in wasm memory; its NEXT slot points at the shared chunk counter. */
  private job: { ints: Int32Array; floats: Float32Array; next: Int32Array } | null = null;

  /** `threads` counts the caller; more than one needs a shared memory. */
  constructor(kernels: WasmKernels, threads = 1) {
    this.kernels = kernels;
    this.scratch = kernels.heap.alloc(kernels.exports.gemmScratchBytes());
    this.workers = kernels.heap.shared ? Math.max(0, Math.floor(threads) - 1) : 0;
  }

  /** Threads a large job uses now (workers boot asynchronously: see `whenReady`). */
  get threadCount(): number {
    return 1 + (this.threads?.ready().length ?? 0);
  }

  /** Starts the worker threads if need be and resolves when they have booted; returns the thread count. */
  async whenReady(): Promise<number> {
    return 1 + ((await this.start()?.whenReady()) ?? 0);
  }

  private start(): WorkerThreads | null {
    if (this.threads || this.workers === 0) return this.threads;
    const { heap, exports } = this.kernels;
    this.threads = new WorkerThreads(this.kernels, this.workers, exports.gemmScratchBytes());
    const at = heap.alloc(4 * (ARG.COUNT + 1));
    this.job = {
      ints: new Int32Array(heap.memory.buffer, at, ARG.COUNT),
      floats: new Float32Array(heap.memory.buffer, at, ARG.COUNT),
      next: new Int32Array(heap.memory.buffer, at + 4 * ARG.COUNT, 1),
    };
    return this.threads;
  }

  /** How many threads (the caller included) a job of `work` units gets: 1 below `min`. */
  parts(work: number, min: number): number {
    return this.workers > 0 && work >= min ? 1 + (this.start() as WorkerThreads).ready().length : 1;
  }

  /**
   * Runs one job's chunks on the caller and `parts - 1` workers alike, all claiming
   * from one shared counter: a worker the OS keeps waiting takes fewer chunks
   * instead of stalling the job. `args` is the `ARG` block up to CHUNK; `second` fills
   * ALPHA2 and BETA2 (the fused update-and-product's second pair).
   */
  share(parts: number, args: number[], alpha: number, beta: number, second: [number, number] = [0, 0]): void {
    const job = this.job as NonNullable<WasmPool['job']>;
    const threads = this.threads as WorkerThreads;
    const helpers = threads.ready().slice(0, parts - 1);
    job.ints.set(args);
    job.ints[ARG.NEXT] = job.next.byteOffset;
    job.floats[ARG.ALPHA] = alpha;
    job.floats[ARG.BETA] = beta;
    job.floats[ARG.ALPHA2] = second[0];
    job.floats[ARG.BETA2] = second[1];
    job.ints[ARG.SCRATCH] = this.scratch;
    Atomics.store(job.next, 0, 0);
    for (const helper of helpers) threads.post(helper, job.ints, alpha, beta);
    runChunks(this.kernels.exports, this.kernels.heap.memory.buffer, job.ints, job.floats, 0, job.next);
    for (const helper of helpers) threads.wait(helper);
  }

  /** Chunks computed by worker threads so far. */
  get workerChunks(): number {
    return this.threads?.chunksDone() ?? 0;
  }

  /** Ends the worker threads (a later large job would start them again). */
  dispose(): void {
    this.threads?.dispose();
    this.threads = null;
  }
}
